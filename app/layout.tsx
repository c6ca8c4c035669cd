import type { ReactNode } from "react";
import "./globals.css";

export const metadata = { title: "Nexa Billing Hub" };

// Every page is rendered per request, so it carries that request's CSP nonce (proxy.ts).
export const dynamic = "force-dynamic";

export default function RootLayout({ children }: { children: ReactNode }) {
  return (
    <html lang="en">
      <body className="bg-slate-50 text-slate-900 antialiased">{children}</body>
    </html>
  );
}
