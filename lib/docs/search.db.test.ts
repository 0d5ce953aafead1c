import { describe, expect, it } from "vitest";
import { createMember, createUser } from "@/prisma/factories";
import { createTestDoc } from "@/prisma/factories-docs";
import { db } from "@/lib/db";
import { listDocs } from "./list-docs";
import { setDocArchived } from "./mutations";
import { exportDocMarkdown, importMarkdown } from "./markdown";
import { getDocForViewer } from "./queries";

describe("doc list and search", () => {
  it("finds docs by section text and names the matching section", async () => {
    const { actor, workspace } = await createUser();
    await createTestDoc(actor, workspace.id, {
      title: "Ledger",
      sections: { "data-model": "Accounts hold balances in integer cents." },
    });
    await createTestDoc(actor, workspace.id, {
      title: "Search service",
      sections: { "security-considerations": "Tokens rotate hourly." },
    });
    const hits = await listDocs(actor, workspace.id, { q: "balances" });
    expect(hits.map((h) => h.title)).toEqual(["Ledger"]);
    expect(hits[0]!.match).toMatchObject({ sectionKey: "data-model", sectionTitle: "Data Model" });
    expect(hits[0]!.match!.snippet).toContain("«balances»");
    // Stemming: "rotating" finds "rotate".
    expect((await listDocs(actor, workspace.id, { q: "rotating tokens" })).map((h) => h.title)).toEqual([
      "Search service",
    ]);
    // Titles match too.
    expect((await listDocs(actor, workspace.id, { q: "ledger" })).map((h) => h.title)).toEqual(["Ledger"]);
  });

  it("filters by author, hides archived docs unless asked, and never shows another workspace", async () => {
    const { actor, workspace } = await createUser();
    const mate = await createMember(workspace.id, "MEMBER");
    const stranger = await createUser();
    await createTestDoc(actor, workspace.id, { title: "Mine" });
    const theirs = await createTestDoc(mate.actor, workspace.id, { title: "Theirs" });
    await createTestDoc(stranger.actor, stranger.workspace.id, { title: "Elsewhere" });
    expect((await listDocs(actor, workspace.id, { author: mate.actor.id })).map((d) => d.title)).toEqual(["Theirs"]);
    await setDocArchived(mate.actor, theirs.id, true);
    expect((await listDocs(actor, workspace.id)).map((d) => d.title)).toEqual(["Mine"]);
    expect((await listDocs(actor, workspace.id, { archived: "only" })).map((d) => d.title)).toEqual(["Theirs"]);
    await expect(listDocs(stranger.actor, workspace.id)).rejects.toMatchObject({ code: "NOT_FOUND" });
  });

  it("sorts by last update and counts filled sections", async () => {
    const { actor, workspace } = await createUser();
    await createTestDoc(actor, workspace.id, { title: "Older", sections: { architecture: "a", "data-flow": "b" } });
    await createTestDoc(actor, workspace.id, { title: "Newer" });
    const list = await listDocs(actor, workspace.id);
    expect(list.map((d) => d.title)).toEqual(["Newer", "Older"]);
    expect(list[1]).toMatchObject({ filled: 2, total: 14 });
  });
});

describe("search plans (GIN candidates for rare terms, a walk in list order for common ones)", () => {
  const plans = ["index", "walk"] as const;

  it.each(plans)(
    "%s: a word in one doc finds it and names the section; a phrase nobody wrote finds nothing",
    async (plan) => {
      const { actor, workspace } = await createUser();
      await createTestDoc(actor, workspace.id, {
        title: "Wombat notes",
        sections: { architecture: "Workers poll the queue.", "data-model": "The quokkanomic ledger keeps balances." },
      });
      await createTestDoc(actor, workspace.id, {
        title: "Audit log",
        sections: { architecture: "Every audit event is kept.", "data-flow": "A trail of breadcrumbs." },
      });
      const hits = await listDocs(actor, workspace.id, { q: "quokkanomic" }, { plan });
      expect(hits.map((h) => h.title)).toEqual(["Wombat notes"]);
      expect(hits[0]!.match).toMatchObject({ sectionKey: "data-model", sectionTitle: "Data Model" });
      expect(hits[0]!.match!.snippet).toContain("«quokkanomic»");
      // "audit" and "trail" are both written, but never next to each other.
      expect(await listDocs(actor, workspace.id, { q: '"audit trail"' }, { plan })).toEqual([]);
      expect((await listDocs(actor, workspace.id, { q: '"audit event"' }, { plan })).map((h) => h.title)).toEqual([
        "Audit log",
      ]);
      // A title hit with no section hit has no match to show.
      expect(await listDocs(actor, workspace.id, { q: "wombat" }, { plan })).toMatchObject([
        { title: "Wombat notes", match: null },
      ]);
      // Stop words only, and NUL bytes (stripped by the schema), match nothing / still match.
      expect(await listDocs(actor, workspace.id, { q: "the and of" }, { plan })).toEqual([]);
      expect((await listDocs(actor, workspace.id, { q: "quokka\0nomic" }, { plan })).map((h) => h.title)).toEqual([
        "Wombat notes",
      ]);
    },
  );

  it.each(plans)("%s: the best-matching section is the one with the most hits", async (plan) => {
    const { actor, workspace } = await createUser();
    await createTestDoc(actor, workspace.id, {
      title: "Ranking",
      sections: { architecture: "One zanthoxyl here.", "data-flow": "Zanthoxyl, zanthoxyl and more zanthoxyl." },
    });
    const [hit] = await listDocs(actor, workspace.id, { q: "zanthoxyl" }, { plan });
    expect(hit!.match!.sectionKey).toBe("data-flow");
  });

  it.each(plans)(
    "%s: archived docs stay hidden unless asked, filters and sorts hold, other workspaces never show",
    async (plan) => {
      const { actor, workspace } = await createUser();
      const mate = await createMember(workspace.id, "MEMBER");
      const stranger = await createUser();
      const older = await createTestDoc(actor, workspace.id, {
        title: "Beta plan",
        sections: { architecture: "Vorticella pipeline." },
      });
      const archived = await createTestDoc(actor, workspace.id, {
        title: "Gamma plan",
        sections: { "risks-mitigation": "Vorticella risks." },
      });
      await createTestDoc(mate.actor, workspace.id, {
        title: "Alpha plan",
        sections: { architecture: "Vorticella again." },
      });
      await createTestDoc(stranger.actor, stranger.workspace.id, {
        title: "Elsewhere",
        sections: { architecture: "Vorticella elsewhere." },
      });
      await setDocArchived(actor, archived.id, true);
      await db.document.update({ where: { id: older.id }, data: { status: "APPROVED" } });
      const titles = async (query: Record<string, string>) =>
        (await listDocs(actor, workspace.id, { q: "vorticella", ...query }, { plan })).map((d) => d.title);

      expect(await titles({})).toEqual(["Alpha plan", "Beta plan"]);
      expect(await titles({ archived: "only" })).toEqual(["Gamma plan"]);
      expect((await titles({ archived: "include" })).sort()).toEqual(["Alpha plan", "Beta plan", "Gamma plan"]);
      expect(await titles({ sort: "title" })).toEqual(["Alpha plan", "Beta plan"]);
      expect(await titles({ sort: "created" })).toEqual(["Alpha plan", "Beta plan"]);
      expect(await titles({ author: mate.actor.id })).toEqual(["Alpha plan"]);
      expect(await titles({ status: "APPROVED" })).toEqual(["Beta plan"]);
      expect(
        (await listDocs(stranger.actor, stranger.workspace.id, { q: "vorticella" }, { plan })).map((d) => d.title),
      ).toEqual(["Elsewhere"]);
    },
  );

  it("without a forced plan, picks one from the statistics and gives the same results", async () => {
    const { actor, workspace } = await createUser();
    await createTestDoc(actor, workspace.id, { title: "Plain", sections: { architecture: "Xylocarp storage." } });
    const auto = await listDocs(actor, workspace.id, { q: "xylocarp storage" });
    expect(auto.map((h) => h.title)).toEqual(["Plain"]);
    expect(await listDocs(actor, workspace.id, { q: "xylocarp storage" }, { plan: "walk" })).toEqual(auto);
    expect(await listDocs(actor, workspace.id, { q: "xylocarp storage" }, { plan: "index" })).toEqual(auto);
  });
});

describe("Markdown", () => {
  it("export → import round-trips the section texts, and the footer is derived", async () => {
    const { actor, workspace } = await createUser({ name: "Round Trip" });
    const doc = await createTestDoc(actor, workspace.id, {
      title: "Round trip",
      sections: { architecture: "Three tiers.", "risks-mitigation": "Cache stampede." },
    });
    const { markdown } = await exportDocMarkdown(actor, doc.id);
    expect(markdown).toMatch(/^# Round trip\n/);
    expect(markdown).toContain("## Architecture\n\nThree tiers.");
    expect(markdown).toMatch(/\*\*Last Updated:\*\* \d{4}-\d{2}-\d{2} by Round Trip/);
    const imported = await importMarkdown(actor, workspace.id, { markdown });
    expect(imported.extra).toEqual([]);
    const copy = await getDocForViewer(actor, { id: imported.id });
    expect(copy.title).toBe("Round trip");
    const text = (d: typeof copy, key: string) => d.sections.find((s) => s.key === key)?.content;
    expect(text(copy, "architecture")).toEqual(text(await getDocForViewer(actor, { id: doc.id }), "architecture"));
    expect(copy.sections.find((s) => s.key === "risks-mitigation")?.html).toContain("Cache stampede.");
  });

  it("headings the template lacks become sections of their own; scripts stay text", async () => {
    const { actor, workspace } = await createUser();
    const markdown =
      "# Imported <script>alert(1)</script>\n\n## Architecture\n\nBoxes and arrows.\n\n" +
      "## Glossary\n\n<img src=x onerror=alert(1)>\n\n```\n## not a heading\n```\n";
    const result = await importMarkdown(actor, workspace.id, { markdown });
    expect(result.extra).toEqual(["Glossary"]);
    const doc = await getDocForViewer(actor, { id: result.id });
    expect(doc.title).toBe("Imported <script>alert(1)</script>");
    const glossary = doc.sections.find((s) => s.key === "glossary")!;
    expect(glossary.title).toBe("Glossary");
    expect(glossary.html).toContain("Image not uploaded yet: x");
    expect(glossary.html).not.toContain("<img");
    // A "##" inside a code fence is code, not a section heading.
    expect(glossary.html).toContain("## not a heading");
    expect(doc.sections.find((s) => s.key === "architecture")?.html).toBe("<p>Boxes and arrows.</p>");
  });
});
