import "server-only";
import type { JSONContent } from "@tiptap/core";
import { db } from "@/lib/db";
import { isEmptyDoc } from "@/lib/editor/validate";
import { AppError } from "@/lib/errors";
import { requireDocAccess, type DocCaller } from "./access";
import type { DocDTO, SectionDTO } from "./dto";
import { accessFor } from "./policy";

const person = { select: { id: true, name: true } } as const;

/** A whole doc as its reader sees it; NOT_FOUND unless the caller (a user or a share link) may view it. */
export async function getDocForViewer(actor: DocCaller, ref: { id: string } | { slug: string }): Promise<DocDTO> {
  const { doc: found, role } = await requireDocAccess(actor, ref, "view");
  const doc = await db.document.findUniqueOrThrow({
    where: { id: found.id },
    select: {
      id: true,
      slug: true,
      title: true,
      revision: true,
      headSeq: true,
      status: true,
      createdAt: true,
      updatedAt: true,
      archivedAt: true,
      author: person,
      updatedBy: person,
      workspace: { select: { id: true, name: true, slug: true } },
      template: { select: { id: true, name: true } },
      sections: {
        orderBy: { order: "asc" },
        select: {
          id: true,
          key: true,
          title: true,
          order: true,
          version: true,
          content: true,
          html: true,
          guidance: true,
          outline: true,
          required: true,
          extra: true,
          updatedAt: true,
          updatedBy: person,
        },
      },
    },
  });
  const { headSeq, ...fields } = doc;
  return {
    ...fields,
    seq: Number(headSeq),
    createdAt: doc.createdAt.toISOString(),
    updatedAt: doc.updatedAt.toISOString(),
    archivedAt: doc.archivedAt?.toISOString() ?? null,
    sections: doc.sections.map(toSectionDTO),
    access: accessFor(role),
  };
}

function toSectionDTO(s: {
  id: string;
  key: string;
  title: string;
  order: number;
  version: number;
  content: unknown;
  html: string;
  guidance: string;
  outline: unknown;
  required: boolean;
  extra: boolean;
  updatedAt: Date;
  updatedBy: { id: string; name: string } | null;
}): SectionDTO {
  const content = s.content as JSONContent;
  return {
    ...s,
    content,
    outline: (s.outline as JSONContent | null) ?? null,
    hasOutline: s.outline != null,
    isEmpty: isEmptyDoc(content),
    updatedAt: s.updatedAt.toISOString(),
  };
}

/**
 * One section with its JSON, for the editor when someone starts editing it. NOT_FOUND unless the caller may view the
 * doc.
 */
export async function getSectionForViewer(actor: DocCaller, docId: string, sectionKey: string): Promise<SectionDTO> {
  const { doc } = await requireDocAccess(actor, { id: docId }, "view");
  const section = await db.section.findUnique({
    where: { documentId_key: { documentId: doc.id, key: sectionKey } },
    select: {
      id: true,
      key: true,
      title: true,
      order: true,
      version: true,
      content: true,
      html: true,
      guidance: true,
      outline: true,
      required: true,
      extra: true,
      updatedAt: true,
      updatedBy: person,
    },
  });
  if (!section) throw new AppError("NOT_FOUND", `This doc has no section "${sectionKey.slice(0, 60)}".`);
  return toSectionDTO(section);
}
