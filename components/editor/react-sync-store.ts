/*
 * The browser's "use-sync-external-store/shim" (next.config.ts aliases it for client bundles). @tiptap/react takes
 * `useSyncExternalStore` from the package's shim, which re-implements it for React before 18; React 19 has it.
 * The package's with-selector helper asks the shim too, so both get React's own (~0.2 KB gzip less on editing).
 */
export { useSyncExternalStore } from "react";
