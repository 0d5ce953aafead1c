import "server-only";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { createWorkspaceTx } from "@/lib/workspaces/create-workspace";
import { hashPassword } from "./password";
import { ZSignUp } from "./schemas";
import { parseInput } from "@/lib/validation";

export type SignedUp = { userId: string; workspaceSlug: string };

/** Create the account and, in the same transaction, the user's first workspace (they own it). */
export async function signUp(raw: unknown): Promise<SignedUp> {
  const input = parseInput(ZSignUp, raw);
  const passwordHash = await hashPassword(input.password);
  try {
    return await db.$transaction(async (tx) => {
      const user = await tx.user.create({ data: { email: input.email, name: input.name, passwordHash } });
      const workspace = await createWorkspaceTx(tx, user.id, `${input.name.split(/\s+/)[0]}'s workspace`);
      return { userId: user.id, workspaceSlug: workspace.slug };
    });
  } catch (error) {
    if ((error as { code?: string }).code === "P2002") {
      throw new AppError("CONFLICT", "An account with this email already exists. Sign in instead.", {
        fieldErrors: { email: ["An account with this email already exists"] },
      });
    }
    throw error;
  }
}
