/**
 * Platform roles and what each may do. Host admin/member are roles inside a
 * host organization (host_memberships.org_role); on the user they are "host".
 */
export const USER_ROLES = ["applicant", "host", "reviewer", "operator", "ministry"] as const;
export type UserRole = (typeof USER_ROLES)[number];

export const STAFF_INVITABLE_ROLES = ["operator", "reviewer", "ministry"] as const;
export type StaffRole = (typeof STAFF_INVITABLE_ROLES)[number];

/** Staff roles: their sessions also end after 30 minutes without a request (issue 11 item 5). */
export const STAFF_ROLES: readonly UserRole[] = ["operator", "reviewer", "ministry"];

export function isStaffRole(role: UserRole): boolean {
  return STAFF_ROLES.includes(role);
}

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

/**
 * Sensitive staff actions: the password must have been entered in this
 * session within the last few minutes (sign-in, or the confirm-password page)
 * — inviting staff (who then get access to personal data), overriding an
 * eligibility decision, and sending a failed e-mail again (it may carry a
 * reset or invitation link). docs/security.md keeps the list.
 */
export const SENSITIVE_PERMISSIONS: readonly Permission[] = ["staff.invite", "application.override", "outbox.retry"];

export function isSensitive(permission: Permission): boolean {
  return SENSITIVE_PERMISSIONS.includes(permission);
}

export function isUserRole(value: unknown): value is UserRole {
  return typeof value === "string" && (USER_ROLES as readonly string[]).includes(value);
}

export function roleGrants(role: UserRole, permission: Permission): boolean {
  return GRANTS[role].includes(permission);
}

export function needsTwoFactor(role: UserRole): boolean {
  return TWO_FACTOR_ROLES.includes(role);
}
