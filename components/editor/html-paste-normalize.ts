import { CODE_LANGUAGE_IDS } from "@/lib/editor/code-languages";

/**
 * The code behind ./html-paste.ts, fetched with an editor's first HTML paste.
 *
 * HTML pasted from Google Docs, Confluence and GitHub, made to read as what it shows before ProseMirror's parser
 * (and our schema's rules) take it: each tool writes headings, lists, code and tasks its own way. What the three
 * write, and what becomes of it, is in docs/html-paste.md; e2e/docs/html-paste.spec.ts pastes fixtures of each.
 */

const LANGUAGE_ALIASES: Record<string, string> = {
  js: "javascript",
  jsx: "javascript",
  ts: "typescript",
  tsx: "typescript",
  sh: "bash",
  shell: "bash",
  console: "bash",
  zsh: "bash",
  py: "python",
  yml: "yaml",
  golang: "go",
  rs: "rust",
  postgresql: "sql",
  plain: "plaintext",
  text: "plaintext",
  none: "plaintext",
};

/** A language name any of the tools wrote → one the editor highlights, else plain text (never auto-detected). */
export function codeLanguage(name: string | null | undefined): string {
  const key = (name ?? "").trim().toLowerCase();
  const id = LANGUAGE_ALIASES[key] ?? key;
  return (CODE_LANGUAGE_IDS as readonly string[]).includes(id) ? id : "plaintext";
}

const MONO = /courier|consolas|monaco|menlo|mono|monospace/i;
const isMono = (el: Element) => MONO.test((el as HTMLElement).style?.fontFamily ?? "");

/** The section title is the page's h2: pasted h1–h3 become h3, h4–h6 h4 (as typed and pasted Markdown do). */
function sectionHeadings(root: HTMLElement): void {
  for (const h of root.querySelectorAll("h1, h2, h5, h6")) {
    const level = h.tagName === "H1" || h.tagName === "H2" ? "h3" : "h4";
    const next = root.ownerDocument.createElement(level);
    next.append(...h.childNodes);
    h.replaceWith(next);
  }
}

/** A code block written as `<pre>` with its language elsewhere: as `<pre><code class="language-x">`. */
function codeBlock(pre: Element, language: string): void {
  const doc = pre.ownerDocument;
  const code = doc.createElement("code");
  code.className = `language-${codeLanguage(language)}`;
  code.textContent = pre.textContent ?? "";
  const fresh = doc.createElement("pre");
  fresh.append(code);
  pre.replaceWith(fresh);
}

/** A list item that is a task: as Tiptap's task item (`li[data-type=taskItem]` in `ul[data-type=taskList]`). */
function taskItem(li: Element, checked: boolean): void {
  li.setAttribute("data-type", "taskItem");
  li.setAttribute("data-checked", String(checked));
  const list = li.parentElement;
  if (list?.tagName === "UL") list.setAttribute("data-type", "taskList");
  li.querySelector('input[type="checkbox"]')?.remove();
  // A task item holds paragraphs, not bare text.
  if (![...li.children].some((c) => c.tagName === "P")) {
    const p = li.ownerDocument.createElement("p");
    p.append(...[...li.childNodes].filter((n) => !(n instanceof Element && /^(UL|OL)$/.test(n.tagName))));
    li.prepend(p);
  }
}

function googleDocs(root: HTMLElement): void {
  // Lists nested as siblings (<ul><li/><ul>…</ul></ul>): into the item before them.
  for (const list of root.querySelectorAll("ul > ul, ul > ol, ol > ul, ol > ol")) {
    const before = list.previousElementSibling;
    if (before?.tagName === "LI") before.append(list);
  }
  for (const li of root.querySelectorAll('li[role="checkbox"]'))
    taskItem(li, li.getAttribute("aria-checked") === "true");
  // Links go through a redirect; their words are underlined by style.
  for (const a of root.querySelectorAll<HTMLAnchorElement>('a[href^="https://www.google.com/url?"]')) {
    const target = new URL(a.href).searchParams.get("q");
    if (target) a.setAttribute("href", target);
  }
  for (const span of root.querySelectorAll<HTMLElement>("a span")) span.style.textDecoration = "";
  // Code is text in a monospace font: a run of such paragraphs is a code block, such words inline code.
  const lines = [...root.querySelectorAll("p")].filter((p) => {
    const spans = [...p.querySelectorAll("span")].filter((s) => s.textContent);
    return !!p.textContent?.trim() && spans.length > 0 && spans.every(isMono);
  });
  for (const p of lines) {
    const prev = p.previousElementSibling?.tagName === "PRE" ? p.previousElementSibling.querySelector("code") : null;
    if (prev) {
      prev.textContent += `\n${p.textContent ?? ""}`;
      p.remove();
    } else {
      const pre = root.ownerDocument.createElement("pre");
      pre.append(Object.assign(root.ownerDocument.createElement("code"), { textContent: p.textContent ?? "" }));
      p.replaceWith(pre);
    }
  }
  for (const span of root.querySelectorAll<HTMLElement>("p span")) {
    if (!isMono(span) || span.closest("code")) continue;
    const code = root.ownerDocument.createElement("code");
    code.textContent = span.textContent;
    span.replaceWith(code);
  }
}

function confluence(root: HTMLElement): void {
  for (const pre of root.querySelectorAll("pre[data-syntaxhighlighter-params]")) {
    const brush = /brush:\s*([\w+#-]+)/.exec(pre.getAttribute("data-syntaxhighlighter-params") ?? "")?.[1];
    codeBlock(pre, brush ?? "");
  }
  for (const li of root.querySelectorAll("ul.inline-task-list > li")) taskItem(li, li.classList.contains("checked"));
  // Info, note, tip and warning panels: quotes.
  for (const panel of root.querySelectorAll(".confluence-information-macro")) {
    const quote = root.ownerDocument.createElement("blockquote");
    const body = panel.querySelector(".confluence-information-macro-body") ?? panel;
    quote.append(...body.childNodes);
    panel.replaceWith(quote);
  }
}

function github(root: HTMLElement): void {
  // The permalink icon beside each heading, and the copy buttons beside code.
  for (const el of root.querySelectorAll("a.anchor, .zeroclipboard-container, clipboard-copy")) el.remove();
  for (const box of root.querySelectorAll('div[class*="highlight-source-"]')) {
    const pre = box.querySelector("pre");
    const language = /highlight-source-([\w-]+)/.exec(box.className)?.[1] ?? "";
    if (pre) codeBlock(pre, language);
  }
  for (const li of root.querySelectorAll("li.task-list-item")) {
    const box = li.querySelector<HTMLInputElement>('input[type="checkbox"]');
    taskItem(li, !!box?.hasAttribute("checked"));
  }
}

/** Pasted HTML → the same content, written the way this editor's schema reads it. Browser only (DOMParser). */
export function normalizePastedHtml(html: string): string {
  const doc = new DOMParser().parseFromString(html, "text/html");
  const root = doc.body;
  if (root.querySelector('[id^="docs-internal-guid-"]')) googleDocs(root);
  if (root.querySelector(".confluenceTable, [data-macro-name], pre[data-syntaxhighlighter-params], .inline-task-list"))
    confluence(root);
  if (root.querySelector('.markdown-heading, [class*="highlight-source-"], .task-list-item, .contains-task-list'))
    github(root);
  sectionHeadings(root);
  return root.innerHTML;
}
