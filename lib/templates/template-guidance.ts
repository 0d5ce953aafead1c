import { forEachLine, plain, unbracket } from "./markdown-lines";

/**
 * Turns a section's bracketed placeholders into a few readable sentences shown
 * above an empty section ("Authentication: how users are authenticated."), so a
 * writer sees what belongs there without the template's scaffolding.
 *
 * Sources, in document order: `**Label:** [hint]` lines (the label names the
 * hint), bracketed lines under a `### Topic` (the topic names them), bracketed
 * text in code blocks, and a table's header row. Numbered placeholders
 * ("[Risk 1]", "System A") are instances, not guidance, and are skipped.
 */

type Group = { label: string | null; values: string[] } | { sentence: string };

const MAX_GROUPS = 3;
const MAX_VALUES = 2;
const LIST_MARKER = /^\s*(?:[-*+]|\d+[.)])\s+(?:\[[ xX]\]\s+)?/;
const LABELLED = /^\*\*(.+?):\*\*\s*(.*)$/;
const ENUMERATED = /\s(?:\d+|[A-Z])$/;
const BRACKET = /\[([^\]]+)\]/g;

function sentenceCase(label: string): string {
  const text = plain(unbracket(label)).replace(/:\s*/g, " – ");
  return (
    text.charAt(0).toUpperCase() +
    text.slice(1).replace(/\b([A-Z])([a-z]+)/g, (_, a: string, b: string) => a.toLowerCase() + b)
  );
}

function lowerFirst(text: string): string {
  return /^[A-Z][a-z]/.test(text) ? text.charAt(0).toLowerCase() + text.slice(1) : text;
}

function upperFirst(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

function isEnumerated(text: string): boolean {
  return ENUMERATED.test(text.trim());
}

function joinAnd(items: string[]): string {
  return items.length <= 1 ? (items[0] ?? "") : `${items.slice(0, -1).join(", ")} and ${items[items.length - 1]}`;
}

function tableSentence(headerLine: string): string | null {
  const cells = headerLine
    .split("|")
    .map(plain)
    .filter(Boolean)
    .map((c) => c.toLowerCase());
  if (cells.length < 2) return null;
  return `List each ${cells[0]} with its ${joinAnd(cells.slice(1))}.`;
}

class GuidanceCollector {
  readonly groups: Group[] = [];
  readonly topics: string[] = [];
  topic: string | null = null;

  add(label: string | null, value: string): void {
    const clean = plain(unbracket(value));
    if (!clean) return;
    const existing = this.groups.find(
      (g): g is Extract<Group, { values: string[] }> => "values" in g && g.label === label,
    );
    if (existing) {
      if (!existing.values.includes(clean)) existing.values.push(clean);
    } else this.groups.push({ label, values: [clean] });
  }

  addBrackets(line: string): void {
    for (const [, inner] of line.matchAll(BRACKET)) {
      if (inner && inner.trim().split(/\s+/).length >= 3 && !isEnumerated(inner)) this.add(this.topic, inner);
    }
  }

  addLine(raw: string): void {
    const line = raw.replace(LIST_MARKER, "").trim();
    const labelled = LABELLED.exec(line);
    if (!labelled) {
      if (!line.includes("[")) return;
      const whole = /^\[([^\]]+)\]$/.exec(line)?.[1];
      if (whole !== undefined) return this.addBrackets(line);
      if (plain(unbracket(line)).split(/\s+/).length >= 3) this.add(this.topic, line);
      return;
    }
    const [, label = "", rest = ""] = labelled;
    if (!rest) {
      this.topic = label;
      return;
    }
    if (!rest.includes("[") || isEnumerated(unbracket(rest))) return;
    this.add(isEnumerated(plain(label)) ? this.topic : label, rest);
  }
}

function render(group: Group): string {
  if ("sentence" in group) return group.sentence;
  const values = group.values.slice(0, MAX_VALUES);
  if (!group.label) return values.map((v) => `${upperFirst(v)}.`).join(" ");
  const label = sentenceCase(group.label);
  // "**Approach:** [High-level approach to …]": the label only repeats the hint.
  if (values.length === 1 && values[0]!.toLowerCase().includes(plain(group.label).toLowerCase()))
    return `${upperFirst(values[0]!)}.`;
  return `${label}: ${values.map(lowerFirst).join("; ")}.`;
}

export function deriveGuidance(title: string, body: readonly string[]): string {
  const collector = new GuidanceCollector();
  let inTable = false;
  forEachLine(body, (line, inFence) => {
    if (inFence) return collector.addBrackets(line);
    const heading = /^(#{3,6})\s+(.*)$/.exec(line);
    if (heading) {
      // "###" names a topic; deeper headings are instances ("#### Component A").
      if (heading[1] === "###") collector.topics.push((collector.topic = plain(unbracket(heading[2] ?? ""))));
      return;
    }
    const isTableLine = line.trim().startsWith("|");
    if (isTableLine && !inTable) {
      const sentence = tableSentence(line);
      if (sentence) collector.groups.push({ sentence });
    }
    inTable = isTableLine;
    if (!isTableLine) collector.addLine(line);
  });
  const sentences = collector.groups.slice(0, MAX_GROUPS).map(render);
  if (sentences.length > 0) return sentences.join(" ");
  const topics = collector.topics.map((t) => sentenceCase(t).toLowerCase());
  return `Describe the ${topics.length > 0 ? joinAnd(topics) : title.toLowerCase()}.`;
}
