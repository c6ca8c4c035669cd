/**
 * zod readers for Odoo's read() conventions: unset values come back as `false`,
 * many2one as `[id, display_name]`, dates as "YYYY-MM-DD". They turn `false` into null.
 */
import { z } from "zod";

export const m2oId = z
  .union([z.tuple([z.number().int(), z.string()]), z.number().int(), z.literal(false)])
  .transform((v) => (v === false ? null : Array.isArray(v) ? v[0] : v));

export const m2oName = z
  .union([z.tuple([z.number().int(), z.string()]), z.literal(false)])
  .transform((v) => (v === false ? null : v[1]));

export const optString = z.union([z.string(), z.literal(false)]).transform((v) => (v === false ? null : v));

export const optDate = z
  .union([z.string().regex(/^\d{4}-\d{2}-\d{2}$/), z.literal(false)])
  .transform((v) => (v === false ? null : v));

export const ids = z.array(z.number().int());

export const recordId = z.number().int().positive();

/** Odoo datetimes are UTC "YYYY-MM-DD HH:MM:SS" strings. */
export const datetime = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}/)
  .transform((v) => new Date(`${v.slice(0, 10)}T${v.slice(11, 19)}Z`));
