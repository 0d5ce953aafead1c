import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { describe, expect, it } from "vitest";

const require = createRequire(import.meta.url);
const lib0BrowserDom = require("./lib0-browser-dom.cjs") as (source: string) => string;
const domSource = readFileSync(path.join(process.cwd(), "node_modules/lib0/dom.js"), "utf8");

describe("lib0-browser-dom loader", () => {
  it("drops lib0/schema from the installed lib0/dom.js and keeps every other export", () => {
    const out = lib0BrowserDom(domSource);
    expect(out).not.toMatch(/from '\.\/schema\.js'/);
    const exportsOf = (code: string) => [...code.matchAll(/^export const (\$?\w+)/gm)].map((m) => m[1] ?? "");
    const kept = exportsOf(domSource).filter((name) => !name.startsWith("$"));
    expect(exportsOf(out)).toEqual(kept);
    expect(kept).toEqual(expect.arrayContaining(["doc", "addEventListener", "element", "text", "append"]));
  });

  it("refuses a lib0/dom.js that uses the schemas elsewhere, rather than break it", () => {
    const changed = `${domSource}\nexport const isElement = (el) => $.$custom(() => true).check(el)\n`;
    expect(() => lib0BrowserDom(changed)).toThrow(/lib0\/schema/);
  });

  it("leaves a lib0/dom.js without the schemas as it is", () => {
    const plain = "import * as map from './map.js'\nexport const doc = document\n";
    expect(lib0BrowserDom(plain)).toBe(plain);
  });
});
