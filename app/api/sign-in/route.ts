import { clientAddress } from "@/lib/http/client-address";
import { handle, json, readJson } from "@/lib/http/route";
import { verifyCredentials } from "@/lib/auth/sign-in";
import { signIn } from "@/lib/auth/next-auth";
import { issueSignInTicket } from "@/lib/auth/ticket";

/**
 * JSON sign-in for scripts and API clients: 200 and a session cookie, 401 with the
 * same message for an unknown email or a wrong password, 429 with Retry-After.
 */
export const POST = handle(
  async (req) => {
    const body = await readJson(req, 8 * 1024);
    const user = await verifyCredentials(body, clientAddress(req.headers));
    await signIn("credentials", { ticket: issueSignInTicket(user.id), redirect: false });
    return json({ ok: true });
  },
  { scope: "none" },
);
