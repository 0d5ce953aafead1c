/**
 * Benchmark data, written through the app's own domain code (signUp, createDoc,
 * saveSection), so section HTML, text and versions are produced the real way.
 * Run by scripts/bench.mjs as
 *   node --conditions=react-server --import tsx bench/seed.ts
 * Prints one line `BENCH_SEED <json>` for the orchestrator.
 */
import { db } from "@/lib/db";
import { createDoc } from "@/lib/docs/create-doc";
import { saveSection } from "@/lib/docs/save-section";
import { parseSectionContent } from "@/lib/editor/validate";
import { addMember, createUser } from "@/prisma/factories";
import { sectionContent } from "./lib/content.mjs";
import { seedMediaDoc } from "./media-seed";

const runId = process.env.BENCH_RUN_ID ?? "local";
const password = process.env.BENCH_PASSWORD ?? "bench-password-123";
const writers = Number(process.env.BENCH_WRITERS ?? 50);
const writersPerSection = Number(process.env.BENCH_WRITERS_PER_SECTION ?? 2);
const docBytes = Number(process.env.BENCH_DOC_BYTES ?? 60 * 1024);

/** Run `fn` over `items` with at most `limit` in flight (argon2 hashing is the slow part). */
async function mapLimit<T, R>(items: T[], limit: number, fn: (item: T, i: number) => Promise<R>): Promise<R[]> {
  const out: R[] = new Array(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const i = next++;
      out[i] = await fn(items[i]!, i);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return out;
}

const storedBytes = (content: unknown) => {
  const parsed = parseSectionContent(content);
  if (!parsed.ok) throw new Error(`generated content is invalid: ${parsed.message}`);
  return JSON.stringify(parsed.doc).length;
};

/** Content whose stored (canonical, attribute defaults filled in) JSON is about `bytes` long. */
const sized = (seed: string, marker: string, bytes: number, table: boolean) =>
  sectionContent({ seed, marker, targetBytes: bytes, table, measure: storedBytes });

async function fillDoc(actor: Parameters<typeof saveSection>[0], docId: string, perSectionBytes: number, tag: string) {
  const sections = await db.section.findMany({
    where: { documentId: docId },
    orderBy: { order: "asc" },
    select: { key: true, version: true },
  });
  const filled: { key: string; marker: string; version: number }[] = [];
  for (const s of sections) {
    const marker = `bm-${tag}-${s.key}`;
    // The template's risk table gets a real table; the other sections prose, lists and code.
    const content = sized(`${tag}/${s.key}`, marker, perSectionBytes, /risk/.test(s.key));
    const saved = await saveSection(actor, docId, s.key, { baseVersion: s.version, content });
    filled.push({ key: s.key, marker, version: saved.version });
  }
  return filled;
}

async function main() {
  const owner = await createUser({ name: "Bench Owner", email: `bench-owner-${runId}@bench.test`, password });

  // The doc under load: the built-in template, every section filled, ~docBytes of JSON in all.
  const doc = await createDoc(owner.actor, owner.workspace.id, { title: "Payments platform v2" });
  const sectionCount = await db.section.count({ where: { documentId: doc.id } });
  const sections = await fillDoc(owner.actor, doc.id, Math.round(docBytes / sectionCount), "doc");
  const stored = await db.section.findMany({ where: { documentId: doc.id }, select: { content: true } });
  const bytes = stored.reduce((sum, s) => sum + Buffer.byteLength(JSON.stringify(s.content)), 0);

  // Writers: members (editors) of the same workspace, `writersPerSection` per section,
  // spread over as many docs from the same template as it takes.
  const users = await mapLimit(
    Array.from({ length: writers }, (_, i) => i),
    4,
    async (i) => {
      const user = await createUser({
        name: `Writer ${i + 1}`,
        email: `bench-writer-${i + 1}-${runId}@bench.test`,
        password,
      });
      await addMember(owner.workspace.id, user.actor, "MEMBER");
      return user.actor;
    },
  );
  const slots: { docId: string; key: string }[] = [];
  for (let d = 1; slots.length * writersPerSection < writers; d++) {
    const saveDoc = await createDoc(owner.actor, owner.workspace.id, { title: `Save target ${d}` });
    const filled = await fillDoc(owner.actor, saveDoc.id, 4 * 1024, `save${d}`);
    slots.push(...filled.map((s) => ({ docId: saveDoc.id, key: s.key })));
  }
  const writerList = users.map((u, i) => ({
    email: u.email,
    name: u.name,
    ...slots[Math.floor(i / writersPerSection)]!,
  }));

  // Images and diagrams (issue 15): measured beside the doc above in the vitals and JS parts.
  const mediaDoc = await seedMediaDoc(owner.actor, owner.workspace.id);

  const out = {
    mediaDoc,
    owner: { id: owner.actor.id, name: owner.actor.name, email: owner.actor.email },
    workspace: { id: owner.workspace.id, slug: owner.workspace.slug },
    doc: { id: doc.id, slug: doc.slug, sections, jsonBytes: bytes },
    writers: writerList,
  };
  console.log(`BENCH_SEED ${JSON.stringify(out)}`);
}

main()
  .then(() => db.$disconnect())
  .catch(async (error) => {
    console.error(error);
    await db.$disconnect();
    process.exit(1);
  });
