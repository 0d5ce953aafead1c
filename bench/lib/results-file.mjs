// bench/RESULTS.md keeps one "## " section per benchmark. A run of some parts
// (BENCH_ONLY) replaces only the sections it measured and keeps the others from the
// run that last measured them; each section names the date of its run.
import { existsSync, readFileSync, writeFileSync } from "node:fs";

export function readSections(file) {
  if (!existsSync(file)) return new Map();
  const sections = new Map();
  let title = null;
  let lines = [];
  const flush = () => title && sections.set(title, lines.join("\n").trim());
  for (const line of readFileSync(file, "utf8").split("\n")) {
    const heading = /^## (.+)$/.exec(line);
    if (heading) {
      flush();
      title = heading[1].trim();
      lines = [];
    } else if (title) lines.push(line);
  }
  flush();
  return sections;
}

/**
 * Write `file` with `header`, then every title of `order` (new body, else the kept one).
 * Kept sections `order` does not name (written by other benches or by hand: the pipeline
 * save, version history, Markdown import) stay, after the section they followed.
 */
export function writeMergedResults(file, { header, order, fresh }) {
  const kept = readSections(file);
  const titles = [...order];
  let after = -1;
  for (const title of kept.keys()) {
    const at = titles.indexOf(title);
    if (at === -1) titles.splice(++after, 0, title);
    else after = at;
  }
  const parts = [header.trimEnd(), ""];
  for (const title of titles) {
    const body = fresh.get(title) ?? kept.get(title);
    if (body) parts.push(`## ${title}`, "", body.trim(), "");
  }
  const text = parts.join("\n");
  writeFileSync(file, text);
  return text;
}
