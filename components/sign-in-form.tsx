"use client";

import { signIn } from "next-auth/react";
import { useRouter } from "next/navigation";
import { type FormEvent, useState } from "react";
import { signInErrorMessage } from "~/server/auth/sign-in-messages";
import { Button } from "./button";
import { TextField } from "./form-field";

/**
 * Posts to NextAuth's credentials callback. Once hydrated it signs in with fetch and stays
 * on the page to show errors; before hydration (slow load, a script error) the browser
 * posts the same form itself, so the password never lands in a URL.
 */
export function SignInForm({ callbackUrl, initialError }: { callbackUrl: string; initialError?: string | null }) {
  const router = useRouter();
  const [error, setError] = useState<string | null>(signInErrorMessage(initialError));
  const [busy, setBusy] = useState(false);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    setBusy(true);
    setError(null);
    const result = await signIn("credentials", { email: form.get("email"), password: form.get("password"), redirect: false });
    setBusy(false);
    if (!result?.ok || result.error) {
      setError(signInErrorMessage(result?.error ?? "CredentialsSignin"));
      return;
    }
    router.replace(callbackUrl);
    router.refresh();
  }

  return (
    <form method="post" action="/api/auth/callback/credentials" onSubmit={submit} noValidate>
      <input type="hidden" name="callbackUrl" value={callbackUrl} />
      <TextField label="Email" name="email" type="email" autoComplete="username" required autoFocus />
      <TextField label="Password" name="password" type="password" autoComplete="current-password" required />
      {error && <p role="alert" className="mb-3 text-sm text-red-700">{error}</p>}
      <Button type="submit" busy={busy} className="w-full">Sign in</Button>
    </form>
  );
}
