import type { StarterKitOptions } from "@tiptap/starter-kit";
import { isSafeHref } from "./links";

// Links in doc sections and comment bodies, in a module of its own so the comment
// editor does not pull in the doc list (code highlighting, tables, task lists).
// The allow-list lives in `isAllowedUri`, the hook Tiptap consults for pasted,
// typed, autolinked and commanded links. `protocols` can only ADD schemes to
// linkify's own, so it stays empty (registering http/https again would re-register
// them with linkify on every editor mount and log "already initialized").
// Consequence: a bare "example.com" is not autolinked (it is not an allowed href
// by itself); "https://example.com" is. (So the browser finds URLs with
// ./linkify-lite.ts, which finds only those.)
export const linkOptions: Exclude<StarterKitOptions["link"], false> = {
  openOnClick: false,
  autolink: true,
  linkOnPaste: true,
  defaultProtocol: "https",
  protocols: [],
  isAllowedUri: (url: string) => isSafeHref(url),
  HTMLAttributes: { target: "_blank", rel: "noopener noreferrer nofollow", class: null },
};
