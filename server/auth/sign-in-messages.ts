/*
 * What the sign-in form says for each way a sign-in fails. No imports: the browser form
 * uses it too. NextAuth passes a message thrown by `authorize` through as `error`.
 */
export const THROTTLED_PREFIX = "Too many sign-in attempts";

export const throttledMessage = (retryAfterMs: number) => `${THROTTLED_PREFIX}: try again in ${Math.max(1, Math.ceil(retryAfterMs / 1000))} s.`;

export const BUSY_MESSAGE = `${THROTTLED_PREFIX}: the console is busy, try again in a few seconds.`;

/** The form's line for NextAuth's `error` (from signIn() or the `?error=` of a form post). */
export function signInErrorMessage(error: string | null | undefined): string | null {
  if (!error) return null;
  if (error.startsWith(THROTTLED_PREFIX)) return error;
  return "Wrong email or password.";
}
