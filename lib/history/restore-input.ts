import "server-only";
import type { RestoreScope } from "@/lib/docs/content";
import { parseInput } from "@/lib/validation";
import { parsePoint } from "./points";
import { ZRestore } from "./schemas";

/**
 * The point and sections of a restore as the API and the actions receive them (a seq as text, `{ sections? }`);
 * restoring itself is the pipeline's (lib/docs/content/restore.ts). No sections listed: the whole doc.
 */
export function parseRestoreInput(rawSeq: unknown, raw: unknown): { point: bigint; scope: RestoreScope } {
  const { sections } = parseInput(ZRestore, raw ?? {});
  return { point: parsePoint(rawSeq, "INVALID_INPUT"), scope: sections.length ? sections : "all" };
}
