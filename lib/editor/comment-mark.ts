import { Mark, mergeAttributes } from "@tiptap/core";

export const COMMENT_MARK = "comment";

/**
 * Anchors a review thread to a range of text. The thread itself (author, body,
 * resolution) lives in the database; the document only remembers where it is.
 *
 * - `inclusive: false`: typing at the edge of a commented range does not grow it.
 * - `excludes: ""`: two threads may cover the same words (each keeps its own mark)
 *   instead of the second silently replacing the first.
 */
export const CommentMark = Mark.create({
  name: COMMENT_MARK,
  inclusive: false,
  excludes: "",

  addAttributes() {
    return {
      threadId: {
        default: null,
        parseHTML: (element: HTMLElement) => element.getAttribute("data-comment-thread"),
        renderHTML: (attributes: { threadId?: string | null }) =>
          attributes.threadId ? { "data-comment-thread": attributes.threadId } : {},
      },
    };
  },

  parseHTML() {
    return [{ tag: "span[data-comment-thread]" }];
  },

  // INVARIANT: render-html.ts prints the same element; keep the two in step.
  renderHTML({ HTMLAttributes }) {
    return ["span", mergeAttributes(HTMLAttributes, { class: "comment-anchor" }), 0];
  },
});
