import { describe, expect, it } from "vitest";
import { ZName } from "@/lib/auth/schemas";
import { ZTitle } from "@/lib/docs/schemas";
import { ZGuestName } from "@/lib/comments/schemas";
import { ZCreateShareLink } from "@/lib/sharing/schemas";
import { ZSaveTemplate } from "@/lib/templates/schemas";
import { ZRenameWorkspace } from "@/lib/workspaces/schemas";
import { cleanName } from "./names";

describe("cleanName", () => {
  it.each([
    ["\u202egnp.exe", "gnp.exe"], // RIGHT-TO-LEFT OVERRIDE: shown as "exe.png"
    ["Ad\u200bmin", "Admin"], // ZERO WIDTH SPACE
    ["Eve\u200d\u200c\u2060\ufeff", "Eve"], // joiners, word joiner, BOM
    ["\u2066Bob\u2069 \u202aKim\u202c", "Bob Kim"], // isolates and embeddings
    ["\u061cAli\u200e\u200f", "Ali"], // Arabic letter mark, LRM, RLM
    ["Sam\u00adpson", "Sampson"], // soft hyphen
    ["\u3164\u115f", ""], // Hangul fillers look like nothing
    ["tag\u{e0041}\u{e0042}", "tag"], // tag characters carry hidden text
    ["  Ada\t\n  Lovelace\u0007 ", "Ada Lovelace"],
  ])("%j → %j", (input, output) => {
    expect(cleanName(input)).toBe(output);
  });

  it("leaves ordinary names in every script alone", () => {
    for (const name of ["José Núñez", "李小龍", "محمد علي", "Zoë O'Brien-Smith", "🚀 Launch plan"])
      expect(cleanName(name)).toBe(name);
  });
});

describe("every human-visible name is cleaned, and one of nothing but invisible characters is refused", () => {
  const spoof = "\u202egnp.exe\u200b";
  it.each([
    ["user name", (v: string) => ZName.safeParse(v)],
    ["doc title", (v: string) => ZTitle.safeParse(v)],
    ["workspace name", (v: string) => ZRenameWorkspace.safeParse({ name: v })],
    ["guest name", (v: string) => ZGuestName.safeParse(v)],
    ["template name", (v: string) => ZSaveTemplate.safeParse({ name: v, sections: [{ title: "Context" }] })],
    ["template section title", (v: string) => ZSaveTemplate.safeParse({ name: "T", sections: [{ title: v }] })],
  ])("%s", (_what, parse) => {
    expect(JSON.stringify(parse(spoof).data)).toContain('"gnp.exe"');
    expect(parse("\u200b\u202e \u2060").success).toBe(false);
  });

  it("share link label", () => {
    expect(ZCreateShareLink.parse({ label: spoof }).label).toBe("gnp.exe");
    expect(ZCreateShareLink.parse({ label: "\u200b" }).label).toBeUndefined();
  });
});
