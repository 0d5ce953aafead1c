import { Schema } from "@tiptap/pm/model";
import { EditorState } from "@tiptap/pm/state";
import { describe, expect, it } from "vitest";
import * as lite from "./pm-history";
import { withUndoHistory } from "./undo-history";

const schema = new Schema({ nodes: { doc: { content: "text*" }, text: {} } });

describe("the browser's @tiptap/pm/history (pm-history.ts)", () => {
  it("without the real history: closing a group changes nothing, no transaction is a history one", () => {
    const state = EditorState.create({ schema });
    const tr = state.tr.insertText("a");
    expect(lite.closeHistory(tr)).toBe(tr);
    expect(tr.getMeta("closeHistory$")).toBeUndefined();
    expect(lite.isHistoryTransaction(tr)).toBe(false);
    expect(lite.undoDepth(state)).toBe(0);
    // An editor that wants ProseMirror's undo but did not load it is told so, not left without undo silently.
    expect(() => lite.history()).toThrow(/did not load it: import \.\/undo-history/);
    expect(() => lite.undo(state)).toThrow(/undo history was asked for/);
  });

  it("once an editor brings the real history, undo and redo are ProseMirror's", () => {
    withUndoHistory();
    let state = EditorState.create({ schema, plugins: [lite.history()] });
    state = state.apply(state.tr.insertText("ab"));
    expect(lite.undoDepth(state)).toBe(1);
    expect(
      lite.undo(state, (tr) => {
        expect(lite.isHistoryTransaction(tr)).toBe(true);
        state = state.apply(tr);
      }),
    ).toBe(true);
    expect(state.doc.textContent).toBe("");
    expect(lite.redo(state, (tr) => (state = state.apply(tr)))).toBe(true);
    expect(state.doc.textContent).toBe("ab");
    // closeHistory is the real one now: the next typing starts a new undo step.
    state = state.apply(lite.closeHistory(state.tr.insertText("c")));
    expect(lite.undoDepth(state)).toBe(2);
  });
});
