import { createHash } from "node:crypto";
import type { JSONContent } from "@tiptap/core";
import { canonicalJson } from "@/lib/docs/canonical-json";
import { renderDocToHTML } from "@/lib/editor/render-html";
import { extractText } from "@/lib/editor/validate";

/** SHA-256 hex of the canonical JSON (SQL: section_content_hash(jsonb), kept equal by hash.db.test.ts). */
export function contentHash(content: unknown): string {
  return createHash("sha256").update(canonicalJson(content)).digest("hex");
}

export type Derived = { content: JSONContent; text: string; html: string; contentHash: string };

/** Everything stored beside a section's content, from validated content. */
export function deriveContent(content: JSONContent, text?: string): Derived {
  return {
    content,
    text: text ?? extractText(content),
    html: renderDocToHTML(content),
    contentHash: contentHash(content),
  };
}
