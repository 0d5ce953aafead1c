import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { isAppError } from "@/lib/errors";
import { addMember, createUser } from "@/prisma/factories";
import { createTestDoc } from "@/prisma/factories-docs";
import { shareDocWith } from "@/prisma/factories-sharing";
import { setDocArchived } from "./mutations";
import { quickSearch } from "./quick-search";

describe("the header's search (Ctrl/Cmd+K, issue 16)", () => {
  it("finds docs and sections in every workspace of the person, and nothing of anyone else's", async () => {
    const me = await createUser({ name: "Sam Searcher" });
    const other = await createUser({ name: "Olga Other" });
    const stranger = await createUser({ name: "Stan Stranger" });
    await addMember(other.workspace.id, me.actor, "VIEWER");
    await createTestDoc(me.actor, me.workspace.id, {
      title: "Payments ledger",
      sections: { "data-model": "Nightly reconciliation against the bank." },
    });
    await createTestDoc(other.actor, other.workspace.id, {
      title: "Billing",
      sections: { "design-overview": "Reconciliation of invoices runs hourly." },
    });
    const shared = await createTestDoc(stranger.actor, stranger.workspace.id, {
      title: "Reconciler rewrite",
      sections: { "design-overview": "Shared with Sam only." },
    });
    await createTestDoc(stranger.actor, stranger.workspace.id, {
      title: "Secret reconciliation",
      sections: { "design-overview": "Reconciliation nobody else may see." },
    });

    const before = await quickSearch(me.actor, { q: "reconcil" });
    expect(before.map((h) => [h.kind, h.docTitle, h.workspace.name]).sort()).toEqual(
      [
        ["section", "Billing", other.workspace.name],
        ["section", "Payments ledger", me.workspace.name],
      ].sort(),
    );
    const billing = before.find((h) => h.docTitle === "Billing")!;
    expect(billing.href).toMatch(/^\/docs\/[a-z0-9-]+#design-overview$/);
    expect(billing.section).toMatchObject({ key: "design-overview", title: "Design Overview" });
    expect(billing.section?.snippet).toContain("«Reconciliation»");

    // A doc shared with the person alone is theirs to find too; a title hit leads to the doc and comes first.
    await shareDocWith(stranger.actor, shared.id, me.actor, "VIEWER");
    const after = await quickSearch(me.actor, { q: "reconcil" });
    expect(after[0]).toMatchObject({ kind: "doc", docTitle: "Reconciler rewrite", href: `/docs/${shared.slug}` });
    expect(after.map((h) => h.docTitle)).not.toContain("Secret reconciliation");
  });

  it("words common apart but rare together, archived docs, short and long queries", async () => {
    const { actor, workspace } = await createUser();
    const edge = await createTestDoc(actor, workspace.id, {
      title: "Edge",
      sections: { "design-overview": "Latency budget of 20 ms.", "data-model": "A write-through cache." },
    });
    await createTestDoc(actor, workspace.id, { title: "Other", sections: { "design-overview": "Latency only." } });
    const hits = await quickSearch(actor, { q: "latency cache" });
    expect(hits.map((h) => [h.kind, h.docTitle])).toEqual([["doc", "Edge"]]);

    await setDocArchived(actor, edge.id, true);
    expect(await quickSearch(actor, { q: "latency cache" })).toEqual([]);
    // One letter matches too much to be of use: nothing, and no query is run.
    expect(await quickSearch(actor, { q: "l" })).toEqual([]);
    expect(await quickSearch(actor, { q: "!!" })).toEqual([]);
    const tooLong = await quickSearch(actor, { q: "x".repeat(201) }).catch((e: unknown) => e);
    expect(isAppError(tooLong) && tooLong.code).toBe("INVALID_INPUT");
    expect(await db.document.count({ where: { workspaceId: workspace.id } })).toBe(2);
  });
});
