import { escapeAttr, escapeText } from "./escape";
import { DEFAULT_CODE_LANGUAGE, isKnownLanguage, lowlight } from "./lowlight-server";

type HastRoot = ReturnType<typeof lowlight.highlight>;
type HastNode = HastRoot["children"][number];

function hastToHTML(nodes: readonly HastNode[]): string {
  let out = "";
  for (const node of nodes) {
    if (node.type === "text") out += escapeText(node.value);
    else if (node.type === "element") {
      const className = node.properties.className;
      const classes = Array.isArray(className) ? className.join(" ") : "";
      out += `<span class="${escapeAttr(classes)}">${hastToHTML(node.children)}</span>`;
    }
  }
  return out;
}

/**
 * Highlighted, escaped HTML for the inside of `<code>`, using the editor's own
 * rule (CodeBlockLowlight's plugin): a known language is highlighted as that
 * language, no language means the default (plain text), and an unknown one is
 * auto-detected. Same input, same hljs-* spans in both places, so the colours
 * do not change when the editor takes over.
 */
export function highlightCodeToHTML(code: string, language: string | null | undefined): string {
  if (code.length === 0) return "";
  const lang = language || DEFAULT_CODE_LANGUAGE;
  const tree = isKnownLanguage(lang) ? lowlight.highlight(lang, code) : lowlight.highlightAuto(code);
  return hastToHTML(tree.children);
}
