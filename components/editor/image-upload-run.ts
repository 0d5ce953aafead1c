import type { Editor } from "@tiptap/core";
import { NodeSelection, Plugin, PluginKey, type EditorState } from "@tiptap/pm/state";
import { Decoration, DecorationSet, type EditorView } from "@tiptap/pm/view";
import { toast } from "@/components/ui/toaster";
import type { ImageAttrs } from "@/lib/editor/image";
import { ACCEPTED_IMAGE_TYPES, MAX_IMAGE_BYTES, TOO_LARGE_MESSAGE, UNSUPPORTED_MESSAGE } from "@/lib/media/limits";
import type { UploadedImageDTO } from "@/lib/media/upload";
import type { UploadTarget } from "./image-uploads";

/**
 * While a file travels, a placeholder widget holds its place: it is not content, so an autosave
 * meanwhile stores nothing of it, and typing around it moves it along. Its plugin joins the
 * editor with the first upload.
 */
type UploadsMeta = { add?: { id: string; pos: number; toDOM: () => HTMLElement }; remove?: string };
const uploadsKey = new PluginKey<DecorationSet>("imageUploads");
const uploadsPlugin = new Plugin<DecorationSet>({
  key: uploadsKey,
  state: {
    init: () => DecorationSet.empty,
    apply(tr, set) {
      let next = set.map(tr.mapping, tr.doc);
      const meta = tr.getMeta(uploadsKey) as UploadsMeta | undefined;
      if (meta?.add)
        next = next.add(tr.doc, [Decoration.widget(meta.add.pos, meta.add.toDOM, { id: meta.add.id, side: -1 })]);
      if (meta?.remove) next = next.remove(next.find(undefined, undefined, (spec) => spec.id === meta.remove));
      return next;
    },
  },
  props: { decorations: (state) => uploadsKey.getState(state) },
});

/** Where the upload `id`'s placeholder is now, or null when it is gone. */
function placeholderPos(state: EditorState, id: string): number | null {
  return uploadsKey.getState(state)?.find(undefined, undefined, (spec) => spec.id === id)[0]?.from ?? null;
}

function placeholder(name: string): HTMLElement {
  const el = document.createElement("span");
  el.className = "image-uploading";
  el.contentEditable = "false";
  el.setAttribute("role", "status");
  el.textContent = `Uploading ${name || "image"}…`;
  return el;
}

/** Where a drop lands: on an image (or another atom block), before it or after it by which half was hit. */
function dropPos(view: EditorView, point: { left: number; top: number }): number {
  const hit = view.posAtCoords(point);
  if (!hit) return view.state.selection.from;
  const node = hit.inside >= 0 ? view.state.doc.nodeAt(hit.inside) : null;
  const dom = node?.isAtom && node.isBlock ? view.nodeDOM(hit.inside) : null;
  if (!node || !(dom instanceof HTMLElement)) return hit.pos;
  const box = dom.getBoundingClientRect();
  return point.top > box.top + box.height / 2 ? hit.inside + node.nodeSize : hit.inside;
}

/** Send one file to the doc's images; the server's message on refusal (413 too large, 422 not an image…). */
export async function postImage(docId: string, file: File): Promise<UploadedImageDTO> {
  // The type is checked here to save a useless upload; the server decides by the bytes alone.
  if (file.type && !(ACCEPTED_IMAGE_TYPES as readonly string[]).includes(file.type))
    throw new Error(`${file.name || "This file"}: ${UNSUPPORTED_MESSAGE}`);
  if (file.size > MAX_IMAGE_BYTES) throw new Error(`${file.name || "This image"}: ${TOO_LARGE_MESSAGE}`);
  let res: Response;
  try {
    res = await fetch(`/api/docs/${encodeURIComponent(docId)}/images`, {
      method: "POST",
      body: file,
      headers: {
        "Content-Type": file.type || "application/octet-stream",
        "X-File-Name": encodeURIComponent(file.name),
      },
    });
  } catch {
    throw new Error("The image could not be uploaded: check your connection and try again.");
  }
  const body = (await res.json().catch(() => null)) as {
    image?: UploadedImageDTO;
    error?: { message?: string };
  } | null;
  if (!res.ok || !body?.image)
    throw new Error(body?.error?.message ?? `The image could not be uploaded (${res.status}).`);
  return body.image;
}

/** The node's attributes for an uploaded image: its own size; alt text and caption are the writer's to add. */
export const uploadedAttrs = (image: UploadedImageDTO): Partial<ImageAttrs> & { src: string } => ({
  src: image.src,
  width: image.width,
  height: image.height,
});

/** Upload files one by one into the editor at `target`; each lands where its placeholder is by then. */
export async function uploadImages(editor: Editor, docId: string, files: File[], target: UploadTarget): Promise<void> {
  if (editor.isDestroyed) return;
  if (!uploadsKey.getState(editor.state)) editor.registerPlugin(uploadsPlugin);
  let at = typeof target === "number" ? target : dropPos(editor.view, target);
  for (const file of files) {
    if (editor.isDestroyed) return;
    const id = `upload-${Math.random().toString(36).slice(2)}`;
    const add: UploadsMeta["add"] = { id, pos: at, toDOM: () => placeholder(file.name) };
    editor.view.dispatch(editor.state.tr.setMeta(uploadsKey, { add }));
    let image: UploadedImageDTO | null = null;
    try {
      image = await postImage(docId, file);
    } catch (error) {
      toast.error(error instanceof Error ? error.message : "The image could not be uploaded.");
    }
    if (editor.isDestroyed) return;
    const where = placeholderPos(editor.state, id) ?? at;
    editor.view.dispatch(editor.state.tr.setMeta(uploadsKey, { remove: id }));
    if (!image) continue;
    editor
      .chain()
      .insertContentAt(where, { type: "image", attrs: uploadedAttrs(image) })
      .run();
    // Select the new image: the toolbar then offers its size, alt text and caption.
    const { doc } = editor.state;
    let found = -1;
    doc.nodesBetween(Math.max(0, where - 2), Math.min(doc.content.size, where + 4), (node, p) => {
      if (found < 0 && node.type.name === "image" && node.attrs.src === image.src) found = p;
    });
    if (found >= 0) {
      editor.view.dispatch(editor.state.tr.setSelection(NodeSelection.create(editor.state.doc, found)));
      at = found + 1;
    }
    editor.commands.focus();
  }
}

/**
 * Images pasted from another doc name that doc's image, which only its readers may open: ask the
 * server for this doc's own copy (same bytes) and point the pasted nodes at it. The server answers
 * with the same image for one of this doc's, and refuses an image the writer cannot read (then the
 * node stays as it was: nobody new can see it through this doc).
 */
export async function adoptImages(editor: Editor, docId: string, srcs: string[]): Promise<void> {
  for (const src of srcs) {
    const res = await fetch(`/api/docs/${encodeURIComponent(docId)}/images/copies`, {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify({ src }),
    }).catch(() => null);
    const image = res?.ok ? ((await res.json()) as { image: UploadedImageDTO }).image : null;
    if (!image || image.src === src || editor.isDestroyed) continue;
    const tr = editor.state.tr;
    editor.state.doc.descendants((node, pos) => {
      if (node.type.name === "image" && node.attrs.src === src)
        tr.setNodeMarkup(pos, undefined, { ...node.attrs, src: image.src });
    });
    if (tr.docChanged) editor.view.dispatch(tr.setMeta("addToHistory", false));
  }
}
