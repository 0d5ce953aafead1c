import type { Command, EditorState, Plugin, Transaction } from "@tiptap/pm/state";
import type * as History from "@tiptap/pm/history";

/*
 * The browser's "@tiptap/pm/history" (next.config.ts aliases it for client bundles). @tiptap/core and Tiptap's Link
 * import two small helpers from ProseMirror's history (`closeHistory`, `isHistoryTransaction`), which brought the
 * whole history with its rope-sequence (~2.8 KB gzip) into the live editor, whose undo is Yjs's (y-tiptap), not
 * ProseMirror's. Here those helpers work without it: with no history plugin, closing a history group does nothing
 * and no transaction is a history one, exactly what the real ones answer then.
 *
 * The editors that do use ProseMirror's undo (the saving section editor, the comment editor) bring the real module
 * first (./undo-history.ts); from then on everything here is the real thing. Asking for the history itself before
 * that is a bug, and says so.
 */
type HistoryModule = typeof History;

let real: HistoryModule | null = null;

/** Called once by ./undo-history.ts, when an editor with ProseMirror's undo is loaded. */
export function provideHistory(module: HistoryModule): void {
  real = module;
}

function need(): HistoryModule {
  if (!real)
    throw new Error(
      "ProseMirror's undo history was asked for by an editor that did not load it: import ./undo-history " +
        "(components/editor/pm-history.ts says why)",
    );
  return real;
}

export const closeHistory = (tr: Transaction): Transaction => (real ? real.closeHistory(tr) : tr);
export const isHistoryTransaction = (tr: Transaction): boolean => (real ? real.isHistoryTransaction(tr) : false);
export const undoDepth = (state: EditorState): number => (real ? real.undoDepth(state) : 0);
export const redoDepth = (state: EditorState): number => (real ? real.redoDepth(state) : 0);
export const history = (config?: Parameters<HistoryModule["history"]>[0]): Plugin => need().history(config);
export const undo: Command = (state, dispatch, view) => need().undo(state, dispatch, view);
export const redo: Command = (state, dispatch, view) => need().redo(state, dispatch, view);
export const undoNoScroll: Command = (state, dispatch, view) => need().undoNoScroll(state, dispatch, view);
export const redoNoScroll: Command = (state, dispatch, view) => need().redoNoScroll(state, dispatch, view);
