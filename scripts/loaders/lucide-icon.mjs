// What lucide-react's `createLucideIcon` becomes in our builds (scripts/loaders/lucide-light-icon.cjs puts this
// file's text in its place). Every icon module calls it with the icon's data; it returns the React component.
//
// The package's own version renders through `Icon.mjs`, a "use client" module with a context for default sizes and
// colours: each icon, even one drawn by a server component, made the browser download the package's runtime
// (~1.1 KB gzip) and its icons' data. This one is a plain function component: a server component's icons are
// drawn on the server and cost the browser nothing, and a client component's icon carries only its data.
// The markup is the package's, attribute for attribute, for the props an icon takes (lucide-icon.test.ts compares
// the two); the context (`LucideProvider`) is not supported: nothing here uses it.
import { createElement } from "react";

const DEFAULTS = {
  xmlns: "http://www.w3.org/2000/svg",
  width: 24,
  height: 24,
  viewBox: "0 0 24 24",
  fill: "none",
  stroke: "currentColor",
  strokeWidth: 2,
  strokeLinecap: "round",
  strokeLinejoin: "round",
};

/** An accessible name or role given to the icon: then it is not hidden from assistive technology. */
function labelled(props) {
  for (const key in props) {
    if ((key.startsWith("aria-") || key === "role" || key === "title") && props[key] != null) return true;
  }
  return false;
}

export default function createLucideIcon(icon) {
  if (!icon || typeof icon !== "object" || !Array.isArray(icon.node))
    throw new Error("lucide-icon.mjs: an icon module called createLucideIcon without its data object");
  const named = [icon.name, ...(icon.aliases ?? [])]
    .filter((name) => typeof name === "string" && name.trim() !== "")
    .map((name) => `lucide-${name}`);
  function LucideIcon({ className, size, color, strokeWidth, absoluteStrokeWidth, children, ...rest }) {
    const tokens = new Set(["lucide", ...named, ...(typeof className === "string" ? className.split(/\s+/) : [])]);
    tokens.delete("");
    const width = size ?? rest.width ?? DEFAULTS.width;
    const stroke = strokeWidth ?? DEFAULTS.strokeWidth;
    return createElement(
      "svg",
      {
        ...DEFAULTS,
        ...(color ? { stroke: color } : null),
        ...(size != null ? { width: size, height: size } : null),
        strokeWidth: absoluteStrokeWidth ? (Number(stroke) * 24) / Number(width) : stroke,
        className: [...tokens].join(" "),
        ...(children || labelled(rest) ? null : { "aria-hidden": "true" }),
        ...rest,
      },
      ...icon.node.map(([tag, attrs]) => createElement(tag, attrs)),
      children,
    );
  }
  return LucideIcon;
}
