import { parse } from "yaml";

/** What a design doc's front matter says about it; everything else in it is dropped. */
export type FrontMatter = {
  title?: string;
  authors?: string[];
  status?: string;
  /** "created: 2024-03-01", "last-updated: …": every key that holds a date. */
  dates?: Record<string, string>;
};

export type SplitFrontMatter = { frontMatter: FrontMatter | null; body: string; bodyLine: number };

const YAML_FENCE = /^---[ \t]*$/;
const YAML_END = /^(---|\.\.\.)[ \t]*$/;
const TOML_FENCE = /^\+\+\+[ \t]*$/;
const MAX_LINES = 500;

function text(value: unknown, max = 200): string | undefined {
  if (typeof value === "string") return value.trim().slice(0, max) || undefined;
  if (typeof value === "number") return String(value);
  return undefined;
}

function dateText(value: unknown): string | undefined {
  if (value instanceof Date && !Number.isNaN(value.getTime())) return value.toISOString().slice(0, 10);
  const t = text(value, 40);
  return t && /^\d{4}-\d{2}(-\d{2})?/.test(t) ? t : undefined;
}

function people(value: unknown): string[] | undefined {
  const list = Array.isArray(value) ? value : typeof value === "string" ? value.split(/[,;]/) : [];
  const names = list
    .map((v) => (typeof v === "object" && v !== null ? text((v as Record<string, unknown>).name) : text(v)))
    .filter((v): v is string => !!v)
    .slice(0, 20);
  return names.length ? names : undefined;
}

function readFields(data: Record<string, unknown>): FrontMatter {
  const out: FrontMatter = {};
  const lower = new Map(Object.entries(data).map(([k, v]) => [k.toLowerCase(), v]));
  out.title = text(lower.get("title"));
  out.authors = people(lower.get("authors") ?? lower.get("author") ?? lower.get("owners") ?? lower.get("owner"));
  out.status = text(lower.get("status") ?? lower.get("state"), 60);
  const dates: Record<string, string> = {};
  for (const [key, value] of lower) {
    if (!/date|created|updated|modified|accepted|deadline/.test(key)) continue;
    const d = dateText(value);
    if (d) dates[key.slice(0, 40)] = d;
  }
  if (Object.keys(dates).length) out.dates = dates;
  for (const key of Object.keys(out) as (keyof FrontMatter)[]) if (out[key] === undefined) delete out[key];
  return out;
}

function parseToml(lines: string[]): Record<string, unknown> {
  const data: Record<string, unknown> = {};
  for (const line of lines) {
    const m = /^\s*([A-Za-z_][\w-]*)\s*=\s*(?:"([^"]*)"|'([^']*)'|(\S.*))\s*$/.exec(line);
    if (m) data[m[1]!] = m[2] ?? m[3] ?? m[4];
  }
  return data;
}

/**
 * A leading `---` YAML (or `+++` TOML) block is the file's metadata, not its text:
 * read the fields a design doc cares about and never show the block as content.
 * A block that does not parse as a mapping is still metadata (it is dropped).
 */
export function splitFrontMatter(markdown: string): SplitFrontMatter {
  const source = markdown.replace(/^\uFEFF/, "");
  const firstEnd = source.indexOf("\n");
  const first = firstEnd === -1 ? source : source.slice(0, firstEnd);
  const toml = TOML_FENCE.test(first);
  if (!toml && !YAML_FENCE.test(first)) return { frontMatter: null, body: source, bodyLine: 1 };
  const lines = source.split("\n", MAX_LINES + 2);
  const end = lines.findIndex((line, i) => i > 0 && (toml ? TOML_FENCE : YAML_END).test(line.replace(/\r$/, "")));
  // A `---` with no closing fence is a thematic break, not metadata.
  if (end === -1) return { frontMatter: null, body: source, bodyLine: 1 };
  const inner = lines.slice(1, end).map((l) => l.replace(/\r$/, ""));
  // Two rules around prose ("---\ntext\n---") are thematic breaks, not a metadata block.
  if (!inner.some((l) => (toml ? /^\s*[\w-]+\s*=/ : /^[\w-]+\s*:/).test(l)) && inner.some((l) => l.trim()))
    return { frontMatter: null, body: source, bodyLine: 1 };
  let offset = 0;
  for (let i = 0; i <= end; i++) offset = source.indexOf("\n", offset) + 1;
  const body = offset === 0 ? "" : source.slice(offset);
  let data: unknown = null;
  try {
    data = toml ? parseToml(inner) : parse(inner.join("\n"), { maxAliasCount: 50, prettyErrors: false });
  } catch {
    data = null;
  }
  const fields =
    data && typeof data === "object" && !Array.isArray(data) ? readFields(data as Record<string, unknown>) : {};
  return { frontMatter: fields, body, bodyLine: end + 2 };
}
