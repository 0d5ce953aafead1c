import type pg from "pg";

export const RARE_TERM: string;
export function insertDocs(
  client: pg.Client,
  opts: { workspaceId: string; ownerId: string; from: number; to: number },
): Promise<void>;
