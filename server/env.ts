import { z } from "zod";

/** The only reader of process.env. Empty strings count as unset. */
const emptyAsUndefined = (value: unknown) => (value === "" ? undefined : value);

const schema = z.object({
  DATABASE_URL: z.preprocess(emptyAsUndefined, z.string().default("pglite:.data/demo")),
  API_MAX_BODY_BYTES: z.preprocess(emptyAsUndefined, z.coerce.number().int().positive().default(1_048_576)),
  EVENTS_BATCH_LIMIT: z.preprocess(emptyAsUndefined, z.coerce.number().int().positive().default(100)),
});

export type Env = z.infer<typeof schema>;

let parsed: Env | undefined;

export function env(): Env {
  parsed ??= schema.parse(process.env);
  return parsed;
}
