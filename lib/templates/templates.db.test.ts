import { describe, expect, it } from "vitest";
import type { Actor } from "@/lib/auth/session";
import { db } from "@/lib/db";
import { createDoc } from "@/lib/docs/create-doc";
import { getDocForViewer } from "@/lib/docs/queries";
import { saveSection } from "@/lib/docs/save-section";
import { createMember, createUser } from "@/prisma/factories";
import { createTestDoc, paragraph } from "@/prisma/factories-docs";
import { archiveTemplate, createTemplate, duplicateTemplate, saveDocAsTemplate, updateTemplate } from "./mutations";
import { ensureBuiltInTemplate, getTemplateForEditing, listTemplates } from "./queries";

const RFC = {
  name: "Lightweight RFC",
  description: "For changes that touch one service.",
  sections: [
    { title: "Problem", guidance: "What hurts today, and for whom.", required: true },
    { title: "Proposal", guidance: "The change, in a few paragraphs.", required: true },
    { title: "Open Questions", guidance: "", required: false },
  ],
};

/** A workspace owned by one user, with an admin, a member and a stranger outside it. */
async function workspaceWithPeople() {
  const owner = await createUser({ name: "Olga Owner" });
  const admin = await createMember(owner.workspace.id, "ADMIN", "Ada Admin");
  const member = await createMember(owner.workspace.id, "MEMBER", "Max Member");
  const stranger = await createUser({ name: "Sam Stranger" });
  return {
    workspaceId: owner.workspace.id,
    owner: owner.actor,
    admin: admin.actor,
    member: member.actor,
    stranger: stranger.actor,
  };
}

async function docStructure(actor: Actor, docId: string) {
  const doc = await getDocForViewer(actor, { id: docId });
  return doc.sections.map((s) => ({ key: s.key, title: s.title, guidance: s.guidance, required: s.required }));
}

describe("workspace templates", () => {
  it("an admin's template gives new docs its sections, in order, with guidance and required flags", async () => {
    const { workspaceId, admin, member } = await workspaceWithPeople();
    const { id: templateId } = await createTemplate(admin, workspaceId, RFC);

    const { id } = await createDoc(member, workspaceId, { title: "Rate limits", templateId });
    expect(await docStructure(member, id)).toEqual([
      { key: "problem", title: "Problem", guidance: "What hurts today, and for whom.", required: true },
      { key: "proposal", title: "Proposal", guidance: "The change, in a few paragraphs.", required: true },
      { key: "open-questions", title: "Open Questions", guidance: "", required: false },
    ]);
    const listed = (await listTemplates(member, workspaceId)).find((t) => t.id === templateId);
    expect(listed).toMatchObject({ name: "Lightweight RFC", builtIn: false, sectionCount: 3, requiredCount: 2 });
    const audit = await db.auditEvent.findFirstOrThrow({ where: { workspaceId, type: "template.created" } });
    expect(audit).toMatchObject({ actorId: admin.id, documentId: null, data: { templateId, name: "Lightweight RFC" } });
  });

  it("reordering, renaming and removing sections changes new docs only; kept sections keep their keys", async () => {
    const { workspaceId, owner } = await workspaceWithPeople();
    const { id: templateId } = await createTemplate(owner, workspaceId, RFC);
    const before = await createDoc(owner, workspaceId, { title: "Before the edit", templateId });
    const original = await docStructure(owner, before.id);
    const loaded = await getTemplateForEditing(owner, workspaceId, templateId);
    const [problem, proposal] = loaded.sections;

    await updateTemplate(
      owner,
      workspaceId,
      templateId,
      {
        name: "RFC",
        description: "",
        sections: [
          { key: proposal!.key, title: "Design", guidance: "How it works.", required: false },
          { title: "Rollout", guidance: "Steps and flags.", required: true },
          { key: problem!.key, title: "Problem", guidance: "What hurts today, and for whom.", required: true },
        ],
      },
      { baseUpdatedAt: loaded.updatedAt },
    );

    expect(await docStructure(owner, before.id)).toEqual(original);
    const after = await createDoc(owner, workspaceId, { title: "After the edit", templateId });
    expect(await docStructure(owner, after.id)).toEqual([
      { key: "proposal", title: "Design", guidance: "How it works.", required: false },
      { key: "rollout", title: "Rollout", guidance: "Steps and flags.", required: true },
      { key: "problem", title: "Problem", guidance: "What hurts today, and for whom.", required: true },
    ]);
    expect(await db.template.findUniqueOrThrow({ where: { id: templateId } })).toMatchObject({
      name: "RFC",
      description: "",
    });
    const audit = await db.auditEvent.findFirstOrThrow({ where: { workspaceId, type: "template.updated" } });
    expect(audit.data).toMatchObject({ templateId, added: ["rollout"], removed: ["open-questions"] });
  });

  it("a save based on an older version of the template is a conflict and changes nothing", async () => {
    const { workspaceId, owner, admin } = await workspaceWithPeople();
    const { id: templateId } = await createTemplate(owner, workspaceId, RFC);
    const { updatedAt } = await getTemplateForEditing(owner, workspaceId, templateId);
    await updateTemplate(
      admin,
      workspaceId,
      templateId,
      { ...RFC, name: "Admin's version" },
      { baseUpdatedAt: updatedAt },
    );
    await expect(
      updateTemplate(owner, workspaceId, templateId, { ...RFC, name: "Owner's version" }, { baseUpdatedAt: updatedAt }),
    ).rejects.toMatchObject({
      code: "CONFLICT",
      message: expect.stringMatching(/Someone else saved this template/),
    });
    expect((await db.template.findUniqueOrThrow({ where: { id: templateId } })).name).toBe("Admin's version");
  });

  it("archiving hides a template from the list and from new docs; docs made from it stay as they are", async () => {
    const { workspaceId, owner } = await workspaceWithPeople();
    const { id: templateId } = await createTemplate(owner, workspaceId, RFC);
    const doc = await createDoc(owner, workspaceId, { title: "Made before archiving", templateId });
    await archiveTemplate(owner, workspaceId, templateId);

    expect((await listTemplates(owner, workspaceId)).map((t) => t.id)).not.toContain(templateId);
    await expect(createDoc(owner, workspaceId, { title: "Too late", templateId })).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
    await expect(archiveTemplate(owner, workspaceId, templateId)).rejects.toMatchObject({
      code: "CONFLICT",
      message: "This template is archived.",
    });
    await expect(updateTemplate(owner, workspaceId, templateId, RFC)).rejects.toMatchObject({ code: "CONFLICT" });
    expect((await docStructure(owner, doc.id)).map((s) => s.title)).toEqual(["Problem", "Proposal", "Open Questions"]);
  });
});

describe("who may manage templates", () => {
  it("members and viewers get FORBIDDEN, strangers NOT_FOUND, for every change", async () => {
    const { workspaceId, owner, member, stranger } = await workspaceWithPeople();
    const viewer = (await createMember(workspaceId, "VIEWER")).actor;
    const { id: templateId } = await createTemplate(owner, workspaceId, RFC);
    const doc = await createTestDoc(member, workspaceId);

    const attempts = (actor: Actor) => [
      () => createTemplate(actor, workspaceId, RFC),
      () => updateTemplate(actor, workspaceId, templateId, RFC),
      () => archiveTemplate(actor, workspaceId, templateId),
      () => duplicateTemplate(actor, workspaceId, templateId),
      () => saveDocAsTemplate(actor, doc.id, { name: "Mine" }),
    ];
    for (const actor of [member, viewer]) {
      for (const attempt of attempts(actor)) await expect(attempt()).rejects.toMatchObject({ code: "FORBIDDEN" });
    }
    for (const attempt of attempts(stranger)) await expect(attempt()).rejects.toMatchObject({ code: "NOT_FOUND" });
    // Members read templates, but not as editable ones.
    await expect(getTemplateForEditing(member, workspaceId, templateId)).resolves.toMatchObject({
      editable: false,
      canDuplicate: false,
    });
    await expect(getTemplateForEditing(stranger, workspaceId, templateId)).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect(await db.template.count({ where: { workspaceId } })).toBe(1);
  });

  it("another workspace's template cannot be reached through one's own workspace", async () => {
    const theirs = await workspaceWithPeople();
    const { id: foreignId } = await createTemplate(theirs.owner, theirs.workspaceId, RFC);
    const mine = await createUser();
    const ws = mine.workspace.id;
    await expect(updateTemplate(mine.actor, ws, foreignId, { ...RFC, name: "Hijacked" })).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
    await expect(archiveTemplate(mine.actor, ws, foreignId)).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(duplicateTemplate(mine.actor, ws, foreignId)).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(getTemplateForEditing(mine.actor, ws, foreignId)).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(createDoc(mine.actor, ws, { title: "Borrowed", templateId: foreignId })).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
    expect((await db.template.findUniqueOrThrow({ where: { id: foreignId } })).name).toBe("Lightweight RFC");
  });
});

describe("the built-in template", () => {
  it("is read-only, with a message that points to duplicating it", async () => {
    const { workspaceId, owner } = await workspaceWithPeople();
    const builtInId = await ensureBuiltInTemplate();
    const message = "The built-in template is read-only. Duplicate it to make a copy you can edit.";
    await expect(updateTemplate(owner, workspaceId, builtInId, RFC)).rejects.toMatchObject({
      code: "FORBIDDEN",
      message,
    });
    await expect(archiveTemplate(owner, workspaceId, builtInId)).rejects.toMatchObject({ code: "FORBIDDEN", message });
    await expect(getTemplateForEditing(owner, workspaceId, builtInId)).resolves.toMatchObject({
      builtIn: true,
      editable: false,
      canDuplicate: true,
    });
    expect(await db.templateSection.count({ where: { templateId: builtInId } })).toBe(14);
  });

  it("can be duplicated into an editable workspace copy with the same sections and outlines", async () => {
    const { workspaceId, admin } = await workspaceWithPeople();
    const builtInId = await ensureBuiltInTemplate();
    const { id: copyId } = await duplicateTemplate(admin, workspaceId, builtInId);

    const copy = await getTemplateForEditing(admin, workspaceId, copyId);
    const original = await getTemplateForEditing(admin, workspaceId, builtInId);
    expect(copy).toMatchObject({ name: "Architecture Design (copy)", builtIn: false, editable: true });
    expect(copy.sections).toEqual(original.sections);
    const sections = copy.sections.map((s) => ({
      key: s.key,
      title: s.title,
      guidance: s.guidance,
      required: s.key === "security-considerations",
    }));
    await updateTemplate(admin, workspaceId, copyId, { name: "Architecture (ours)", sections });
    const doc = await createDoc(admin, workspaceId, { title: "From our copy", templateId: copyId });
    const view = await getDocForViewer(admin, { id: doc.id });
    expect(view.sections.filter((s) => s.required).map((s) => s.title)).toEqual(["Security Considerations"]);
    expect(JSON.stringify(view.sections.find((s) => s.key === "risks-mitigation")?.outline)).toContain('"table"');
    expect(await db.templateSection.count({ where: { templateId: builtInId, required: true } })).toBe(0);
  });
});

describe("saving a doc as a template", () => {
  it("copies the doc's structure (titles, order, guidance, required, outlines) but not what was written", async () => {
    const { workspaceId, owner, admin } = await workspaceWithPeople();
    const { id: templateId } = await createTemplate(owner, workspaceId, RFC);
    const doc = await createDoc(owner, workspaceId, { title: "Search v3", templateId });
    await db.section.updateMany({
      where: { documentId: doc.id, key: "problem" },
      data: { outline: { type: "doc", content: [{ type: "paragraph" }] } },
    });
    await saveSection(owner, doc.id, "problem", { baseVersion: 1, content: paragraph("Secret incident details") });

    const saved = await saveDocAsTemplate(admin, doc.id, { name: "Search RFC", description: "From Search v3" });
    expect(saved.workspaceSlug).toBeTruthy();
    const template = await getTemplateForEditing(admin, workspaceId, saved.id);
    expect(template).toMatchObject({ name: "Search RFC", description: "From Search v3", editable: true });
    expect(template.sections).toEqual([
      {
        key: "problem",
        title: "Problem",
        guidance: "What hurts today, and for whom.",
        required: true,
        hasOutline: true,
      },
      {
        key: "proposal",
        title: "Proposal",
        guidance: "The change, in a few paragraphs.",
        required: true,
        hasOutline: false,
      },
      { key: "open-questions", title: "Open Questions", guidance: "", required: false, hasOutline: false },
    ]);

    const fresh = await createDoc(admin, workspaceId, { title: "Search v4", templateId: saved.id });
    const view = await getDocForViewer(admin, { id: fresh.id });
    expect(view.sections.every((s) => s.isEmpty)).toBe(true);
    expect(JSON.stringify(await db.templateSection.findMany({ where: { templateId: saved.id } }))).not.toContain(
      "Secret incident",
    );
    const audit = await db.auditEvent.findFirstOrThrow({ where: { type: "template.created_from_doc" } });
    expect(audit).toMatchObject({ workspaceId, documentId: doc.id, actorId: admin.id, data: { templateId: saved.id } });
  });

  it("needs a name, and is FORBIDDEN to the doc's author when they only are a member", async () => {
    const { workspaceId, owner, member } = await workspaceWithPeople();
    const doc = await createTestDoc(member, workspaceId);
    await expect(saveDocAsTemplate(owner, doc.id, { name: "  " })).rejects.toMatchObject({
      code: "INVALID_INPUT",
      details: { fieldErrors: { name: ["Give the template a name"] } },
    });
    await expect(saveDocAsTemplate(member, doc.id, { name: "Author's own" })).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
  });
});

describe("invalid templates", () => {
  const section = (title: string) => ({ title, guidance: "", required: false });

  it("are refused with a message for each problem, and nothing is stored", async () => {
    const { workspaceId, owner } = await workspaceWithPeople();
    const { id: templateId } = await createTemplate(owner, workspaceId, RFC);
    const cases: [unknown, Record<string, string[]>][] = [
      [
        { ...RFC, sections: [section("Problem"), section("   ")] },
        { "sections.1.title": ["Give every section a title"] },
      ],
      [
        { ...RFC, sections: [section("Problem"), section("problem")] },
        { sections: ["Two sections have the same title"] },
      ],
      [
        { ...RFC, sections: Array.from({ length: 41 }, (_, i) => section(`Part ${i + 1}`)) },
        { sections: ["A template has at most 40 sections"] },
      ],
      [{ ...RFC, sections: [] }, { sections: ["A template needs at least one section"] }],
      [{ ...RFC, name: "" }, { name: ["Give the template a name"] }],
    ];
    for (const [input, fieldErrors] of cases) {
      await expect(createTemplate(owner, workspaceId, input)).rejects.toMatchObject({
        code: "INVALID_INPUT",
        details: { fieldErrors },
      });
      await expect(updateTemplate(owner, workspaceId, templateId, input)).rejects.toMatchObject({
        code: "INVALID_INPUT",
        details: { fieldErrors },
      });
    }
    expect(await db.template.count({ where: { workspaceId } })).toBe(1);
    const stored = await getTemplateForEditing(owner, workspaceId, templateId);
    expect(stored.sections.map((s) => s.title)).toEqual(["Problem", "Proposal", "Open Questions"]);
  });
});
