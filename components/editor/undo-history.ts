// The real path: in the browser "@tiptap/pm/history" is ./pm-history.ts, which this module makes complete.
import * as realHistory from "../../node_modules/@tiptap/pm/dist/history/index.js";
import { provideHistory } from "./pm-history";

/**
 * ProseMirror's undo history for an editor that uses it (StarterKit's UndoRedo): the saving section editor and the
 * comment editor call this at load, before any editor of theirs is made. The live editor does not: its undo is Yjs's.
 */
export function withUndoHistory(): void {
  provideHistory(realHistory);
}
