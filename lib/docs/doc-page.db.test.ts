import { describe, expect, it } from "vitest";
import { createMember, createUser } from "@/prisma/factories";
import { createTestDoc, paragraph } from "@/prisma/factories-docs";
import { getSignOffState } from "@/lib/reviews/queries";
import { requestReview } from "@/lib/reviews/request-review";
import { submitVerdict } from "@/lib/reviews/submit-verdict";
import { getDocPage } from "./doc-page";
import { getDocForViewer, getSectionForViewer } from "./queries";
import { saveSection } from "./save-section";

// The doc page reads the doc in one SQL statement of its own; what it shows must be
// what the domain functions every other caller uses say.
describe("the doc page's one-statement read", () => {
  it("shows the same doc, sections and stamps as getDocForViewer, without the sections' JSON", async () => {
    const { actor, workspace } = await createUser({ name: "Grace Hopper" });
    const doc = await createTestDoc(actor, workspace.id, {
      title: "Queues",
      sections: { "data-model": "Jobs have <priorities>." },
    });
    await saveSection(actor, doc.id, "edge-cases", {
      baseVersion: 1,
      content: {
        type: "doc",
        content: [
          {
            type: "table",
            content: [{ type: "tableRow", content: [{ type: "tableCell", content: [{ type: "paragraph" }] }] }],
          },
        ],
      },
    });
    await saveSection(actor, doc.id, "security-considerations", {
      baseVersion: 1,
      content: {
        type: "doc",
        content: [{ type: "paragraph", content: [{ type: "text", text: "   " }, { type: "hardBreak" }] }],
      },
    });

    const full = await getDocForViewer(actor, { id: doc.id });
    const { doc: page } = await getDocPage(actor, full.slug);
    // The API's point in history (seq) is for verdicts over the API; the page sends section versions.
    const { sections: fullSections, seq: _seq, ...fullRest } = full;
    const { sections: pageSections, ...pageRest } = page;
    expect(pageRest).toEqual(fullRest);
    expect(pageSections).toEqual(fullSections.map(({ content: _c, outline: _o, ...summary }) => summary));
    // An empty table is content; blank paragraphs are not.
    expect(pageSections.find((s) => s.key === "edge-cases")?.isEmpty).toBe(false);
    expect(pageSections.find((s) => s.key === "security-considerations")?.isEmpty).toBe(true);
    expect(pageSections.find((s) => s.key === "data-model")).toMatchObject({
      isEmpty: false,
      html: "<p>Jobs have &lt;priorities&gt;.</p>",
    });
    expect(pageSections.find((s) => s.key === "risks-mitigation")?.hasOutline).toBe(true);
    expect(page.updatedAt).toMatch(/Z$/);
  });

  it("builds the same sign-off state as the reviews API, stale approval diff included", async () => {
    const { actor, workspace } = await createUser({ name: "Author" });
    const reviewer = await createMember(workspace.id, "MEMBER", "Reviewer");
    const other = await createMember(workspace.id, "MEMBER", "Second reviewer");
    const doc = await createTestDoc(actor, workspace.id, { sections: { architecture: "Three services." } });
    await requestReview(actor, doc.id, {
      reviewerIds: [reviewer.actor.id, other.actor.id],
      message: "Please look at the queue",
    });
    const { revision } = await getDocForViewer(actor, { id: doc.id });
    await submitVerdict(reviewer.actor, doc.id, { kind: "APPROVE", revision });
    await submitVerdict(other.actor, doc.id, { kind: "REQUEST_CHANGES", body: "Name the queue", revision });
    const architecture = await getSectionForViewer(actor, doc.id, "architecture");
    await saveSection(actor, doc.id, "architecture", {
      baseVersion: architecture.version,
      content: paragraph("Four services."),
    });

    for (const viewer of [actor, reviewer.actor, other.actor]) {
      const { signOff } = await getDocPage(viewer, doc.slug);
      expect(signOff).toEqual(await getSignOffState(viewer, doc.id));
    }
    const { signOff } = await getDocPage(reviewer.actor, doc.slug);
    expect(signOff.me.staleDiff?.[0]).toMatchObject({
      key: "architecture",
      before: "Three services.",
      after: "Four services.",
    });
    expect(signOff.status).toBe("CHANGES_REQUESTED");
  });

  it("is NOT_FOUND for strangers, like every other doc read", async () => {
    const { actor, workspace } = await createUser();
    const doc = await createTestDoc(actor, workspace.id);
    const stranger = await createUser();
    await expect(getDocPage(stranger.actor, doc.slug)).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(getSectionForViewer(stranger.actor, doc.id, "architecture")).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
    await expect(getSectionForViewer(actor, doc.id, "no-such-section")).rejects.toMatchObject({ code: "NOT_FOUND" });
  });
});
