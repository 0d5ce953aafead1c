import type { JSONContent } from "@tiptap/core";

/**
 * Shared by the light SectionBlock and the lazily loaded SectionEditor. Types
 * only: importing this file adds no JavaScript to the page.
 */

/** Where the caret goes when the editor appears (x/y relative to the read view's top-left). */
export type FocusRequest = { kind: "point"; x: number; y: number } | { kind: "end" } | { kind: "start" } | null;

export type EditorStart = {
  content: JSONContent;
  /** The version `content` is based on (a restored draft's own base). */
  baseVersion: number;
  /** A draft from this device: save it as soon as the editor is up. */
  restored: boolean;
  /** "Insert outline" was pressed in the read view. */
  insertOutline: boolean;
  focus: FocusRequest;
};
