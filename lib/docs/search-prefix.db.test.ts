import { describe, expect, it } from "vitest";
import { createThread } from "@/lib/comments/create-thread";
import { db } from "@/lib/db";
import { commentBody } from "@/prisma/factories-comments";
import { createMember, createUser } from "@/prisma/factories";
import { createTestDoc } from "@/prisma/factories-docs";
import { addSection, removeSection, renameSection } from "./extra-sections";
import { importMarkdown } from "./import/import-markdown";
import { renameDoc } from "./mutations";
import { listDocs } from "./list-docs";
import { saveSection } from "./save-section";
import { paragraph } from "@/prisma/factories-docs";

describe("search as people type (issue 16)", () => {
  it.each(["index", "walk"] as const)("a word's beginning finds it (%s plan)", async (plan) => {
    const { actor, workspace } = await createUser();
    await createTestDoc(actor, workspace.id, {
      title: "Payments",
      sections: { "data-model": "Nightly reconciliation against the bank statement." },
    });
    const titles = async (q: string) => (await listDocs(actor, workspace.id, { q }, { plan })).map((d) => d.title);
    expect(await titles("reconcil")).toEqual(["Payments"]);
    expect(await titles("nightly reconc")).toEqual(["Payments"]);
    expect(await titles("Paym")).toEqual(["Payments"]);
    expect(await titles("reconcil weekly")).toEqual([]);
    // Search syntax still reads as such, and tsquery operators typed as text are only text.
    expect(await titles('"bank statement"')).toEqual(["Payments"]);
    expect(await titles("bank & | ! :* (")).toEqual(["Payments"]);
  });

  it.each(["index", "walk"] as const)("comments are searched; the hit names the thread (%s plan)", async (plan) => {
    const { actor, workspace } = await createUser();
    const mate = await createMember(workspace.id, "MEMBER", "Mia Mate");
    const doc = await createTestDoc(actor, workspace.id, {
      title: "Cache",
      sections: { "design-overview": "We cache sessions for one minute." },
    });
    await createThread(mate.actor, doc.id, {
      sectionKey: "design-overview",
      anchor: { offset: 3, quote: "cache sessions" },
      body: commentBody("What about eviction under memory pressure?"),
    });
    const [hit] = await listDocs(actor, workspace.id, { q: "evict" }, { plan });
    expect(hit?.title).toBe("Cache");
    expect(hit?.match).toMatchObject({
      sectionKey: "design-overview",
      sectionTitle: "Design Overview",
      thread: { id: expect.any(String), quote: "cache sessions" },
    });
    expect(hit?.match?.snippet).toContain("«eviction»");
  });

  it("words common apart but rare together are found through the doc-level vector, kept by triggers", async () => {
    const { actor, workspace } = await createUser();
    const doc = await createTestDoc(actor, workspace.id, {
      title: "Edge",
      sections: { "design-overview": "Latency budget of 20 ms.", "data-model": "A write-through cache." },
    });
    await createTestDoc(actor, workspace.id, { title: "Other", sections: { "design-overview": "Latency only." } });
    const titles = async (q: string) => (await listDocs(actor, workspace.id, { q })).map((d) => d.title);
    expect(await titles("latency cache")).toEqual(["Edge"]);
    // A save updates the doc-level vector; so does a rename.
    const { version } = await db.section.findFirstOrThrow({
      where: { documentId: doc.id, key: "data-model" },
      select: { version: true },
    });
    await saveSection(actor, doc.id, "data-model", { baseVersion: version, content: paragraph("A queue.") });
    expect(await titles("latency cache")).toEqual([]);
    expect(await titles("latency queue")).toEqual(["Edge"]);
    await renameDoc(actor, doc.id, { title: "Gateway" });
    expect(await titles("gateway latency")).toEqual(["Gateway"]);
  });

  it("the doc-level vector follows a section of the doc's own through add, save, rename and removal", async () => {
    const { actor, workspace } = await createUser();
    const doc = await createTestDoc(actor, workspace.id, {
      title: "Ledger",
      sections: { "design-overview": "Latency budget of 20 ms." },
    });
    const titles = async (q: string) => (await listDocs(actor, workspace.id, { q })).map((d) => d.title);
    const { key } = await addSection(actor, doc.id, { title: "Rollout" });
    // Empty, its title is no hit (as for empty template sections); with text, both are.
    expect(await titles("latency rollout")).toEqual([]);
    const { version } = await db.section.findFirstOrThrow({
      where: { documentId: doc.id, key },
      select: { version: true },
    });
    await saveSection(actor, doc.id, key, { baseVersion: version, content: paragraph("Canary in one region.") });
    expect(await titles("latency canary rollout")).toEqual(["Ledger"]);
    await renameSection(actor, doc.id, key, { title: "Launch" });
    expect(await titles("latency launch")).toEqual(["Ledger"]);
    expect(await titles("latency rollout")).toEqual([]);
    await removeSection(actor, doc.id, key);
    expect(await titles("latency canary")).toEqual([]);
    expect(await titles("latency")).toEqual(["Ledger"]);
  });

  it("an import of many sections stores the same doc-level vector as building it afresh", async () => {
    const { actor, workspace } = await createUser();
    const parts = Array.from({ length: 120 }, (_, i) => `## Part ${i}\n\nWord${i} sits in part ${i}.`);
    const { id } = await importMarkdown(actor, workspace.id, { markdown: `# Many parts\n\n${parts.join("\n\n")}\n` });
    const [row] = await db.$queryRaw<{ same: boolean; first: boolean; last: boolean }[]>`
      SELECT "searchAll" = doc_search_all(id, title) AS same,
        "searchAll" @@ to_tsquery('english', 'word0') AS first, "searchAll" @@ to_tsquery('english', 'word119') AS last
      FROM "Document" WHERE id = ${id}`;
    expect(row).toEqual({ same: true, first: true, last: true });
    const titles = async (q: string) => (await listDocs(actor, workspace.id, { q })).map((d) => d.title);
    expect(await titles("word0 word119")).toEqual(["Many parts"]);
  });

  it("the doc-level vector, built from the sections' vectors, holds the words of parsing the whole doc", async () => {
    const { actor, workspace } = await createUser();
    const long = "x".repeat(150);
    const { id } = await importMarkdown(actor, workspace.id, {
      markdown:
        `# Gateway <v2> rollout\n\n## Approach\n\nThrottled retries; see <script>alert(1)</script>.\n\n` +
        `## Risks\n\n${long}needle and the *bank statement*.\n\n## Empty\n\n`,
    });
    // The definition before migration 20261203151000: the title and every written section's title and text, parsed
    // as one text (angle brackets blanked, runs cut every 64 characters).
    const [row] = await db.$queryRaw<{ stored: string[]; afresh: string[]; phrase: boolean }[]>`
      SELECT (SELECT array_agg(lexeme ORDER BY lexeme) FROM unnest(d."searchAll")) AS stored,
        (SELECT array_agg(lexeme ORDER BY lexeme) FROM unnest(to_tsvector('english', regexp_replace(translate(
          d.title || ' ' || (SELECT string_agg(s.title || ' ' || s.text, ' ' ORDER BY s."order") FROM "Section" s
            WHERE s."documentId" = d.id AND s.text ~ '[^[:space:]]'), '<>', '  '), '[^[:space:]]{64}', '\\& ', 'g'))))
          AS afresh,
        d."searchAll" @@ websearch_to_tsquery('english', '"bank statement"') AS phrase
      FROM "Document" d WHERE d.id = ${id}`;
    expect(row!.stored).toEqual(row!.afresh);
    expect(row!.stored).toEqual(
      expect.arrayContaining(["gateway", "throttl", "script", "xxxxxxxxxxxxxxxxxxxxxxneedl", "risk"]),
    );
    expect(row!.phrase).toBe(true);
  });
});
