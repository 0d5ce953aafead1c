/**
 * The doc page cache keys on DOC_PAGE_STATEMENTS (lib/docs/page-data.ts); the page must show
 * nothing those rows do not cover. Two tripwires:
 * - every statement the page's data costs is recorded at the driver and must be the access
 *   check, one of DOC_PAGE_STATEMENTS, or a derived read listed with its reason;
 * - the page file takes its data from loadDocPage only (a loader called from the page itself
 *   would not be recorded above).
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import pg from "pg";
import { afterEach, describe, expect, it } from "vitest";
import { Prisma } from "@/lib/db";
import { createMember, createUser } from "@/prisma/factories";
import { createTestThread } from "@/prisma/factories-comments";
import { createTestDoc, paragraph } from "@/prisma/factories-docs";
import { requestReview } from "@/lib/reviews/request-review";
import { submitVerdict } from "@/lib/reviews/submit-verdict";
import { accessRowSql } from "./access";
import { DOC_PAGE_DERIVED_READS, DOC_PAGE_STATEMENTS, loadDocPage } from "./page-data";
import { getDocForViewer } from "./queries";
import { saveSection } from "./save-section";

const squash = (sql: string) => sql.replace(/\s+/g, " ").trim();

type Query = (this: pg.Client, ...args: unknown[]) => unknown;
const original = pg.Client.prototype.query as Query;
afterEach(() => {
  pg.Client.prototype.query = original as typeof pg.Client.prototype.query;
});

/** Every statement sent to PostgreSQL while `work` runs. */
async function recordStatements(work: () => Promise<unknown>): Promise<string[]> {
  const seen: string[] = [];
  pg.Client.prototype.query = function (this: pg.Client, ...args: unknown[]) {
    const first = args[0] as string | { text?: string };
    seen.push(squash(typeof first === "string" ? first : (first?.text ?? "")));
    return original.apply(this, args);
  } as typeof pg.Client.prototype.query;
  try {
    await work();
  } finally {
    pg.Client.prototype.query = original as typeof pg.Client.prototype.query;
  }
  return seen;
}

describe("what the doc page shows is what its cache key covers", () => {
  it("reads only the fingerprinted statements and listed derived reads", async () => {
    const author = await createUser({ name: "Ada" });
    const reviewer = await createMember(author.workspace.id, "MEMBER", "Rita");
    const doc = await createTestDoc(author.actor, author.workspace.id, { sections: { architecture: "Two services." } });
    await requestReview(author.actor, doc.id, { reviewerIds: [reviewer.actor.id] });
    const { slug, revision } = await getDocForViewer(author.actor, { id: doc.id });
    await submitVerdict(reviewer.actor, doc.id, { kind: "APPROVE", revision });
    await saveSection(author.actor, doc.id, "architecture", { baseVersion: 2, content: paragraph("Three.") });
    await createTestThread(author.actor, doc.id, { sectionKey: "architecture", text: "Why three?" });

    // Rita's approval is stale: her page also shows what changed since (every branch of the page's data runs).
    const seen = await recordStatements(async () => {
      const page = await loadDocPage(reviewer.actor, slug);
      expect(page.signOff.me.staleDiff).not.toBeNull();
    });

    const ids = { docId: doc.id, userId: reviewer.actor.id };
    const allowed = new Set([
      squash(accessRowSql(reviewer.actor.id, "", Prisma.sql`d.slug = ${slug}`).text),
      ...Object.values(DOC_PAGE_STATEMENTS).map((statement) => squash(statement(ids).text)),
    ]);
    const derived = (sql: string) =>
      DOC_PAGE_DERIVED_READS.some((d) => new RegExp(`^SELECT .* FROM "public"\\."${d.table}" WHERE `).test(sql));
    const transaction = /^(BEGIN|COMMIT|ROLLBACK)\b/i;
    const uncovered = seen.filter((sql) => !allowed.has(sql) && !derived(sql) && !transaction.test(sql));
    expect(uncovered, "the page reads something its cache key does not cover: add it to DOC_PAGE_STATEMENTS").toEqual(
      [],
    );
    for (const statement of Object.values(DOC_PAGE_STATEMENTS)) expect(seen).toContain(squash(statement(ids).text));
  });

  it("the page file takes its data from loadDocPage alone", () => {
    const page = readFileSync(path.resolve(import.meta.dirname, "../../app/(app)/docs/[slug]/page.tsx"), "utf8");
    const loaders = [...page.matchAll(/import\s*\{([^}]*)\}\s*from\s*"@\/lib\/[^"]+"/g)]
      .flatMap((m) => m[1]!.split(","))
      .map((name) => name.replace(/\btype\b/, "").trim())
      .filter((name) => /^(get|load|list|find|count|fetch|read|query)[A-Z]/.test(name));
    // getImportSummary runs only with ?imported=…, and a URL with a query is never served from the cache.
    expect(loaders.sort()).toEqual(["getImportSummary", "loadDocPage"]);
    expect(page).not.toMatch(/from "@\/lib\/db"/);
  });
});
