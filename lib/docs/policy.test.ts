import { describe, expect, it } from "vitest";
import {
  canGrantDocRole,
  DOC_ACTIONS,
  DOC_ROLES,
  docCan,
  docRoleFromShareLink,
  maxDocRole,
  docRoleFromWorkspace,
} from "./policy";

// The whole matrix, written out: a change to the policy must change this table too.
const EXPECTED: Record<(typeof DOC_ROLES)[number], string> = {
  owner: "view comment review edit share manage",
  editor: "view comment review edit share",
  reviewer: "view comment review",
  viewer: "view comment",
  commenter: "view comment",
  reader: "view",
};

describe("doc policy", () => {
  it.each(DOC_ROLES)("%s may do exactly what the table says", (role) => {
    expect(DOC_ACTIONS.filter((a) => docCan(role, a)).join(" ")).toBe(EXPECTED[role]);
  });

  it("no role may do anything", () => {
    expect(DOC_ACTIONS.some((a) => docCan(null, a))).toBe(false);
  });

  it("a stronger role can do everything a weaker one can", () => {
    for (const a of DOC_ROLES)
      for (const b of DOC_ROLES) {
        const top = maxDocRole(a, b)!;
        for (const action of DOC_ACTIONS)
          if (docCan(a, action) || docCan(b, action)) expect(docCan(top, action), `${top} ${action}`).toBe(true);
      }
  });

  it("maps workspace roles and share links to doc roles", () => {
    expect([
      docRoleFromWorkspace("OWNER", false),
      docRoleFromWorkspace("ADMIN", false),
      docRoleFromWorkspace("MEMBER", true),
      docRoleFromWorkspace("MEMBER", false),
      docRoleFromWorkspace("VIEWER", true),
    ]).toEqual(["owner", "owner", "owner", "editor", "viewer"]);
    expect([docRoleFromShareLink("VIEW"), docRoleFromShareLink("COMMENT")]).toEqual(["reader", "commenter"]);
    expect(maxDocRole(null, "viewer")).toBe("viewer");
  });

  it("nobody grants a role above their own; only sharers grant at all", () => {
    expect(canGrantDocRole("owner", "OWNER")).toBe(true);
    expect(canGrantDocRole("editor", "EDITOR")).toBe(true);
    expect(canGrantDocRole("editor", "OWNER")).toBe(false);
    expect(canGrantDocRole("reviewer", "VIEWER")).toBe(false);
    expect(canGrantDocRole("reader", "VIEWER")).toBe(false);
  });
});
