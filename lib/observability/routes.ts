import { existsSync, readFileSync } from "node:fs";
import path from "node:path";

/**
 * A request path as its route pattern (`/api/docs/[id]/sections/[key]`, `/s/[token]`): what logs and metrics name,
 * so a share token, a doc's slug or a query never reaches them, and metric labels stay few. Patterns come from the
 * build's route manifest; a path no pattern matches is `other`.
 */
type Pattern = { route: string; regex: RegExp; specificity: number };

export function compileRoutes(routes: string[]): Pattern[] {
  return routes
    .map((route) => {
      const parts = route.split("/").filter(Boolean);
      const source = parts
        .map((p) => {
          if (/^\[\[\.\.\..+\]\]$/.test(p)) return "(?:/.*)?";
          if (/^\[\.\.\..+\]$/.test(p)) return "/.+";
          if (/^\[.+\]$/.test(p)) return "/[^/]+";
          return `/${p.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}`;
        })
        .join("");
      const specificity = parts.reduce(
        (n, p) => n * 4 + (p.startsWith("[[") ? 0 : p.startsWith("[...") ? 1 : p.startsWith("[") ? 2 : 3),
        1,
      );
      return { route: route || "/", regex: new RegExp(`^${source || "/"}/?$`), specificity };
    })
    .sort((a, b) => b.route.split("/").length - a.route.split("/").length || b.specificity - a.specificity);
}

export function routeOf(patterns: Pattern[], pathname: string): string {
  if (pathname.startsWith("/_next/")) return "/_next";
  return patterns.find((p) => p.regex.test(pathname))?.route ?? "other";
}

/** The app's routes from the build (`.next/app-path-routes-manifest.json`), public files as themselves. */
export function loadRoutes(root = process.cwd()): Pattern[] {
  const routes = new Set<string>();
  const manifest = path.join(root, process.env.NEXT_DIST_DIR || ".next", "app-path-routes-manifest.json");
  if (existsSync(manifest)) {
    const map = JSON.parse(readFileSync(manifest, "utf8")) as Record<string, string>;
    for (const route of Object.values(map)) routes.add(route);
  }
  for (const file of ["/robots.txt", "/manifest.webmanifest", "/og.png", "/favicon.ico"]) routes.add(file);
  return compileRoutes([...routes]);
}
