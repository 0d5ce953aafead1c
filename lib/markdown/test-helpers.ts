import { readFileSync } from "node:fs";
import path from "node:path";
import type { JSONContent } from "@tiptap/core";
import { parseSectionContent } from "@/lib/editor/validate";
import { walk } from "./walk";

export const fixture = (name: string) => readFileSync(path.join(import.meta.dirname, "fixtures", name), "utf8");

/** Content as the server stores it (throws with the validator's message otherwise). */
export function stored(doc: JSONContent | null | undefined): JSONContent {
  const result = parseSectionContent(doc);
  if (!result.ok) throw new Error(result.message);
  return result.doc;
}

export const nodesOf = (doc: JSONContent, type: string) => [...walk([doc])].filter((n) => n.type === type);
export const linksOf = (doc: JSONContent) =>
  [...walk([doc])].flatMap((n) => (n.marks ?? []).filter((m) => m.type === "link").map((m) => String(m.attrs?.href)));
export const textOf = (doc: JSONContent) =>
  [...walk([doc])].map((n) => (n.type === "text" ? n.text : n.type === "hardBreak" ? "\n" : "")).join("");
