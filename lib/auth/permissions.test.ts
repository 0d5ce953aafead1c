import { describe, expect, it } from "vitest";
import { can, canManageMember, WORKSPACE_PERMISSIONS, WORKSPACE_ROLES, type WorkspacePermission } from "./permissions";

// The whole matrix, written out: a change to the policy must change this table too.
const EXPECTED: Record<WorkspacePermission, string> = {
  //                  OWNER ADMIN MEMBER VIEWER
  "workspace.view": "1111",
  "workspace.update": "1100",
  "members.invite": "1100",
  "members.manage": "1100",
  "templates.manage": "1100",
  "doc.create": "1110",
  "doc.edit": "1110",
  "doc.review": "1110",
  "doc.comment": "1111",
  "doc.view": "1111",
};

describe("workspace role → permission table", () => {
  it("covers every permission", () => {
    expect(Object.keys(EXPECTED).sort()).toEqual(Object.keys(WORKSPACE_PERMISSIONS).sort());
  });

  for (const permission of Object.keys(EXPECTED) as WorkspacePermission[]) {
    it(`${permission}`, () => {
      const actual = WORKSPACE_ROLES.map((role) => (can(role, permission) ? "1" : "0")).join("");
      expect(actual).toBe(EXPECTED[permission]);
    });
  }

  it("no role means no permission", () => {
    expect(can(null, "workspace.view")).toBe(false);
  });

  it("admins manage members and viewers but not owners or admins; owners manage everyone", () => {
    expect(canManageMember("ADMIN", "MEMBER", "VIEWER")).toBe(true);
    expect(canManageMember("ADMIN", "MEMBER", null)).toBe(true);
    expect(canManageMember("ADMIN", "MEMBER", "ADMIN")).toBe(false);
    expect(canManageMember("ADMIN", "OWNER", "MEMBER")).toBe(false);
    expect(canManageMember("OWNER", "OWNER", "MEMBER")).toBe(true);
    expect(canManageMember("MEMBER", "VIEWER", null)).toBe(false);
  });
});
