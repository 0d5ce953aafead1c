import { Extension } from "@tiptap/core";
import { Plugin, PluginKey } from "@tiptap/pm/state";

/*
 * HTML pasted from Google Docs, Confluence and GitHub is rewritten to read as what it shows (./html-paste-normalize.ts,
 * docs/html-paste.md). That code (~1.3 KB gzip) comes with the first HTML paste, not with every editor: the first
 * paste waits for it (a few milliseconds; the clipboard's HTML is read at once), later ones run through it directly.
 * If it cannot be fetched (offline before any paste), the HTML goes in as ProseMirror reads it, untouched.
 */
type Normalize = (html: string) => string;

let normalize: Normalize | null = null;
let loading: Promise<Normalize> | null = null;

function loadNormalize(): Promise<Normalize> {
  loading ??= import("./html-paste-normalize").then(
    (m) => (normalize = m.normalizePastedHtml),
    (error: unknown) => {
      loading = null; // the next paste tries the network again
      throw error;
    },
  );
  return loading;
}

/** Runs the normalizer on every HTML paste (files and Markdown: ./image-uploads.ts, ./markdown-paste.ts). */
export const HtmlPaste = Extension.create({
  name: "htmlPaste",
  addProseMirrorPlugins() {
    // Shift held: ProseMirror pastes the clipboard's plain text (its own rule), so there is nothing to rewrite.
    let shift = false;
    return [
      new Plugin({
        key: new PluginKey("htmlPaste"),
        props: {
          transformPastedHTML: (html) => (normalize ? normalize(html) : html),
          handleDOMEvents: {
            keydown: (_view, event) => {
              shift = event.shiftKey;
              return false;
            },
            keyup: (_view, event) => {
              if (event.key === "Shift") shift = false;
              return false;
            },
          },
          handlePaste(view, event) {
            if (normalize) return false;
            const data = event.clipboardData;
            const html = data?.getData("text/html");
            if (!html || shift || data?.files.length) return false;
            // In code, ProseMirror takes the text, not the HTML.
            if (view.state.selection.$from.parent.type.spec.code) return false;
            const paste = () => view.isDestroyed || view.pasteHTML(html);
            loadNormalize().then(paste, paste);
            return true;
          },
        },
      }),
    ];
  },
});
