// Which packages a page's JavaScript carries, from the browser source maps of a build made with
// BENCH_JS_SOURCES=1 (next.config.ts then turns on `productionBrowserSourceMaps`). Each script's gzip size is
// shared among the sources its minified bytes map to, in proportion to those bytes: an estimate (gzip does not
// compress every part alike), good to a few tenths of a KB per package. The maps add a comment line to every
// script, so budget figures come from a run without BENCH_JS_SOURCES.
import { gzipSync } from "node:zlib";
import { SourceMapConsumer } from "source-map-js";
import { kb, table } from "./lib/report.mjs";

/** A source path as a package name (`@tiptap/core`), Next's parts by name, our own code by folder. */
export function packageOf(source) {
  if (!source) return "(unmapped: runtime, glue)";
  const path = source.replace(/^[a-z]+:\/\/\/?/i, "").replace(/^\[project\]\//, "");
  const compiled = /node_modules\/next\/dist\/compiled\/((?:@[^/]+\/)?[^/]+)/.exec(path);
  if (compiled) return `next/compiled/${compiled[1]}`;
  if (/node_modules\/next\//.test(path)) return "next (router, client)";
  const mod = /.*node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(path);
  if (mod) return mod[1];
  const dirs = path.split("/").filter((p) => p && !p.startsWith("["));
  return `app: ${dirs.slice(0, Math.min(2, dirs.length - 1)).join("/") || path}`;
}

/** Raw minified bytes per source of one script, from its map. */
function bytesBySource(code, map) {
  const lines = code.split("\n");
  const spans = lines.map(() => []);
  const consumer = new SourceMapConsumer(map);
  consumer.eachMapping((m) => spans[m.generatedLine - 1]?.push([m.generatedColumn, m.source]));
  const out = new Map();
  const add = (source, n) => n > 0 && out.set(source, (out.get(source) ?? 0) + n);
  lines.forEach((line, i) => {
    const marks = spans[i].sort((a, b) => a[0] - b[0]);
    add(null, (marks[0]?.[0] ?? line.length) + 1);
    marks.forEach(([col, source], j) => add(source, (marks[j + 1]?.[0] ?? line.length) - col));
  });
  return out;
}

/** A source path without Turbopack's scheme and project prefix: the finer grouping of `BENCH_JS_SOURCES_BY=file`. */
export function fileOf(source) {
  if (!source) return "(unmapped: runtime, glue)";
  return source.replace(/^[a-z]+:\/\/\/?/i, "").replace(/^\[project\]\//, "");
}

/** gzip bytes per package (or per source file, given `fileOf`) over these script URLs, each with its source map. */
export async function attributeScripts(base, urls, nameOf = packageOf) {
  const byPackage = new Map();
  let unmapped = 0;
  for (const url of urls) {
    const abs = new URL(url, base).toString();
    const code = await (await fetch(abs)).text();
    const gzip = gzipSync(Buffer.from(code)).length;
    // Turbopack names a script's map in its last line (the map's name is not the script's).
    const mapName = /\/\/# sourceMappingURL=(\S+)\s*$/.exec(code)?.[1];
    const mapRes = mapName ? await fetch(new URL(mapName, abs)) : null;
    if (!mapRes?.ok) {
      unmapped += gzip;
      continue;
    }
    const raw = bytesBySource(code, await mapRes.json());
    const total = [...raw.values()].reduce((a, b) => a + b, 0);
    for (const [source, n] of raw) {
      const name = nameOf(source);
      byPackage.set(name, (byPackage.get(name) ?? 0) + (gzip * n) / total);
    }
  }
  if (unmapped) byPackage.set("(scripts without a source map)", unmapped);
  return byPackage;
}

/** Packages by gzip KB per stage, each stage counting only what it adds to the ones before. */
export function sourcesTable(stages, top = 30) {
  const names = new Set(stages.flatMap((s) => [...s.packages.keys()]));
  const rows = [...names].map((name) => {
    let before = 0;
    const cells = stages.map((s) => {
      const now = s.packages.get(name) ?? 0;
      const added = now - before;
      before = now;
      return added;
    });
    return { name, cells, total: before };
  });
  rows.sort((a, b) => b.total - a.total);
  const cell = (n) => (Math.abs(n) < 0.05 * 1024 ? "" : kb(n));
  return table(
    ["package", ...stages.map((s) => s.name), "total"],
    rows.slice(0, top).map((r) => [r.name, ...r.cells.map(cell), kb(r.total)]),
  );
}
