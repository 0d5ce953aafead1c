/**
 * The editor (Tiptap, ProseMirror, lowlight grammars, the toolbar) is one lazy
 * chunk: nothing of it is in the page's initial JavaScript. It is fetched when
 * someone starts editing (or shows the intent to: pointer down, focus on an
 * editable block), once for all sections.
 */
type EditorModule = typeof import("./section-editor");

let loading: Promise<EditorModule> | null = null;

export function loadSectionEditor(): Promise<EditorModule> {
  loading ??= import("./section-editor").catch((error: unknown) => {
    // Let the next attempt try the network again (a chunk can fail offline).
    loading = null;
    throw error;
  });
  return loading;
}

/** Warm the chunk without waiting for it; failures surface on the real load. */
export function preloadSectionEditor(): void {
  loadSectionEditor().catch(() => {});
}
