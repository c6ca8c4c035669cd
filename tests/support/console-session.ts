import { TRPCClientError } from "@trpc/client";
import { inject } from "vitest";
import type { UserRole } from "~/generated/prisma/enums";
import { createUser } from "~/server/users/create-user";
import { testDb, uniqueCode } from "./fixtures";

export { consoleClient, cookieHeader, postSignIn, signInOverHttp, signOutOverHttp } from "./sign-in";
import { consoleClient, signInOverHttp } from "./sign-in";

export const CONSOLE_TEST_PASSWORD = "correct horse battery staple";

/** A fresh console user of this role, signed in over HTTP, with its tRPC client. */
export async function signedInAs(role: UserRole) {
  const baseUrl = inject("baseUrl");
  const email = `${uniqueCode(role)}@nexa.test`;
  const user = await createUser({ db: await testDb(), email, password: CONSOLE_TEST_PASSWORD, role });
  const cookie = await signInOverHttp(baseUrl, email, CONSOLE_TEST_PASSWORD);
  if (!cookie) throw new Error(`could not sign in as ${email}`);
  return { user, cookie, client: consoleClient(baseUrl, cookie) };
}

/** The tRPC error code a call fails with (it must fail). */
export async function trpcCode(call: Promise<unknown>): Promise<string> {
  const error = await call.then(() => null, (caught: unknown) => caught);
  if (!(error instanceof TRPCClientError)) throw new Error(`expected a tRPC error, got ${JSON.stringify(error)}`);
  return (error.data as { code: string }).code;
}
