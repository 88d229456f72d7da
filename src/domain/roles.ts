/**
 * Who may do what. A user has one platform role; each role is granted
 * permissions, each with a scope: the caller's own records ("own"), the
 * records assigned to them ("assigned", a reviewer's applications) or every
 * record ("any"). Inside a host organization, admin and member are org roles
 * (host_memberships.org_role); on the user they are both "host".
 *
 * authorize(actor, permission) (src/services/authorize.ts) checks that the
 * role holds the permission in some scope; a use case that reads or changes
 * one record then asks `permits` with how the caller relates to it.
 */
export const USER_ROLES = ["applicant", "host", "reviewer", "operator", "ministry"] as const;
export type UserRole = (typeof USER_ROLES)[number];

export const STAFF_INVITABLE_ROLES = ["operator", "reviewer", "ministry"] as const;
export type StaffRole = (typeof STAFF_INVITABLE_ROLES)[number];

export const ORG_ROLES = ["admin", "member"] as const;
export type OrgRole = (typeof ORG_ROLES)[number];

/** Staff roles: their sessions also end after 30 minutes without a request (issue 11 item 5). */
export const STAFF_ROLES: readonly UserRole[] = ["operator", "reviewer", "ministry"];

export function isStaffRole(role: UserRole): boolean {
  return STAFF_ROLES.includes(role);
}

/** Roles that must enrol TOTP two-factor authentication before reaching their pages. */
export const TWO_FACTOR_ROLES: readonly UserRole[] = ["operator", "reviewer", "ministry"];

export type Permission =
  | "round.read"
  | "round.manage"
  | "audit.read"
  | "outbox.read"
  | "outbox.retry"
  | "staff.invite"
  | "dashboard.read"
  /** Fill in, submit and withdraw an application; see, export and delete one's own data. */
  | "application.manage"
  /** Export and delete one's own account and everything the platform holds about one (applicants and host members; issue 19 item 7). */
  | "account.own_data"
  | "application.read"
  | "application.override"
  /** Download an applicant's uploaded document. */
  | "document.download"
  /** Register and run a host organization: its members, its host applications and positions. */
  | "organization.manage"
  | "hosts.read"
  | "hosts.decide"
  /** Draft a case study of one's own host organization (issue 18). */
  | "case.draft"
  /** Read every case study, in every state (the operator's list and dashboard counts). */
  | "case.read"
  /** Edit, comment on, return, approve, publish and withdraw case studies; restore a revision. */
  | "case.edit"
  /** Read the published yearly reports (issue 17). */
  | "report.read"
  /** Compute a year's report from the records, follow a figure to its records, publish, load the published aggregates. */
  | "report.manage"
  /** Run document screening of a round: invite reviewers, assign, rank, close (issue 13). */
  | "screening.manage"
  /** Keep a reviewer profile and score the applications assigned to one (issue 13). */
  | "review.score"
  /** Interviews and selection (issue 14): open slots and invite (operator); book one's own interview (applicant); score one's interviews; decide. */
  | "interview.manage"
  | "interview.book"
  | "interview.score"
  | "selection.decide"
  /**
   * See people by name and e-mail address where a staff page lists them (session registrants, a host's
   * supervisor): operators. The ministry reads the same pages as aggregates only (issue 11 item 8).
   */
  | "people.read"
  /** Create placements from accepted offers, see every placement, its reports and the allowance ledger; complete a placement (issue 16). */
  | "placement.manage"
  /** As an intern: write daily reports, the final report and the evaluation survey of one's own placement (issue 16). */
  | "internship.participate"
  /** As a host member: read and confirm the daily reports of one's organization's interns, record attendance, the host's final report and survey (issue 16). */
  | "internship.supervise";

/** How far a grant reaches. */
export type Scope = "own" | "assigned" | "any";

const GRANTS: Record<UserRole, Partial<Record<Permission, Scope>>> = {
  applicant: { "account.own_data": "own", "application.manage": "own", "document.download": "own", "interview.book": "own", "internship.participate": "own" },
  host: { "account.own_data": "own", "organization.manage": "own", "case.draft": "own", "internship.supervise": "own" },
  reviewer: { "document.download": "assigned", "review.score": "assigned", "interview.score": "assigned" },
  operator: {
    "round.read": "any",
    "round.manage": "any",
    "audit.read": "any",
    "outbox.read": "any",
    "outbox.retry": "any",
    "staff.invite": "any",
    "dashboard.read": "any",
    "application.read": "any",
    "application.override": "any",
    "document.download": "any",
    "hosts.read": "any",
    "hosts.decide": "any",
    "case.read": "any",
    "case.edit": "any",
    "report.read": "any",
    "report.manage": "any",
    "screening.manage": "any",
    "interview.manage": "any",
    "interview.score": "any",
    "selection.decide": "any",
    "people.read": "any",
    "placement.manage": "any",
  },
  ministry: { "round.read": "any", "dashboard.read": "any", "hosts.read": "any", "case.read": "any", "report.read": "any" },
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

/** The scope in which a role holds a permission, or null when it does not hold it. */
export function scopeOf(role: UserRole, permission: Permission): Scope | null {
  return GRANTS[role][permission] ?? null;
}

/** Whether a role holds a permission in any scope (what `authorize` checks). */
export function roleGrants(role: UserRole, permission: Permission): boolean {
  return scopeOf(role, permission) !== null;
}

/**
 * Whether a role may use a permission on one record, given how the caller
 * relates to it: it is theirs (`own`), or it is assigned to them (`assigned`).
 * E.g. who may download a document: its applicant, a reviewer assigned to the
 * application, any operator — nobody else (ministry and hosts included).
 */
export function permits(role: UserRole, permission: Permission, relation: { own: boolean; assigned?: boolean }): boolean {
  const scope = scopeOf(role, permission);
  if (scope === "any") return true;
  if (scope === "own") return relation.own;
  if (scope === "assigned") return relation.assigned === true;
  return false;
}

/** Inside a host organization only its admins manage members (invite, change roles, remove); an organization keeps at least one. */
export function orgRoleManagesMembers(orgRole: OrgRole): boolean {
  return orgRole === "admin";
}

/** An organization always keeps an admin: demoting or removing its last admin is refused. */
export function leavesNoAdmin(targetOrgRole: string, admins: number): boolean {
  return targetOrgRole === "admin" && admins <= 1;
}

export function needsTwoFactor(role: UserRole): boolean {
  return TWO_FACTOR_ROLES.includes(role);
}
