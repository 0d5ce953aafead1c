import "server-only";
import NextAuth from "next-auth";
import Credentials from "next-auth/providers/credentials";
import { db } from "@/lib/db";
import { readSignInTicket } from "./ticket";

declare module "next-auth" {
  interface Session {
    /** The user's session version when this JWT was issued; see getActor(). */
    sessionVersion: number;
  }
  interface User {
    sessionVersion?: number;
  }
}

declare module "@auth/core/jwt" {
  interface JWT {
    sv?: number;
  }
}

export const { handlers, auth, signIn, signOut } = NextAuth({
  trustHost: true,
  session: { strategy: "jwt", maxAge: 30 * 24 * 60 * 60 },
  pages: { signIn: "/sign-in", error: "/sign-in" },
  providers: [
    Credentials({
      id: "credentials",
      credentials: { ticket: {} },
      // Only a ticket issued by verifyCredentials() is accepted (see ticket.ts).
      async authorize(credentials) {
        const userId = readSignInTicket(credentials?.ticket);
        if (!userId) return null;
        const user = await db.user.findUnique({ where: { id: userId }, select: { id: true, name: true, email: true, sessionVersion: true } });
        return user;
      },
    }),
  ],
  callbacks: {
    jwt({ token, user }) {
      if (user?.id) {
        token.sub = user.id;
        token.sv = user.sessionVersion ?? 0;
      }
      return token;
    },
    session({ session, token }) {
      if (token.sub) session.user.id = token.sub;
      session.sessionVersion = token.sv ?? 0;
      return session;
    },
  },
});
