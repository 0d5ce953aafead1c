/**
 * Classes of the rich-text root. The live editor's ProseMirror element and the
 * server-rendered read view both carry them, so swapping one for the other does
 * not move a pixel (styles in app/editor.css).
 */
export const PROSE_CLASS = "tiptap ProseMirror doc-prose";
