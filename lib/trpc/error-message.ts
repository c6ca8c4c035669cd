import { TRPCClientError } from "@trpc/client";
import type { AppRouter } from "~/server/trpc/root";

/** A one-line, human message for a failed call: field errors when the server gave some. */
export function errorMessage(error: unknown): string {
  if (!(error instanceof TRPCClientError)) return error instanceof Error ? error.message : "Something went wrong";
  const data = (error as TRPCClientError<AppRouter>).data;
  const details = data?.appError?.details;
  if (details) return `Invalid: ${Object.entries(details).map(([field, codes]) => `${field} ${[codes].flat().join(", ")}`).join("; ")}`;
  const fields = data?.zodError?.fieldErrors as Record<string, string[] | undefined> | undefined;
  if (fields && Object.keys(fields).length) return `Invalid: ${Object.entries(fields).map(([field, messages]) => `${field} ${messages?.join(", ")}`).join("; ")}`;
  return error.message;
}
