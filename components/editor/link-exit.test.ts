import { getSchema } from "@tiptap/core";
import type { Node as PMNode } from "@tiptap/pm/model";
import { EditorState, TextSelection, type Transaction } from "@tiptap/pm/state";
import { describe, expect, it } from "vitest";
import { docExtensions } from "@/lib/editor/extensions";
import { linkExitPlugin } from "./link-exit";

const schema = getSchema(docExtensions);
const link = schema.marks.link!.create({ href: "https://spec.example/" });

/** One paragraph: "the " then "spec" linked, with the given selection (positions in the paragraph's text). */
function paragraph(anchor: number, head = anchor): EditorState {
  const doc = schema.nodes.doc!.create(null, [
    schema.nodes.paragraph!.create(null, [schema.text("the "), schema.text("spec", [link])]),
  ]);
  return EditorState.create({
    doc,
    plugins: [linkExitPlugin()],
    selection: TextSelection.create(doc, 1 + anchor, 1 + head),
  });
}

/**
 * What prosemirror-view does once the browser has put `text` into the page in place of from..to, its caret after
 * the text (readDOMChange, a plain text input): the handleTextInput props first, else its own transaction, which
 * takes the selection from the browser's.
 */
function browserTyped(state: EditorState, from: number, to: number, text: string): EditorState {
  let next = state;
  const view = { state, dispatch: (tr: Transaction) => void (next = next.apply(tr)) };
  const deflt = () => {
    const tr = state.tr.insertText(text, from, to);
    return tr.setSelection(TextSelection.create(tr.doc, from + text.length)).scrollIntoView();
  };
  const handled = state.plugins.some((plugin) =>
    plugin.props.handleTextInput?.call(plugin, view as never, from, to, text, deflt),
  );
  return handled ? next : state.apply(deflt());
}

/** The paragraph's text runs as [text, linked?]. */
function runs(doc: PMNode): [string, boolean][] {
  const out: [string, boolean][] = [];
  doc.firstChild!.forEach((node) => {
    const linked = !!link.type.isInSet(node.marks);
    const last = out[out.length - 1];
    if (last && last[1] === linked) last[0] += node.text;
    else out.push([node.text ?? "", linked]);
  });
  return out;
}

describe("typing at a link's end (LinkExit)", () => {
  it("does not extend the link", () => {
    let state = paragraph(8); // the caret after "spec"
    for (const char of " first") state = browserTyped(state, state.selection.from, state.selection.to, char);
    expect(runs(state.doc)).toEqual([
      ["the ", false],
      ["spec", true],
      [" first", false],
    ]);
  });

  it("keeps the linked word when End and typing reach the editor before the caret's move does", () => {
    // "spec" just linked by pasting a URL over it: still selected. End moves the browser's caret after it, but the
    // editor hears of that on the next "selectionchange", and under load the next keys are typed first.
    let state = paragraph(4, 8);
    const end = 1 + 8;
    state = browserTyped(state, end, end, " "); // the browser puts the space at its caret (the end)
    // Then the browser shows the editor's selection, and the next letter replaces whatever that selects.
    state = browserTyped(state, state.selection.from, state.selection.to, "r");
    expect(state.doc.textContent).toBe("the spec r");
    expect(runs(state.doc)).toEqual([
      ["the ", false],
      ["spec", true],
      [" r", false],
    ]);
  });
});
