import "server-only";
import { db, type Tx } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { createWorkspaceTx } from "@/lib/workspaces/create-workspace";
import { hashPassword } from "./password";
import { ZSignUp } from "./schemas";
import { parseInput } from "@/lib/validation";

export type SignedUp = { userId: string; workspaceSlug: string };

/**
 * Create the account and, in the same transaction, the user's first workspace (they
 * own it); `inTx` runs in that transaction too. INVARIANT: only once the address is
 * proven (lib/auth/confirm-sign-up.ts) — the public form goes through
 * lib/auth/sign-up-request.ts, which never says whether an address has an account.
 */
export async function createAccount(
  input: { name: string; email: string; passwordHash: string },
  inTx?: (tx: Tx) => Promise<void>,
): Promise<SignedUp> {
  try {
    return await db.$transaction(async (tx) => {
      const user = await tx.user.create({
        data: { email: input.email, name: input.name, passwordHash: input.passwordHash },
      });
      const workspace = await createWorkspaceTx(tx, user.id, `${input.name.split(/\s+/)[0]}'s workspace`);
      await inTx?.(tx);
      return { userId: user.id, workspaceSlug: workspace.slug };
    });
  } catch (error) {
    // Only the owner of the address gets here (from its confirmation link): saying so reveals nothing.
    if ((error as { code?: string }).code === "P2002") {
      throw new AppError("CONFLICT", "An account with this email address already exists. Sign in instead.", {
        fieldErrors: { email: ["An account with this email address already exists"] },
      });
    }
    throw error;
  }
}

/** Seeds, benchmarks and test factories: an account at once, with nobody's mailbox to prove. */
export async function signUp(raw: unknown): Promise<SignedUp> {
  const input = parseInput(ZSignUp, raw);
  return createAccount({ name: input.name, email: input.email, passwordHash: await hashPassword(input.password) });
}
