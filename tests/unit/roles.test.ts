import { describe, expect, it } from "vitest";
import { USER_ROLES, orgRoleManagesMembers, permits, roleGrants, scopeOf } from "#src/domain/roles.ts";

describe("permissions with a scope (src/domain/roles.ts)", () => {
  it("who may download a document: its applicant, an assigned reviewer, any operator — nobody else", () => {
    const download = (role: (typeof USER_ROLES)[number], relation: { own: boolean; assigned?: boolean }) => permits(role, "document.download", relation);
    expect(download("applicant", { own: true })).toBe(true);
    expect(download("applicant", { own: false })).toBe(false);
    expect(download("reviewer", { own: false, assigned: true })).toBe(true);
    expect(download("reviewer", { own: false, assigned: false })).toBe(false);
    expect(download("operator", { own: false })).toBe(true);
    for (const role of ["ministry", "host"] as const) {
      expect(download(role, { own: true, assigned: true }), role).toBe(false);
    }
  });

  it("holds a permission in one scope per role; authorize only asks whether it is held at all", () => {
    expect(scopeOf("applicant", "application.manage")).toBe("own");
    expect(scopeOf("host", "organization.manage")).toBe("own");
    expect(scopeOf("operator", "application.read")).toBe("any");
    expect(scopeOf("ministry", "application.read")).toBeNull();
    expect(roleGrants("ministry", "hosts.read")).toBe(true);
    expect(roleGrants("ministry", "hosts.decide")).toBe(false);
    expect(roleGrants("reviewer", "document.download")).toBe(true);
  });

  it("an own scope never reaches someone else's record, whatever the role", () => {
    for (const role of USER_ROLES) {
      for (const permission of ["application.manage", "organization.manage", "document.download"] as const) {
        if (scopeOf(role, permission) === "own") expect(permits(role, permission, { own: false, assigned: true }), `${role} ${permission}`).toBe(false);
      }
    }
  });

  it("case studies: hosts draft their own, operators edit any, the ministry only reads", () => {
    expect(scopeOf("host", "case.draft")).toBe("own");
    expect(permits("host", "case.draft", { own: false })).toBe(false);
    expect(scopeOf("operator", "case.edit")).toBe("any");
    expect(roleGrants("ministry", "case.read")).toBe(true);
    expect(roleGrants("ministry", "case.edit")).toBe(false);
    for (const role of ["applicant", "reviewer"] as const) expect(roleGrants(role, "case.read") || roleGrants(role, "case.draft")).toBe(false);
  });

  it("inside a host organization only admins manage members", () => {
    expect(orgRoleManagesMembers("admin")).toBe(true);
    expect(orgRoleManagesMembers("member")).toBe(false);
  });
});
