import NextAuth from "next-auth";
import type { NextRequest } from "next/server";
import { authOptions } from "~/server/auth/auth-options";

// Options are built per request so env() (and its secret check) is read at run time, not at build.
const handler = (req: NextRequest, context: { params: Promise<{ nextauth: string[] }> }) => NextAuth(req, context, authOptions());

export { handler as GET, handler as POST };
