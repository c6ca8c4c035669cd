import type { DefaultSession, NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { z } from "zod";
import { getDb } from "~/server/db/client";
import { env } from "~/server/env";
import { QueueFullError } from "~/server/lib/concurrency-limit";
import { revokeSessions } from "~/server/users/revoke-sessions";
import { verifyCredentials } from "~/server/users/verify-credentials";
import { clientAddress } from "./client-address";
import { safeCallbackPath } from "./safe-callback-url";
import { BUSY_MESSAGE, throttledMessage } from "./sign-in-messages";
import { claimSignInAttempt, settleSuccessfulSignIn } from "./sign-in-throttle";

declare module "next-auth" {
  interface Session {
    user: { id: string; sessionVersion?: number } & DefaultSession["user"];
  }
  interface User {
    sessionVersion?: number;
  }
}

declare module "next-auth/jwt" {
  interface JWT {
    sessionVersion?: number;
  }
}

const credentialsSchema = z.object({ email: z.string().trim().min(1).max(320), password: z.string().min(1).max(200) });

/**
 * Email + password sign-in, sessions as signed JWT cookies carrying the user id and its
 * session version: the role and the version are checked against the database on every
 * request, and signing out bumps the version, so a stolen cookie dies with the sign-out.
 * Attempts are throttled per account and per client address before any hashing.
 */
export const authOptions = (): NextAuthOptions => ({
  secret: env().NEXTAUTH_SECRET,
  session: { strategy: "jwt", maxAge: 8 * 60 * 60 },
  // `__Secure-` cookies with the Secure flag whenever the app runs in production, even
  // without NEXTAUTH_URL (NextAuth would otherwise decide from that URL alone).
  useSecureCookies: env().NODE_ENV === "production",
  pages: { signIn: "/sign-in", error: "/sign-in" },
  providers: [
    CredentialsProvider({
      name: "Password",
      credentials: { email: { label: "Email", type: "email" }, password: { label: "Password", type: "password" } },
      async authorize(raw, request) {
        const credentials = credentialsSchema.safeParse(raw);
        if (!credentials.success) return null;
        const db = await getDb();
        const address = clientAddress(request?.headers);
        const claim = await claimSignInAttempt({ db, email: credentials.data.email, address });
        if (!claim.allowed) throw new Error(throttledMessage(claim.retryAfterMs));
        let user;
        try {
          user = await verifyCredentials({ db, ...credentials.data });
        } catch (error) {
          if (error instanceof QueueFullError) throw new Error(BUSY_MESSAGE);
          throw error;
        }
        if (!user) return null;
        await settleSuccessfulSignIn({ db, email: credentials.data.email, address });
        return { id: user.id, email: user.email, name: user.name, sessionVersion: user.sessionVersion };
      },
    }),
  ],
  callbacks: {
    jwt: ({ token, user }) => (user ? { ...token, sessionVersion: user.sessionVersion } : token),
    session: ({ session, token }) => ({ ...session, user: { ...session.user, id: token.sub ?? "", sessionVersion: token.sessionVersion } }),
    // Same rule as the sign-in page: only paths on this origin.
    redirect: ({ url, baseUrl }) => `${baseUrl}${safeCallbackPath(url.startsWith(baseUrl) ? url.slice(baseUrl.length) || "/" : url)}`,
  },
  events: {
    async signOut({ token }) {
      if (token?.sub) await revokeSessions({ db: await getDb(), userId: token.sub });
    },
  },
});
