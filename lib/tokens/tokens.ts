import "server-only";
import type { Actor } from "@/lib/auth/session-token";
import { newToken, sha256Hex } from "@/lib/crypto";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { parseInput } from "@/lib/validation";
import { ZCreateToken } from "./schemas";
import { MAX_ACTIVE_TOKENS, TOKEN_PREFIX, type TokenScope } from "./scopes";

const DAY_MS = 86_400_000;

export type ApiTokenState = "active" | "expired" | "revoked";

/** What the settings page shows of a token: never its hash. */
export type ApiTokenDTO = {
  id: string;
  name: string;
  prefix: string;
  scopes: TokenScope[];
  createdAt: string;
  expiresAt: string | null;
  lastUsedAt: string | null;
  lastUsedAddress: string | null;
  revokedAt: string | null;
  state: ApiTokenState;
};

type TokenRow = {
  id: string;
  name: string;
  prefix: string;
  scopes: string[];
  createdAt: Date;
  expiresAt: Date | null;
  lastUsedAt: Date | null;
  lastUsedAddress: string | null;
  revokedAt: Date | null;
};

export const toScope = (s: string) => s.toLowerCase() as TokenScope;
const toDbScope = (s: TokenScope) => s.toUpperCase() as "READ" | "WRITE" | "REVIEW" | "ADMIN";

export function tokenState(row: Pick<TokenRow, "revokedAt" | "expiresAt">, now = new Date()): ApiTokenState {
  if (row.revokedAt) return "revoked";
  return row.expiresAt && row.expiresAt <= now ? "expired" : "active";
}

function toDTO(row: TokenRow): ApiTokenDTO {
  return {
    id: row.id,
    name: row.name,
    prefix: row.prefix,
    scopes: row.scopes.map(toScope),
    createdAt: row.createdAt.toISOString(),
    expiresAt: row.expiresAt?.toISOString() ?? null,
    lastUsedAt: row.lastUsedAt?.toISOString() ?? null,
    lastUsedAddress: row.lastUsedAddress,
    revokedAt: row.revokedAt?.toISOString() ?? null,
    state: tokenState(row),
  };
}

/** A new personal access token: the token itself is in this answer only; its SHA-256 is what is stored. */
export async function createApiToken(actor: Actor, raw: unknown): Promise<{ token: string; apiToken: ApiTokenDTO }> {
  const input = parseInput(ZCreateToken, raw);
  const active = await db.apiToken.count({
    where: { userId: actor.id, revokedAt: null, OR: [{ expiresAt: null }, { expiresAt: { gt: new Date() } }] },
  });
  if (active >= MAX_ACTIVE_TOKENS)
    throw new AppError("CONFLICT", `You have ${active} active tokens, the most allowed. Revoke one you no longer use.`);
  const token = TOKEN_PREFIX + newToken();
  const row = await db.apiToken.create({
    data: {
      userId: actor.id,
      name: input.name,
      tokenHash: sha256Hex(token),
      prefix: token.slice(0, TOKEN_PREFIX.length + 6),
      scopes: [...new Set(input.scopes)].map(toDbScope),
      expiresAt: input.expiresInDays === "never" ? null : new Date(Date.now() + input.expiresInDays * DAY_MS),
    },
  });
  return { token, apiToken: toDTO(row) };
}

/** The actor's own tokens, newest first, revoked ones included (for the record). */
export async function listApiTokens(actor: Actor): Promise<ApiTokenDTO[]> {
  const rows = await db.apiToken.findMany({ where: { userId: actor.id }, orderBy: { createdAt: "desc" }, take: 200 });
  return rows.map(toDTO);
}

/** Revoke one of the actor's tokens: it is refused (401) from the next request on. Someone else's is NOT_FOUND. */
export async function revokeApiToken(actor: Actor, tokenId: string): Promise<ApiTokenDTO> {
  const row = await db.apiToken.findFirst({ where: { id: tokenId, userId: actor.id } });
  if (!row) throw new AppError("NOT_FOUND", "This token does not exist.");
  if (row.revokedAt) return toDTO(row);
  return toDTO(await db.apiToken.update({ where: { id: row.id }, data: { revokedAt: new Date() } }));
}
