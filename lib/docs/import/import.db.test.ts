import { describe, expect, it } from "vitest";
import { createMember, createUser } from "@/prisma/factories";
import { db } from "@/lib/db";
import { isAppError } from "@/lib/errors";
import { arc42Doc } from "@/lib/markdown/fixtures/arc42";
import { fixture } from "@/lib/markdown/test-helpers";
import { listDocs } from "../list-docs";
import { exportDocMarkdown } from "../markdown";
import { getDocForViewer } from "../queries";
import { setRemoteImagesAllowed } from "@/lib/media/remote-images";
import { importMarkdown } from "./import-markdown";
import { getImportSummary } from "./summary";

const docCount = (workspaceId: string) => db.document.count({ where: { workspaceId } });

async function rejection(work: Promise<unknown>) {
  const error = await work.then(
    () => null,
    (e: unknown) => e,
  );
  expect(isAppError(error)).toBe(true);
  return error as Error & { code: string };
}

describe("importMarkdown", { timeout: 120_000 }, () => {
  it("creates the doc and every section in one go, or nothing at all", async () => {
    const { actor, workspace } = await createUser();
    // A section over the 512 KB section limit, after one that is fine.
    const markdown = `# Big\n\n## Architecture\n\nFine.\n\n## Appendix\n\n${"word ".repeat(120_000)}\n`;
    const error = await rejection(importMarkdown(actor, workspace.id, { markdown }));
    expect(error.code).toBe("INVALID_INPUT");
    expect(error.message).toMatch(/^The section “Appendix” \(from line 7\) is too large to import/);
    expect(await docCount(workspace.id)).toBe(0);
    expect(await db.auditEvent.count({ where: { workspaceId: workspace.id } })).toBe(0);
  });

  it("answers hostile input with a 4xx and leaves nothing behind", async () => {
    const { actor, workspace } = await createUser();
    const nested = await rejection(importMarkdown(actor, workspace.id, { markdown: ">".repeat(100_000) }));
    expect(nested.message).toBe("Quotes or lists are nested more than 20 levels deep (line 1).");
    const tooBig = await rejection(importMarkdown(actor, workspace.id, { markdown: "[".repeat(1024 * 1024 + 1) }));
    expect(tooBig.code).toBe("PAYLOAD_TOO_LARGE");
    expect(await docCount(workspace.id)).toBe(0);
  });

  it("refuses viewers before reading the file", async () => {
    const { workspace } = await createUser();
    const { actor: viewer } = await createMember(workspace.id, "VIEWER");
    const error = await rejection(importMarkdown(viewer, workspace.id, { markdown: "# x" }));
    expect(error.code).toBe("FORBIDDEN");
  });

  it("keeps extra sections in their place with full content, and reports what it did from its record", async () => {
    const { actor, workspace } = await createUser();
    const result = await importMarkdown(actor, workspace.id, {
      markdown: fixture("rfc-style.md"),
      fileName: "0142.md",
    });
    expect(result.title).toBe("RFC 0142: Tiered read cache for section rendering");
    const doc = await getDocForViewer(actor, { id: result.id });
    const extra = doc.sections.filter((s) => s.extra).map((s) => s.title);
    expect(extra.slice(0, 3)).toEqual(["Introduction", "Summary", "Motivation"]);
    const motivation = doc.sections.find((s) => s.key === "motivation")!;
    expect(motivation.html).toContain("<strong>");
    expect(motivation.html).toContain('<a href="#glossary">glossary</a>');
    expect(motivation.html).not.toMatch(/<!--|\[\^/);
    const summary = doc.sections.find((s) => s.key === "summary")!;
    expect(summary.html).toContain('<ol class="footnotes"><li data-footnote="1" id="fn-1">');
    const summaryOfImport = await getImportSummary(actor, result.id);
    expect(summaryOfImport).toMatchObject({ extra: expect.arrayContaining(["Motivation", "Glossary"]) });
    expect(summaryOfImport!.frontMatter).toMatchObject({
      authors: ["Priya Raman", "Tomás Ferreira"],
      status: "Accepted",
    });
  });

  it("titles a doc with # for every section by its front matter, else by the chosen file name", async () => {
    const { actor, workspace } = await createUser();
    const fm = await importMarkdown(actor, workspace.id, { markdown: fixture("hash-sections.md") });
    expect(fm.title).toBe("Payments ledger v2");
    const named = await importMarkdown(actor, workspace.id, {
      markdown: "# Context\n\nc\n\n# Decision\n\nd\n",
      fileName: "0007-use-postgres_search.md",
    });
    expect(named.title).toBe("0007 use postgres search");
    expect(named.extra).toEqual(["Context", "Decision"]);
  });

  it("round-trips: importing an export gives the same doc, empty sections empty", async () => {
    const { actor, workspace } = await createUser();
    for (const markdown of [fixture("rfc-style.md"), fixture("kep-style.md"), arc42Doc(60)]) {
      const first = await importMarkdown(actor, workspace.id, { markdown });
      const exported = await exportDocMarkdown(actor, first.id);
      const second = await importMarkdown(actor, workspace.id, { markdown: exported.markdown });
      const shape = async (id: string) => {
        const doc = await getDocForViewer(actor, { id });
        return { title: doc.title, sections: doc.sections.map((s) => [s.key, s.title, s.extra, s.content, s.html]) };
      };
      expect(await shape(second.id)).toEqual(await shape(first.id));
    }
  });

  it("makes the whole text of every section searchable, and empty sections no hits", async () => {
    const { actor, workspace } = await createUser();
    const markdown =
      "# Guarded\n\n## Architecture\n\n```html\n<script src=x>\n<style>\n```\n\nZanzibar tokens rotate.\n";
    await importMarkdown(actor, workspace.id, { markdown });
    const hits = await listDocs(actor, workspace.id, { q: "zanzibar" });
    expect(hits.map((h) => h.title)).toEqual(["Guarded"]);
    // "Risks & Mitigation" is a title of an empty section in this doc: no hit.
    expect(await listDocs(actor, workspace.id, { q: "mitigation" })).toEqual([]);
  });

  it("stores and finds a section that is one 480 KB word (search's parser was quadratic on it: minutes)", async () => {
    const { actor, workspace } = await createUser();
    // Issue 13's flood: 1 MB of "_a" held its import for over five minutes inside PostgreSQL's to_tsvector.
    const markdown = `# Flood\n\n## Architecture\n\n${"_kestrel".repeat(60_000)}\n`;
    const { id } = await importMarkdown(actor, workspace.id, { markdown });
    const hits = await listDocs(actor, workspace.id, { q: "kestrel" });
    expect(hits.map((h) => h.id)).toEqual([id]);
  });

  it("keeps a web image as an image only where the workspace allows remote images (off by default)", async () => {
    const { actor, workspace } = await createUser();
    const markdown = "# Pics\n\n## Architecture\n\n![Context](https://images.example.com/context.png)\n";
    const imagesOf = async (id: string) => {
      const doc = await getDocForViewer(actor, { id });
      const content = JSON.stringify(doc.sections.find((s) => s.key === "architecture")!.content);
      return { image: content.includes('"type":"image"'), link: content.includes('"type":"link"') };
    };
    const off = await importMarkdown(actor, workspace.id, { markdown });
    expect(await imagesOf(off.id)).toEqual({ image: false, link: true });
    await setRemoteImagesAllowed(actor, workspace.id, true);
    const on = await importMarkdown(actor, workspace.id, { markdown });
    expect(await imagesOf(on.id)).toEqual({ image: true, link: false });
  });
});
