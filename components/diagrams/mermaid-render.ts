import type { Mermaid } from "mermaid";

/**
 * Mermaid, loaded only on pages that show a diagram (it is large) and set up once: strict
 * security (labels are sanitised, no click handlers or scripts, and `%%{init}%%` inside a
 * diagram cannot change that), system fonts (nothing is fetched), errors returned to us
 * instead of drawn. Renders run one at a time: mermaid keeps global state while it draws.
 */
export type DiagramResult = { ok: true; svg: string } | { ok: false; message: string };

let loading: Promise<Mermaid> | null = null;

function loadMermaid(): Promise<Mermaid> {
  loading ??= import("mermaid").then(
    ({ default: mermaid }) => {
      mermaid.initialize({
        startOnLoad: false,
        securityLevel: "strict",
        theme: "neutral",
        fontFamily: 'ui-sans-serif, system-ui, -apple-system, "Segoe UI", Roboto, Arial, sans-serif',
        suppressErrorRendering: true,
      });
      return mermaid;
    },
    (error: unknown) => {
      loading = null; // let the next diagram try the network again
      throw error;
    },
  );
  return loading;
}

const cache = new Map<string, DiagramResult>();
let queue: Promise<unknown> = Promise.resolve();
let counter = 0;

function messageOf(error: unknown): string {
  const text = error instanceof Error ? error.message : typeof error === "string" ? error : "";
  return (text || "This diagram could not be drawn.").trim().slice(0, 600);
}

/** The diagram as SVG, or the reason it cannot be drawn (mermaid's own words, e.g. "Parse error on line 2"). */
export function renderMermaid(source: string): Promise<DiagramResult> {
  const known = cache.get(source);
  if (known) return Promise.resolve(known);
  if (!source.trim()) return Promise.resolve({ ok: false, message: "Write the diagram's source above." });
  const run = queue.then(async (): Promise<DiagramResult> => {
    let mermaid: Mermaid;
    try {
      mermaid = await loadMermaid();
    } catch {
      return { ok: false, message: "The diagram viewer could not be loaded. Check your connection and reload." };
    }
    const id = `diagram-${Date.now().toString(36)}-${++counter}`;
    try {
      const { svg } = await mermaid.render(id, source);
      return { ok: true, svg };
    } catch (error) {
      return { ok: false, message: messageOf(error) };
    } finally {
      // Mermaid draws in a scratch element it leaves behind when the source is invalid.
      document.getElementById(`d${id}`)?.remove();
      document.getElementById(id)?.remove();
    }
  });
  queue = run.catch(() => undefined);
  return run.then((result) => {
    if (cache.size > 100) cache.clear();
    cache.set(source, result);
    return result;
  });
}

/** Fill `target` with a rendered diagram or its error (the error names what to fix; the source stays visible). */
export function showDiagram(target: HTMLElement, result: DiagramResult): void {
  target.dataset.state = result.ok ? "ready" : "error";
  if (result.ok) {
    target.removeAttribute("role");
    target.innerHTML = result.svg;
    return;
  }
  target.setAttribute("role", "alert");
  const title = document.createElement("strong");
  title.textContent = "This diagram has an error";
  const detail = document.createElement("pre");
  detail.textContent = result.message;
  target.replaceChildren(title, detail);
}
