/*
 * The browser's "@tiptap/extensions" (next.config.ts aliases it for client bundles): the parts the editor uses,
 * each from its own file of the package. The package's index defines every extension with a call the bundler
 * must keep, so CharacterCount, Focus and Selection (~0.8 KB gzip, unused) came with StarterKit's four.
 *
 * INVARIANT: exports what the browser's importers take from "@tiptap/extensions" (StarterKit: Dropcursor,
 * Gapcursor, TrailingNode, UndoRedo; editor-extensions.ts: Placeholder); one that takes more fails the build.
 */
export { Dropcursor } from "../../node_modules/@tiptap/extensions/dist/drop-cursor/index.js";
export { Gapcursor } from "../../node_modules/@tiptap/extensions/dist/gap-cursor/index.js";
export { Placeholder } from "../../node_modules/@tiptap/extensions/dist/placeholder/index.js";
export { TrailingNode } from "../../node_modules/@tiptap/extensions/dist/trailing-node/index.js";
export { UndoRedo } from "../../node_modules/@tiptap/extensions/dist/undo-redo/index.js";
