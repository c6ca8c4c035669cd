import { SignInForm } from "~/components/sign-in-form";

export const metadata = { title: "Sign in · Nexa Billing Hub" };

export default async function SignInPage({ searchParams }: { searchParams: Promise<{ callbackUrl?: string; error?: string }> }) {
  const { callbackUrl } = await searchParams;
  // Only same-site paths: an absolute callback URL would be an open redirect.
  const next = callbackUrl?.startsWith("/") && !callbackUrl.startsWith("//") ? callbackUrl : "/";
  return (
    <main className="mx-auto mt-24 max-w-sm rounded-lg border border-slate-200 bg-white p-6 shadow-sm">
      <h1 className="mb-4 text-xl font-semibold">Sign in to the Nexa console</h1>
      <SignInForm callbackUrl={next} />
    </main>
  );
}
