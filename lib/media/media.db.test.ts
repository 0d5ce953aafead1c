import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { exportDocMarkdown } from "@/lib/docs/markdown";
import { setDocArchived } from "@/lib/docs/mutations";
import { saveSection } from "@/lib/docs/save-section";
import { AppError } from "@/lib/errors";
import { createShareLink, revokeShareLink } from "@/lib/sharing/share-links";
import { resolveShareToken } from "@/lib/sharing/resolve-token";
import { CALLERS, callerIdentity, createDocFixture, createWorld, type CallerName } from "@/lib/testing/access-matrix";
import { createTestDoc } from "@/prisma/factories-docs";
import { createTestImage } from "@/prisma/factories-media";
import { HTML_PAGE, makePng, makePngClaiming, makePngZipPolyglot, SVG_WITH_SCRIPT, truncate } from "./fixtures";
import { copyImageToDoc } from "./copy";
import { appImageSrc } from "./export";
import { findReadableImage, readImageBytes } from "./read";
import { serveMemberImage, serveSharedImage } from "./serve";
import { mediaStore } from "./store";
import { uploadDocImage, uploadLimits } from "./upload";

const counts = async () => ({ blobs: await db.mediaBlob.count(), images: await db.docImage.count() });

async function codeOf(run: () => Promise<unknown>): Promise<string> {
  try {
    await run();
    return "ok";
  } catch (error) {
    if (error instanceof AppError) return error.code;
    throw error;
  }
}

describe("storing images", () => {
  it("keeps the bytes once per content and one image per doc that uses them", async () => {
    const world = await createWorld();
    const a = await createTestDoc(world.owner, world.workspace.id, { title: "A" });
    const b = await createTestDoc(world.owner, world.workspace.id, { title: "B" });
    const png = await makePng(40, 30);
    const first = await uploadDocImage(world.owner, a.id, { bytes: png, fileName: "C:\\shots\\context.png" });
    const again = await uploadDocImage(world.editor, a.id, { bytes: png, fileName: "other.png" });
    const elsewhere = await uploadDocImage(world.owner, b.id, { bytes: png });
    expect(first).toMatchObject({ src: `/media/${first.id}`, width: 40, height: 30, mimeType: "image/png" });
    expect(first.fileName).toBe("context.png");
    expect(again.id).toBe(first.id);
    expect(elsewhere.id).not.toBe(first.id);
    const rows = await db.docImage.findMany({ where: { id: { in: [first.id, elsewhere.id] } } });
    expect(new Set(rows.map((r) => r.sha256)).size).toBe(1);
    expect(await db.mediaBlob.count({ where: { sha256: rows[0]!.sha256 } })).toBe(1);
    const stored = await readImageBytes((await mediaStore.find(first.id))!);
    expect(stored.subarray(0, 8).toString("latin1")).toBe("\x89PNG\r\n\x1a\n");
  });

  it("lists a doc's and a workspace's images, and purges bytes no doc uses", async () => {
    const world = await createWorld();
    const a = await createTestDoc(world.owner, world.workspace.id, { title: "A" });
    const b = await createTestDoc(world.owner, world.workspace.id, { title: "B" });
    const one = await createTestImage(world.owner, a.id, { width: 11 });
    const two = await createTestImage(world.owner, b.id, { width: 12 });
    expect((await mediaStore.list({ documentId: a.id })).map((i) => i.id)).toEqual([one.id]);
    expect((await mediaStore.list({ workspaceId: world.workspace.id })).map((i) => i.id).sort()).toEqual(
      [one.id, two.id].sort(),
    );
    const sha = (await mediaStore.find(two.id))!.sha256;
    await db.document.delete({ where: { id: b.id } });
    expect(await mediaStore.find(two.id)).toBeNull();
    expect(await mediaStore.purgeUnused()).toBeGreaterThanOrEqual(1);
    expect(await mediaStore.read(sha)).toBeNull();
    expect(await mediaStore.find(one.id)).not.toBeNull();
  });
});

describe("uploading", () => {
  it("is for people who may edit the doc now", async () => {
    const world = await createWorld();
    const doc = await createDocFixture(world);
    const png = await makePng(20, 20);
    const outcome = async (name: CallerName) => {
      const { actor } = callerIdentity(world, doc, name);
      return actor ? codeOf(() => uploadDocImage(actor, doc.id, { bytes: png })) : "no session";
    };
    expect({
      stranger: await outcome("stranger"),
      wsViewer: await outcome("wsViewer"),
      docReviewer: await outcome("docReviewer"),
      editor: await outcome("editor"),
      owner: await outcome("owner"),
    }).toEqual({ stranger: "NOT_FOUND", wsViewer: "FORBIDDEN", docReviewer: "FORBIDDEN", editor: "ok", owner: "ok" });
    await setDocArchived(world.owner, doc.id, true);
    expect(await outcome("owner")).toBe("CONFLICT");
  });

  it("refuses a locked doc", async () => {
    const world = await createWorld();
    const doc = await createTestDoc(world.owner, world.workspace.id);
    await db.document.update({ where: { id: doc.id }, data: { lockedAt: new Date(), lockedById: world.owner.id } });
    expect(await codeOf(() => uploadDocImage(world.editor, doc.id, { bytes: Buffer.alloc(10) }))).toBe("CONFLICT");
  });

  it.each([
    ["an SVG", async () => SVG_WITH_SCRIPT],
    ["an HTML page", async () => HTML_PAGE],
    ["a PNG that is also a ZIP", makePngZipPolyglot],
    ["a decompression bomb", () => makePngClaiming(50_000, 50_000)],
    ["a truncated PNG", async () => truncate(await makePng(300, 200))],
  ])("stores nothing for %s", async (_name, make) => {
    const world = await createWorld();
    const doc = await createTestDoc(world.owner, world.workspace.id);
    const before = await counts();
    expect(await codeOf(async () => uploadDocImage(world.owner, doc.id, { bytes: await make() }))).toBe(
      "INVALID_INPUT",
    );
    expect(await counts()).toEqual(before);
  });
});

describe("reading an image", () => {
  let world: Awaited<ReturnType<typeof createWorld>>;
  let doc: Awaited<ReturnType<typeof createDocFixture>>;
  let imageId: string;
  beforeAll(async () => {
    world = await createWorld();
    doc = await createDocFixture(world);
    imageId = (await createTestImage(world.owner, doc.id)).id;
  });

  async function outcome(name: CallerName, id = imageId): Promise<string> {
    const { actor, token } = callerIdentity(world, doc, name);
    if (actor) return codeOf(() => findReadableImage(actor, id));
    return codeOf(async () => {
      const access = await resolveShareToken(token!, { recordUse: false });
      if (access.status !== "open") throw new Error("password link in the fixture");
      await findReadableImage(access.caller, id);
    });
  }

  it("is for every reader of its doc, by role and by live link", async () => {
    const got = Object.fromEntries(await Promise.all(CALLERS.map(async (c) => [c, await outcome(c)])));
    expect(got).toEqual({
      stranger: "NOT_FOUND",
      wsViewer: "ok",
      docReviewer: "ok",
      editor: "ok",
      owner: "ok",
      viewLink: "ok",
      commentLink: "ok",
      revokedLink: "NOT_FOUND",
      expiredLink: "NOT_FOUND",
    });
  });

  it("is NOT_FOUND through a link of another doc, even in the same workspace", async () => {
    const other = await createTestDoc(world.owner, world.workspace.id, { title: "Other doc" });
    const link = await createShareLink(world.owner, other.id, { role: "view" }, "http://localhost:3000");
    const access = await resolveShareToken(link.token, { recordUse: false });
    if (access.status !== "open") throw new Error("expected an open link");
    expect(await codeOf(() => findReadableImage(access.caller, imageId))).toBe("NOT_FOUND");
    // …and the other doc's own image still opens with it.
    const own = await createTestImage(world.owner, other.id, { width: 9 });
    expect(await codeOf(() => findReadableImage(access.caller, own.id))).toBe("ok");
  });

  it("is NOT_FOUND for a member who can read another doc but not this one", async () => {
    const { workspaceId } = await db.membership.findFirstOrThrow({ where: { userId: world.outsider.id } });
    const outsiderDoc = await createTestDoc(world.outsider, workspaceId);
    const theirs = await createTestImage(world.outsider, outsiderDoc.id);
    expect(await codeOf(() => findReadableImage(world.owner, theirs.id))).toBe("NOT_FOUND");
    expect(await codeOf(() => findReadableImage(world.outsider, imageId))).toBe("NOT_FOUND");
  });

  it("stops at once for a link that is revoked", async () => {
    const link = await createShareLink(world.owner, doc.id, { role: "view" }, "http://localhost:3000");
    const request = () =>
      serveSharedImage(
        new Request(`http://localhost:3000/s/${link.token}/media/${imageId}`),
        link.token,
        imageId,
        undefined,
      );
    const before = await request();
    expect(before.status).toBe(200);
    expect(before.headers.get("cache-control")).toBe("private, no-cache");
    await revokeShareLink(world.owner, doc.id, link.link.id);
    expect(await codeOf(request)).toBe("NOT_FOUND");
  });

  it("serves members bytes a shared cache may not keep, and a 304 for bytes the browser holds", async () => {
    const call = (headers: Record<string, string> = {}) =>
      serveMemberImage(new Request(`http://localhost:3000/media/${imageId}`, { headers }), world.wsViewer, imageId);
    const res = await call();
    expect(res.status).toBe(200);
    expect(
      Object.fromEntries(
        ["content-type", "cache-control", "x-content-type-options"].map((h) => [h, res.headers.get(h)]),
      ),
    ).toEqual({
      "content-type": "image/png",
      "cache-control": "private, max-age=31536000, immutable",
      "x-content-type-options": "nosniff",
    });
    const etag = res.headers.get("etag")!;
    expect(etag).toMatch(/^"[0-9a-f]{64}"$/);
    expect((await res.arrayBuffer()).byteLength).toBe(Number(res.headers.get("content-length")));
    const again = await call({ "if-none-match": etag });
    expect(again.status).toBe(304);
    expect(await again.text()).toBe("");
    expect(await codeOf(() => serveMemberImage(new Request("http://localhost:3000/"), world.stranger, imageId))).toBe(
      "NOT_FOUND",
    );
  });
});

describe("exporting a doc with images and a diagram", () => {
  it("links uploaded images by their app URL and keeps mermaid as mermaid code", async () => {
    const world = await createWorld();
    const doc = await createTestDoc(world.owner, world.workspace.id, { title: "Export me" });
    const image = await createTestImage(world.owner, doc.id);
    await saveSection(world.owner, doc.id, "architecture", {
      baseVersion: 1,
      content: {
        type: "doc",
        content: [
          { type: "image", attrs: { src: image.src, alt: "Context", caption: "Figure 1" } },
          { type: "image", attrs: { src: "diagrams/flow.png", alt: "Flow" } },
          {
            type: "codeBlock",
            attrs: { language: "mermaid" },
            content: [{ type: "text", text: "flowchart LR\n  a --> b" }],
          },
        ],
      },
    });
    const { markdown } = await exportDocMarkdown(world.owner, doc.id, { baseUrl: "https://review.example.test/" });
    expect(markdown).toContain(`![Context](https://review.example.test/media/${image.id} "Figure 1")`);
    expect(markdown).toContain("![Flow](diagrams/flow.png)");
    expect(markdown).toContain("```mermaid\nflowchart LR\n  a --> b\n```");
    expect(appImageSrc(`https://review.example.test/media/${image.id}`, "https://review.example.test")).toBe(image.src);
  });
});

describe("pasting another doc's image", () => {
  it("makes it this doc's image over the same bytes, only for someone who can read it", async () => {
    const world = await createWorld();
    const source = await createTestDoc(world.owner, world.workspace.id, { title: "Source" });
    const target = await createTestDoc(world.owner, world.workspace.id, { title: "Target" });
    const image = await createTestImage(world.owner, source.id);
    const copy = await copyImageToDoc(world.editor, target.id, image.src);
    expect(copy.id).not.toBe(image.id);
    expect(await mediaStore.find(copy.id)).toMatchObject({
      documentId: target.id,
      sha256: (await mediaStore.find(image.id))!.sha256,
    });
    expect((await copyImageToDoc(world.editor, target.id, copy.src)).id).toBe(copy.id);
    // A stranger with their own doc cannot take this workspace's image into it.
    const { workspaceId } = await db.membership.findFirstOrThrow({ where: { userId: world.stranger.id } });
    const theirs = await createTestDoc(world.stranger, workspaceId, { title: "Theirs" });
    expect(await codeOf(() => copyImageToDoc(world.stranger, theirs.id, image.src))).toBe("NOT_FOUND");
    expect(await codeOf(() => copyImageToDoc(world.editor, target.id, "https://example.com/a.png"))).toBe(
      "INVALID_INPUT",
    );
  });
});

describe("upload rate limit", () => {
  it("stops someone who uploads too much in a short time, with the wait", async () => {
    const world = await createWorld();
    const doc = await createTestDoc(world.owner, world.workspace.id);
    const [limit] = uploadLimits(world.owner.id);
    await db.rateLimitBucket.create({
      data: { key: limit!.key, hits: limit!.limit, resetAt: new Date(Date.now() + 5 * 60_000) },
    });
    const before = await counts();
    let error: unknown;
    await uploadDocImage(world.owner, doc.id, { bytes: await makePng(9, 9) }).catch((e: unknown) => (error = e));
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).code).toBe("RATE_LIMITED");
    expect((error as AppError).details.retryAfterSeconds).toBeGreaterThan(200);
    expect(await counts()).toEqual(before);
    // Someone else is not held up by it.
    const png = await makePng(9, 9);
    expect(await codeOf(() => uploadDocImage(world.editor, doc.id, { bytes: png }))).toBe("ok");
  });
});
