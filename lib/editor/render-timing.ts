/**
 * Ad-hoc timing check, not a test (CI machines are too noisy to assert on):
 *   npx tsx lib/editor/render-timing.ts
 * Target: < 1 ms for a ~4 KB section, so a 15-section page renders in a few ms
 * even before the per-version HTML cache.
 */
import type { JSONContent } from "@tiptap/core";
import { richDoc } from "./fixtures";
import { renderDocToHTML } from "./render-html";
import { parseSectionContent } from "./validate";

function sectionOfAbout(bytes: number): JSONContent {
  const blocks: JSONContent[] = [];
  while (JSON.stringify({ type: "doc", content: blocks }).length < bytes) blocks.push(...(richDoc.content ?? []));
  const parsed = parseSectionContent({ type: "doc", content: blocks });
  if (!parsed.ok) throw new Error(parsed.message);
  return parsed.doc;
}

/** Median of 7 timed batches, after a warm-up long enough for the JIT to settle. */
function msPerCall(fn: () => void, iterations: number): number {
  for (let i = 0; i < iterations; i++) fn();
  const batches: number[] = [];
  for (let b = 0; b < 7; b++) {
    const start = performance.now();
    for (let i = 0; i < iterations; i++) fn();
    batches.push((performance.now() - start) / iterations);
  }
  return batches.sort((a, b) => a - b)[3]!;
}

for (const target of [2 * 1024, 4 * 1024, 60 * 1024]) {
  const doc = sectionOfAbout(target);
  const kb = (new TextEncoder().encode(JSON.stringify(doc)).length / 1024).toFixed(1);
  const render = msPerCall(() => renderDocToHTML(doc), 1000);
  const validate = msPerCall(() => parseSectionContent(doc), 300);
  console.log(`${kb} KB section: render ${render.toFixed(3)} ms, validate ${validate.toFixed(3)} ms`);
}
