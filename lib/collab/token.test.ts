import { describe, expect, it } from "vitest";
import { COLLAB_TOKEN_TTL_MS, docIdFromName, issueCollabToken, verifyCollabToken } from "./token";

const SECRET = "s".repeat(40);
const claims = { docId: "doc1", subject: { kind: "user" as const, id: "u1" }, name: "Ada" };

describe("collab token", () => {
  it("lets its holder into the doc it names, until it expires", () => {
    const now = 1_000_000;
    const token = issueCollabToken(claims, SECRET, now);
    expect(verifyCollabToken(token, "doc1", SECRET, now + 1000)).toMatchObject({ ok: true, claims });
    expect(verifyCollabToken(token, "doc1", SECRET, now + COLLAB_TOKEN_TTL_MS)).toEqual({
      ok: false,
      reason: "token expired",
    });
  });

  it("opens no other doc, and a changed or foreign-signed token opens nothing", () => {
    const token = issueCollabToken(claims, SECRET);
    expect(verifyCollabToken(token, "doc2", SECRET)).toMatchObject({ ok: false, reason: "token is for another doc" });
    const [body, mac] = token.split(".");
    const forged = Buffer.from(JSON.stringify({ ...claims, docId: "doc2", exp: Date.now() + 1e6 })).toString(
      "base64url",
    );
    expect(verifyCollabToken(`${forged}.${mac}`, "doc2", SECRET).ok).toBe(false);
    expect(verifyCollabToken(`${body}.${mac}`, "doc1", "t".repeat(40)).ok).toBe(false);
    expect(verifyCollabToken("garbage", "doc1", SECRET).ok).toBe(false);
  });

  it("maps doc names both ways and refuses names that are not docs", () => {
    expect(docIdFromName("doc:abc123")).toBe("abc123");
    expect(docIdFromName("abc123")).toBeNull();
    expect(docIdFromName("doc:../x")).toBeNull();
  });
});
