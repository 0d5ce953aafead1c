import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { parse } from "acorn";
import { describe, expect, it } from "vitest";

const require = createRequire(import.meta.url);
const { stripFloatingUi } = require("./tiptap-suggestion-no-floating-ui.cjs") as {
  stripFloatingUi: (source: string) => string;
};
const installed = readFileSync(path.join(process.cwd(), "node_modules/@tiptap/suggestion/dist/index.js"), "utf8");

describe("tiptap-suggestion-no-floating-ui loader", () => {
  it("takes Floating UI out of the installed @tiptap/suggestion and leaves valid JavaScript", () => {
    expect(installed).toMatch(/from "@floating-ui\/dom"/);
    const out = stripFloatingUi(installed);
    expect(out).not.toMatch(/@floating-ui/);
    const program = parse(out, { ecmaVersion: "latest", sourceType: "module" });
    const imports = program.body
      .filter((node) => node.type === "ImportDeclaration")
      .map((node) => String(node.source.value));
    expect(imports.every((from) => from.startsWith("@tiptap/"))).toBe(true);
    // What the package exports is untouched.
    const exportsOf = (code: string) => code.slice(code.lastIndexOf("export {"));
    expect(exportsOf(out)).toBe(exportsOf(installed));
  });

  it("keeps offset and flip as the middleware descriptions the package builds, and refuses to position a popup", () => {
    const out = stripFloatingUi('import { autoUpdate, computePosition, flip, offset } from "@floating-ui/dom";\n');
    const standIns = new Function(`${out}; return { offset, flip, computePosition, autoUpdate };`)() as Record<
      string,
      (...args: unknown[]) => unknown
    >;
    expect(standIns.offset?.({ mainAxis: 4 })).toEqual({ name: "offset", options: { mainAxis: 4 } });
    expect(standIns.flip?.()).toMatchObject({ name: "flip" });
    expect(() => standIns.computePosition?.()).toThrow(/clientRect/);
    expect(() => standIns.autoUpdate?.()).toThrow(/Floating UI is left out/);
  });

  it("stops the build when a later version imports more from Floating UI", () => {
    expect(() => stripFloatingUi('import { arrow, flip, offset } from "@floating-ui/dom";\n')).toThrow(/arrow/);
    expect(() => stripFloatingUi('import * as fui from "@floating-ui/dom";\n')).toThrow(/does not know/);
  });

  it("leaves a source without Floating UI as it is", () => {
    const plain = 'import { Plugin } from "@tiptap/pm/state";\nexport const x = 1;\n';
    expect(stripFloatingUi(plain)).toBe(plain);
  });
});
