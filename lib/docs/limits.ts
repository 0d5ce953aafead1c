/**
 * Plain constants shared by the zod schemas (lib/docs/schemas.ts) and client
 * components. Kept free of zod so importing a limit does not ship zod to the browser.
 */
export const TITLE_MAX = 200;
export const MARKDOWN_IMPORT_MAX_BYTES = 1024 * 1024;
