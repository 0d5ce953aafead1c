import { Extension, type Editor } from "@tiptap/core";
import { Plugin } from "@tiptap/pm/state";
import { toast } from "@/components/ui/toaster";
import { mediaIdOf } from "@/lib/editor/image-src";

/**
 * Images pasted or dropped into a section are uploaded and land where they were put
 * (./image-upload-run.ts, fetched with the first file: the upload, its placeholder and the
 * insertion). Only the decision "is this paste a file?" is in the editor's own code.
 */

/** Where a file goes: a document position, or the point of a drop (resolved when the upload code is here). */
export type UploadTarget = number | { left: number; top: number };

type Run = typeof import("./image-upload-run");
const withRun = (use: (run: Run) => unknown) =>
  import("./image-upload-run").then(use, () =>
    toast.error("The image could not be uploaded: check your connection and try again."),
  );

export function startImageUploads(editor: Editor, docId: string, files: File[], at: UploadTarget): void {
  void withRun(({ uploadImages }) => uploadImages(editor, docId, files, at));
}

/**
 * Files on a paste or drop that should be uploaded. A paste from a word processor carries a picture of
 * the copied text as well: when the paste holds text, the text is what was meant.
 */
function filesOf(data: DataTransfer | null, isPaste: boolean): File[] {
  if (!data?.files.length) return [];
  const text = isPaste ? data.getData("text/html").replace(/<[^>]*>/g, "") || data.getData("text/plain") : "";
  return text.trim() ? [] : [...data.files];
}

export const ImageUploads = Extension.create<{ docId: string }>({
  name: "imageUploads",
  addOptions: () => ({ docId: "" }),
  addProseMirrorPlugins() {
    const { editor } = this;
    const { docId } = this.options;
    return [
      new Plugin({
        props: {
          // Images pasted from another doc become this doc's (./image-upload-run.ts says why).
          transformPasted(slice) {
            const srcs = new Set<string>();
            slice.content.descendants((node) => {
              if (node.type.name === "image" && mediaIdOf(node.attrs.src)) srcs.add(node.attrs.src as string);
            });
            if (srcs.size) void withRun(({ adoptImages }) => adoptImages(editor, docId, [...srcs]));
            return slice;
          },
          handlePaste(view, event) {
            const files = filesOf(event.clipboardData, true);
            if (files.length) startImageUploads(editor, docId, files, view.state.selection.from);
            return files.length > 0;
          },
          handleDrop(_view, event, _slice, moved) {
            const files = moved ? [] : filesOf(event.dataTransfer, false);
            if (!files.length) return false;
            event.preventDefault();
            startImageUploads(editor, docId, files, { left: event.clientX, top: event.clientY });
            return true;
          },
        },
      }),
    ];
  },
});
