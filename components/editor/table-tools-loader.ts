/**
 * Table editing (prosemirror-tables, ~14 KB gzip) is one lazy chunk: fetched when a
 * section with a table starts editing, when a table arrives (pasted, inserted), or
 * when the Table menu is about to open. Sections without tables never load it.
 */
type TableToolsModule = typeof import("./table-tools");

let loading: Promise<TableToolsModule> | null = null;
let loaded: TableToolsModule | null = null;

export function loadTableTools(): Promise<TableToolsModule> {
  loading ??= import("./table-tools").then(
    (module) => (loaded = module),
    (error: unknown) => {
      loading = null; // the next table or menu tries the network again
      throw error;
    },
  );
  return loading;
}

/** The module if it has arrived (synchronously, for commands and keys). */
export function loadedTableTools(): TableToolsModule | null {
  return loaded;
}

/** Warm the chunk without waiting for it; failures surface on the real load. */
export function preloadTableTools(): void {
  loadTableTools().catch(() => {});
}
