/**
 * Issue 18, data safety: a `pg_dump` of a running instance restored into a new database gives the same docs,
 * history, approvals and images (README → Production → Backup and restore, which this test follows step by step).
 * It compares every table of the schema row for row, so tables added later are covered without a new line here.
 */
import { createHash } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import pg from "pg";
import { afterAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { saveSection } from "@/lib/docs/save-section";
import { requestReview } from "@/lib/reviews/request-review";
import { submitVerdict } from "@/lib/reviews/submit-verdict";
import { createShareLink } from "@/lib/sharing/share-links";
import { findPgTool, run, serverMajor } from "@/lib/testing/pg-tools";
import { createMember, createUser } from "./factories";
import { createTestDoc, paragraph } from "./factories-docs";
import { createTestImage } from "./factories-media";

const adminUrl = process.env.TEST_ADMIN_URL ?? "";
const sourceUrl = process.env.DATABASE_URL ?? "";
const restoredName = `${new URL(sourceUrl).pathname.slice(1)}_restored`;
const restoredUrl = Object.assign(new URL(sourceUrl), { pathname: `/${restoredName}` }).toString();
const dir = mkdtempSync(path.join(tmpdir(), "dr-backup-"));

async function withClient<T>(url: string, fn: (c: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

/** Every table of the schema: its row count and an md5 over its rows in a fixed order. */
async function fingerprint(url: string) {
  return withClient(url, async (c) => {
    const tables = (
      await c.query<{ table_name: string }>(
        `SELECT table_name FROM information_schema.tables
          WHERE table_schema = 'public' AND table_type = 'BASE TABLE' ORDER BY table_name`,
      )
    ).rows.map((r) => r.table_name);
    const out: Record<string, { rows: number; md5: string | null }> = {};
    for (const table of tables) {
      const q = `"${table.replaceAll('"', '""')}"`;
      const { rows } = await c.query<{ n: string; md5: string | null }>(
        `SELECT count(*) AS n, md5(string_agg(t::text, E'\\n' ORDER BY t::text)) AS md5 FROM ${q} t`,
      );
      out[table] = { rows: Number(rows[0]?.n), md5: rows[0]?.md5 ?? null };
    }
    return out;
  });
}

afterAll(async () => {
  await withClient(adminUrl, (c) => c.query(`DROP DATABASE IF EXISTS "${restoredName}" WITH (FORCE)`));
  rmSync(dir, { recursive: true, force: true });
});

describe("backup and restore", () => {
  it("pg_dump of the running database, restored into a new one: same docs, history, approvals, images", async () => {
    // A workspace as people leave it: a doc edited twice, reviewed and approved, with an image and a share link.
    const author = await createUser({ name: "Ada Author" });
    const reviewer = await createMember(author.workspace.id, "MEMBER", "Rita Reviewer");
    const doc = await createTestDoc(author.actor, author.workspace.id, {
      title: "Backup me",
      sections: { "design-overview": "First words.", "security-considerations": "Tokens are hashed." },
    });
    const v = (await db.section.findFirstOrThrow({ where: { documentId: doc.id, key: "design-overview" } })).version;
    await saveSection(author.actor, doc.id, "design-overview", { baseVersion: v, content: paragraph("Second words.") });
    const image = await createTestImage(author.actor, doc.id, { width: 64, height: 40 });
    await createShareLink(author.actor, doc.id, { role: "view" }, "http://localhost:3000");
    await requestReview(author.actor, doc.id, { reviewerIds: [reviewer.actor.id] });
    const { revision } = await db.document.findUniqueOrThrow({ where: { id: doc.id } });
    await submitVerdict(reviewer.actor, doc.id, { kind: "APPROVE", revision });

    // README steps: dump the live database (custom format), create a new one, restore into it.
    const major = await serverMajor(sourceUrl);
    const pgDump = await findPgTool("pg_dump", major);
    const pgRestore = await findPgTool("pg_restore", major);
    expect(pgDump && pgRestore, `pg_dump and pg_restore ${major} or newer are needed (set PG_BIN)`).toBeTruthy();
    const file = path.join(dir, "design-review.dump");
    await run(pgDump!, ["--format=custom", "--no-owner", `--file=${file}`, sourceUrl]);
    await withClient(adminUrl, (c) => c.query(`CREATE DATABASE "${restoredName}"`));
    await run(pgRestore!, ["--no-owner", "--exit-on-error", `--dbname=${restoredUrl}`, file]);

    const before = await fingerprint(sourceUrl);
    expect(Object.keys(before)).toEqual(expect.arrayContaining(["Document", "Section", "AuditEvent", "Verdict"]));
    expect(before.Verdict?.rows).toBeGreaterThan(0);
    expect(before.MediaBlob?.rows).toBeGreaterThan(0);
    expect(await fingerprint(restoredUrl)).toEqual(before);

    // And read the way the app reads them: the doc, its latest text, the approval, the image's bytes.
    const restored = await withClient(restoredUrl, async (c) => ({
      doc: (await c.query(`SELECT title, revision, status FROM "Document" WHERE id = $1`, [doc.id])).rows[0],
      text: (await c.query(`SELECT text FROM "Section" WHERE "documentId" = $1 AND key = 'design-overview'`, [doc.id]))
        .rows[0]?.text,
      approvals: (await c.query(`SELECT kind FROM "Verdict" WHERE "documentId" = $1`, [doc.id])).rows,
      bytes: (
        await c.query<{ bytes: Buffer }>(
          `SELECT b.data AS bytes FROM "DocImage" i JOIN "MediaBlob" b ON b.sha256 = i.sha256 WHERE i.id = $1`,
          [image.id],
        )
      ).rows[0]?.bytes,
    }));
    const live = await db.document.findUniqueOrThrow({ where: { id: doc.id } });
    expect(restored.doc).toEqual({ title: "Backup me", revision: live.revision, status: live.status });
    expect(restored.text).toBe("Second words.");
    expect(restored.approvals).toEqual([{ kind: "APPROVE" }]);
    const sha = (b: Buffer | undefined) => (b ? createHash("sha256").update(b).digest("hex") : null);
    const original = await db.$queryRaw<{ bytes: Buffer }[]>`
      SELECT b.data AS bytes FROM "DocImage" i JOIN "MediaBlob" b ON b.sha256 = i.sha256 WHERE i.id = ${image.id}`;
    expect(sha(restored.bytes)).toBe(sha(original[0]?.bytes));
  }, 120_000);
});
