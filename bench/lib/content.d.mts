import type { JSONContent } from "@tiptap/core";

export function sectionContent(opts: {
  seed: string;
  marker: string;
  targetBytes: number;
  table?: boolean;
  measure?: (doc: JSONContent) => number;
}): JSONContent;
export function markerOf(doc: unknown): string | null;
