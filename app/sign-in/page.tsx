import { SignInForm } from "~/components/sign-in-form";
import { safeCallbackPath } from "~/server/auth/safe-callback-url";

export const metadata = { title: "Sign in · Nexa Billing Hub" };

export default async function SignInPage({ searchParams }: { searchParams: Promise<{ callbackUrl?: string; error?: string }> }) {
  const { callbackUrl, error } = await searchParams;
  return (
    <main className="mx-auto mt-24 max-w-sm rounded-lg border border-slate-200 bg-white p-6 shadow-sm">
      <h1 className="mb-4 text-xl font-semibold">Sign in to the Nexa console</h1>
      <SignInForm callbackUrl={safeCallbackPath(callbackUrl)} initialError={error} />
    </main>
  );
}
