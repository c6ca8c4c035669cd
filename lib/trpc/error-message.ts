import { TRPCClientError } from "@trpc/client";
import { detailSentences, errorSentence, isErrorCode } from "~/lib/error-sentences";
import type { AppRouter } from "~/server/trpc/root";

/**
 * Per-field sentences of a failed call: the domain's Lago-style details and zod's input
 * errors, keyed by field (`code`, `fieldName`, `charges.0.properties.amount`). Empty when
 * the failure is not about fields.
 */
export function fieldErrors(error: unknown): Record<string, string> {
  if (!(error instanceof TRPCClientError)) return {};
  const data = (error as TRPCClientError<AppRouter>).data;
  const details = data?.appError?.details;
  const zodFields = (data?.zodError?.fieldErrors ?? {}) as Record<string, string[] | undefined>;
  const fromZod = Object.fromEntries(Object.entries(zodFields).filter(([, messages]) => messages?.length).map(([field, messages]) => [field, `${messages!.join(". ")}.`.replace(/\.\.$/, ".")]));
  return { ...fromZod, ...(details ? detailSentences(details) : {}) };
}

/** A one-line, human message for a failed call: never a bare error code. */
export function errorMessage(error: unknown): string {
  const fields = fieldErrors(error);
  const entries = Object.entries(fields);
  if (entries.length) return entries.map(([field, sentence]) => `${field}: ${sentence}`).join(" ");
  const message = error instanceof Error ? error.message : "Something went wrong.";
  return isErrorCode(message) ? errorSentence(message) : message;
}
