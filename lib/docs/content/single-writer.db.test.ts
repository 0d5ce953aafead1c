/**
 * The content pipeline is the one writer of section content (issue 12), checked two ways:
 * - from the code: every Prisma call and raw SQL statement that writes a Section (or a
 *   SectionVersion) is found by scanning the files, and any outside lib/docs/content/
 *   fails, naming file and line. Not a hand list: a new writer anywhere is found.
 * - from the data: after every kind of writer ran, each section's stored content has its
 *   SectionVersion (same version and hash), and the SQL hash equals the pipeline's.
 */
import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { createTestThread } from "@/prisma/factories-comments";
import { createUser } from "@/prisma/factories";
import { createTestDoc, paragraph } from "@/prisma/factories-docs";
import { addSection, moveSection, removeSection, renameSection } from "@/lib/docs/extra-sections";
import { importMarkdown } from "@/lib/docs/import/import-markdown";
import { saveSection } from "@/lib/docs/save-section";
import { contentHash } from "./derive";

const ROOT = path.resolve(import.meta.dirname, "../../..");
const PIPELINE = path.join("lib", "docs", "content") + path.sep;
/** Where application code lives. bench/ is left out: its raw-pg baselines write on purpose, to be compared with. */
const SCANNED = ["app", "lib", "components", "scripts", "prisma", "proxy.ts", "instrumentation.ts"];
const SKIPPED_DIRS = new Set(["node_modules", "generated", ".next"]);

function sourceFiles(rel: string): string[] {
  const abs = path.join(ROOT, rel);
  let stat;
  try {
    stat = statSync(abs);
  } catch {
    return [];
  }
  if (stat.isFile()) return /\.(ts|tsx|mjs|js)$/.test(rel) ? [rel] : [];
  return readdirSync(abs)
    .filter((name) => !SKIPPED_DIRS.has(name))
    .flatMap((name) => sourceFiles(path.join(rel, name)));
}

/** The text of the call's argument list starting at `open` (an opening parenthesis), balanced. */
function argumentsAt(code: string, open: number): string {
  let depth = 0;
  for (let i = open; i < code.length; i++) {
    if (code[i] === "(") depth++;
    else if (code[i] === ")" && --depth === 0) return code.slice(open, i + 1);
  }
  return code.slice(open);
}

/** Fields whose change is a change of content, or of the structure history records. */
const CONTENT_FIELD = /^(content|text|html|version|contentHash|title|order|documentId|key)$/;
const PRISMA_SECTION_WRITE =
  /\.section\.(update|updateMany|upsert|create|createMany|createManyAndReturn|delete|deleteMany)\s*\(/g;
const PRISMA_VERSION_WRITE = /\.sectionVersion\.(update|updateMany|upsert|create|createMany|delete|deleteMany)\s*\(/g;
const NESTED_DOC_WRITE = /\.document\.(create|update|upsert)\s*\(/g;
const RAW_WRITE = /\b(UPDATE|INSERT\s+INTO|DELETE\s+FROM)\s+"(Section|SectionVersion)"/gi;

/**
 * The keys an update writes: the top-level keys of its `data` (or upsert's `update`/`create`)
 * object literal; null when that is not a literal (then it may write anything).
 */
function writtenKeys(args: string): string[] | null {
  const at = args.search(/\b(data|update|create)\s*:\s*/);
  if (at < 0) return null;
  const open = args.indexOf("{", at);
  if (open < 0 || /[^\s]/.test(args.slice(args.indexOf(":", at) + 1, open))) return null;
  const keys: string[] = [];
  let depth = 0;
  let token = "";
  for (let i = open; i < args.length; i++) {
    const c = args[i]!;
    if ("{[(".includes(c)) depth++;
    else if ("}])".includes(c) && --depth === 0) break;
    if (depth !== 1) continue;
    if (/[\w$]/.test(c)) token += c;
    else {
      if (token && /^\s*[:,}]/.test(args.slice(i))) keys.push(token);
      if (!/\s/.test(c)) token = "";
    }
  }
  return keys;
}

type Finding = { file: string; line: number; what: string };

function findContentWrites(file: string, code: string): Finding[] {
  const found: Finding[] = [];
  const lineOf = (index: number) => code.slice(0, index).split("\n").length;
  for (const m of code.matchAll(PRISMA_SECTION_WRITE)) {
    const keys = /^(update|updateMany|upsert)$/.test(m[1]!)
      ? writtenKeys(argumentsAt(code, m.index + m[0].length - 1))
      : null;
    if (!keys || keys.some((k) => CONTENT_FIELD.test(k)))
      found.push({ file, line: lineOf(m.index), what: `section.${m[1]}` });
  }
  for (const m of code.matchAll(PRISMA_VERSION_WRITE))
    found.push({ file, line: lineOf(m.index), what: `sectionVersion.${m[1]}` });
  for (const m of code.matchAll(NESTED_DOC_WRITE)) {
    if (/\bsections\s*:/.test(argumentsAt(code, m.index + m[0].length - 1)))
      found.push({ file, line: lineOf(m.index), what: `document.${m[1]} with nested sections` });
  }
  for (const m of code.matchAll(RAW_WRITE))
    found.push({ file, line: lineOf(m.index), what: `${m[1]!.toUpperCase()} "${m[2]}"` });
  return found;
}

describe("the content pipeline is the one writer of section content", () => {
  const files = SCANNED.flatMap(sourceFiles);
  const findings = files.flatMap((file) => findContentWrites(file, readFileSync(path.join(ROOT, file), "utf8")));

  it("finds writers in the code (the scan itself works: it sees the pipeline's own writes)", () => {
    expect(files.length).toBeGreaterThan(100);
    const own = findings.filter((f) => f.file.startsWith(PIPELINE)).map((f) => f.what);
    expect(own).toEqual(
      expect.arrayContaining(['UPDATE "Section"', 'INSERT INTO "SectionVersion"', "section.createMany"]),
    );
    const sample = [
      "await tx.section.update({ where: { id }, data: { content: x } });",
      "await db.document.create({ data: { title, sections: { create: rows } } });",
      'await tx.$executeRaw`UPDATE "Section" SET text = ${t}`;',
    ].join("\n");
    expect(findContentWrites("sample.ts", sample).map((f) => f.line)).toEqual([1, 2, 3]);
    // Metadata that is not content (a required flag, a template's outline) is not a content write.
    expect(
      findContentWrites("ok.ts", "await db.section.updateMany({ where: { id }, data: { required: true } });"),
    ).toEqual([]);
  });

  it("no file outside lib/docs/content/ writes section content or versions", () => {
    const outside = findings.filter((f) => !f.file.startsWith(PIPELINE)).map((f) => `${f.file}:${f.line} ${f.what}`);
    expect(outside).toEqual([]);
  });

  it("every stored content has its version, whichever writer stored it", async () => {
    const { actor, workspace } = await createUser();
    const doc = await createTestDoc(actor, workspace.id, { sections: { "design-overview": "First words here." } });
    await saveSection(
      actor,
      doc.id,
      "design-overview",
      { baseVersion: 2, content: paragraph("Second words here.") },
      "api",
    );
    await createTestThread(actor, doc.id, { quote: "words", offset: 7 });
    const { key } = await addSection(actor, doc.id, { title: "Rollout" });
    await renameSection(actor, doc.id, key, { title: "Rollout plan" });
    await moveSection(actor, doc.id, key, { direction: "up" });
    await removeSection(actor, doc.id, key);
    const imported = await importMarkdown(actor, workspace.id, {
      markdown: "# Imported\n\n## Design Overview\n\nFrom a **file**.\n\n## Odd heading\n\nKept as its own section.\n",
    });

    const sections = await db.$queryRaw<
      { id: string; version: number; hash: string; sqlHash: string; vVersion: number | null; vHash: string | null }[]
    >`
      SELECT s.id, s.version, s."contentHash" AS hash, section_content_hash(s.content) AS "sqlHash",
        v.version AS "vVersion", v."contentHash" AS "vHash"
      FROM "Section" s
      LEFT JOIN LATERAL (SELECT version, "contentHash" FROM "SectionVersion" x WHERE x."sectionId" = s.id
        ORDER BY seq DESC LIMIT 1) v ON true
      WHERE s."documentId" IN (${doc.id}, ${imported.id})`;
    expect(sections.length).toBeGreaterThan(20);
    for (const s of sections)
      expect({ version: s.vVersion, hash: s.vHash, sql: s.sqlHash }).toEqual({
        version: s.version,
        hash: s.hash,
        sql: s.hash,
      });
    const kinds = await db.sectionVersion.groupBy({
      by: ["kind"],
      where: { documentId: { in: [doc.id, imported.id] } },
      _count: true,
    });
    expect(kinds.map((k) => k.kind).sort()).toEqual(["ANNOTATION", "CREATE", "EDIT", "IMPORT", "STRUCTURE"]);
    const heads = await db.document.findMany({
      where: { id: { in: [doc.id, imported.id] } },
      select: { id: true, headSeq: true },
    });
    for (const h of heads) {
      const last = await db.sectionVersion.findFirstOrThrow({ where: { documentId: h.id }, orderBy: { seq: "desc" } });
      expect(h.headSeq).toBe(last.seq);
    }
  });

  it("hashes content in SQL exactly as the pipeline does in JavaScript", async () => {
    const samples: unknown[] = [
      { type: "doc", content: [{ type: "paragraph" }] },
      paragraph('Quotes " and \\ backslashes, tabs\tand newlines\n, unicode é 漢字 🚀, <tags> & "more"'),
      {
        type: "doc",
        content: [{ type: "heading", attrs: { level: 2, id: null }, content: [{ type: "text", text: "H" }] }],
      },
      { b: [1, 2.5, -3, true, false, null, "x"], a: { z: {}, y: [] }, "\u0001ctl": "\u0007" },
    ];
    for (const sample of samples) {
      const [row] = await db.$queryRaw<{ hash: string }[]>`
        SELECT section_content_hash(${JSON.stringify(sample)}::jsonb) AS hash`;
      expect(row!.hash).toBe(contentHash(sample));
    }
  });
});
