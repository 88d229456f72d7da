/**
 * Platform roles and what each may do. Host admin/member are roles inside a
 * host organization (host_memberships.org_role); on the user they are "host".
 */
export const USER_ROLES = ["applicant", "host", "reviewer", "operator", "ministry"] as const;
export type UserRole = (typeof USER_ROLES)[number];

export const STAFF_INVITABLE_ROLES = ["operator", "reviewer", "ministry"] as const;
export type StaffRole = (typeof STAFF_INVITABLE_ROLES)[number];

/** Roles that must enrol TOTP two-factor authentication before reaching their pages. */
export const TWO_FACTOR_ROLES: readonly UserRole[] = ["operator", "reviewer"];

export type Permission =
  | "round.read"
  | "round.manage"
  | "audit.read"
  | "outbox.read"
  | "outbox.retry"
  | "staff.invite"
  | "dashboard.read"
  | "application.own"
  | "application.read"
  | "application.override"
  | "host.own"
  | "hosts.read"
  | "hosts.decide";

const GRANTS: Record<UserRole, readonly Permission[]> = {
  applicant: ["application.own"],
  host: ["host.own"],
  reviewer: [],
  operator: [
    "round.read",
    "round.manage",
    "audit.read",
    "outbox.read",
    "outbox.retry",
    "staff.invite",
    "dashboard.read",
    "application.read",
    "application.override",
    "hosts.read",
    "hosts.decide",
  ],
  ministry: ["round.read", "dashboard.read", "hosts.read"],
};

export function isUserRole(value: unknown): value is UserRole {
  return typeof value === "string" && (USER_ROLES as readonly string[]).includes(value);
}

export function roleGrants(role: UserRole, permission: Permission): boolean {
  return GRANTS[role].includes(permission);
}

export function needsTwoFactor(role: UserRole): boolean {
  return TWO_FACTOR_ROLES.includes(role);
}
