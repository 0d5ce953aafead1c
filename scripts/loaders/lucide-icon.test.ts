import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { createElement, type ComponentType } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { AlarmClockCheck, CircleCheck, Pencil, TriangleAlert, X } from "lucide-react";
import createLucideIcon, { type IconData } from "./lucide-icon.mjs";

const require = createRequire(import.meta.url);
const { lightLucideIcon } = require("./lucide-light-icon.cjs") as { lightLucideIcon: (source: string) => string };
const dist = path.join(process.cwd(), "node_modules/lucide-react/dist/esm");
const installed = readFileSync(path.join(dist, "createLucideIcon.mjs"), "utf8");

/** The icon's data as its module holds it (the module exports it beside the component). */
async function dataOf(file: string) {
  const mod = (await import(path.join(dist, "icons", file))) as { __iconData: IconData };
  return mod.__iconData;
}

type Props = Record<string, unknown>;
const cases: Props[] = [
  { "aria-hidden": "true" },
  { "aria-hidden": "true", className: "size-4 shrink-0 text-amber-600" },
  {},
  { className: "size-4  size-4 lucide" },
  { "aria-label": "Close", role: "img" },
  { size: 16, strokeWidth: 1.5, color: "red" },
  { size: 12, absoluteStrokeWidth: true },
  { title: "Warning", id: "w1", "data-x": "1" },
];

describe("lucide-light-icon loader", () => {
  it("draws each icon exactly as lucide-react does, for the props icons are given", async () => {
    const icons: [ComponentType<Props>, string][] = [
      [Pencil as ComponentType<Props>, "pencil.mjs"],
      [X as ComponentType<Props>, "x.mjs"],
      [CircleCheck as ComponentType<Props>, "circle-check.mjs"],
      [TriangleAlert as ComponentType<Props>, "triangle-exclamation-point.mjs"],
      [AlarmClockCheck as ComponentType<Props>, "alarm-clock-check.mjs"],
    ];
    for (const [Real, file] of icons) {
      const Light = createLucideIcon(await dataOf(file)) as ComponentType<Props>;
      for (const props of cases) {
        const real = renderToStaticMarkup(createElement(Real, props));
        expect(renderToStaticMarkup(createElement(Light, props)), `${file} ${JSON.stringify(props)}`).toBe(real);
      }
      // Children (an SVG <title>) label the icon, as in the package.
      const title = createElement("title", null, "Done");
      expect(renderToStaticMarkup(createElement(Light, {}, title))).toBe(
        renderToStaticMarkup(createElement(Real, {}, title)),
      );
    }
  });

  it("renders on the server without React's client hooks (a server component's icon ships no JavaScript)", () => {
    const source = readFileSync(path.join(__dirname, "lucide-icon.mjs"), "utf8");
    expect(source).not.toMatch(/^\s*["']use client["']/m);
    expect(source.match(/^import .*$/gm)).toEqual(['import { createElement } from "react";']);
  });

  it("replaces the installed createLucideIcon, and stops the build when lucide changes how icons are made", () => {
    expect(lightLucideIcon(installed)).toBe(readFileSync(path.join(__dirname, "lucide-icon.mjs"), "utf8"));
    expect(() => lightLucideIcon("export default function createLucideIcon(name, node) {}")).toThrow(
      /not the one scripts\/loaders\/lucide-icon\.mjs stands in for/,
    );
  });

  it("refuses an icon made the old way, by name and node list, instead of drawing it wrongly", () => {
    expect(() => createLucideIcon("pencil" as never)).toThrow(/without its data object/);
  });
});
