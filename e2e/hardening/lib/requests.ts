/** Raw HTTP the way an attacker would send it: server-action calls, forged session tokens, Set-Cookie parsing. */
import { readFileSync } from "node:fs";
import path from "node:path";
import { encode } from "next-auth/jwt";

/** The id Next gave a server action in this build (from its server-reference manifest). */
export function findActionId(appDir: string, exportName: string): string {
  const file = path.join(appDir, process.env.NEXT_DIST_DIR || ".next", "server", "server-reference-manifest.json");
  const manifest = JSON.parse(readFileSync(file, "utf8")) as { node: Record<string, unknown> };
  const id = Object.entries(manifest.node).find(([, entry]) => JSON.stringify(entry).includes(`"${exportName}"`))?.[0];
  if (!id) throw new Error(`no server action named ${exportName} in ${file}`);
  return id;
}

/** POST a server action as the browser's fetch does (Next-Action header, JSON-encoded arguments), from `origin`. */
export function crossOriginActionCall(
  base: string,
  pagePath: string,
  actionId: string,
  cookie: string,
  args: unknown[],
  origin: string,
) {
  return fetch(`${base}${pagePath}`, {
    method: "POST",
    redirect: "manual",
    headers: {
      "Next-Action": actionId,
      "Content-Type": "text/plain;charset=UTF-8",
      Accept: "text/x-component",
      Origin: origin,
      cookie,
    },
    body: JSON.stringify(args),
  });
}

/** A no-JavaScript form post of an action, as React renders `<form action={…}>` (multipart, no Next-Action header). */
export function noScriptActionPost(base: string, pagePath: string, actionId: string, cookie: string, origin: string) {
  const form = new FormData();
  form.set(`$ACTION_ID_${actionId}`, "");
  form.set("name", "Renamed by a form");
  return fetch(`${base}${pagePath}`, {
    method: "POST",
    redirect: "manual",
    headers: { Origin: origin, cookie },
    body: form,
  });
}

/** A well-formed Auth.js session JWT for a real user, signed with a secret that is not the server's. */
export function forgedSessionToken(email: string): Promise<string> {
  return encode({
    token: { sub: email, email, sv: 0 },
    secret: "an-attacker-guessed-this-secret-0123456789",
    salt: "authjs.session-token",
  });
}

export type CookieFlags = {
  value: string;
  httpOnly: boolean;
  secure: boolean;
  sameSite: string | null;
  path: string | null;
};

/** The flags of the Set-Cookie header that sets `name`, or null when none does. */
export function setCookieFlags(setCookies: string[], name: string): CookieFlags | null {
  const header = setCookies.find((c) => c.startsWith(`${name}=`));
  if (!header) return null;
  const [pair, ...attrs] = header.split(";").map((s) => s.trim());
  const attr = (key: string) =>
    attrs.find((a) => a.toLowerCase().startsWith(`${key.toLowerCase()}=`))?.split("=")[1] ?? null;
  const has = (key: string) => attrs.some((a) => a.toLowerCase() === key.toLowerCase());
  return {
    value: pair!.slice(name.length + 1),
    httpOnly: has("HttpOnly"),
    secure: has("Secure"),
    sameSite: attr("SameSite")?.toLowerCase() ?? null,
    path: attr("Path"),
  };
}
