import "server-only";
import NextAuth from "next-auth";
import Credentials from "next-auth/providers/credentials";
import { db } from "@/lib/db";
import { authSessionLive, SESSION_MAX_AGE_SECONDS, startAuthSession } from "./auth-sessions";
import { readSignInTicket } from "./ticket";

declare module "next-auth" {
  interface Session {
    /** The user's session version when this JWT was issued; see getActor(). */
    sessionVersion: number;
    /** The AuthSession row this cookie names (lib/auth/auth-sessions.ts). */
    sid: string | null;
  }
  interface User {
    sessionVersion?: number;
  }
}

declare module "@auth/core/jwt" {
  interface JWT {
    sv?: number;
    sid?: string;
  }
}

export const { handlers, auth, signIn, signOut } = NextAuth({
  trustHost: true,
  session: { strategy: "jwt", maxAge: SESSION_MAX_AGE_SECONDS },
  pages: { signIn: "/sign-in", error: "/sign-in" },
  providers: [
    Credentials({
      id: "credentials",
      credentials: { ticket: {} },
      // Only a ticket issued by verifyCredentials() is accepted (see ticket.ts).
      async authorize(credentials) {
        const userId = readSignInTicket(credentials?.ticket);
        if (!userId) return null;
        const user = await db.user.findUnique({
          where: { id: userId },
          select: { id: true, name: true, email: true, sessionVersion: true },
        });
        return user;
      },
    }),
  ],
  callbacks: {
    /**
     * At sign-in a session row is started and named in the cookie. Every later decode
     * through Auth.js (GET /api/auth/session, auth()) asks whether that session is still
     * live: after sign-out or "sign out everywhere" it answers null, which makes Auth.js
     * clear the cookie and report no session instead of issuing a fresh one.
     */
    async jwt({ token, user, trigger }) {
      if (user?.id) {
        token.sub = user.id;
        token.sv = user.sessionVersion ?? 0;
        token.sid = await startAuthSession(user.id);
        return token;
      }
      return (await authSessionLive(token.sid, trigger !== "update")) ? token : null;
    },
    session({ session, token }) {
      if (token.sub) session.user.id = token.sub;
      session.sessionVersion = token.sv ?? 0;
      session.sid = token.sid ?? null;
      return session;
    },
  },
});
