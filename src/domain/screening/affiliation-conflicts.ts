/**
 * Conflicts of interest from declared affiliations: a reviewer conflicts with
 * an application when one of the reviewer's affiliations and one of the
 * application's universities or employers name the same organization.
 *
 * Two names name the same organization when they share a key
 * (affiliation-normalize.ts) after the operator's alias table is applied: each
 * alias entry lists names of one organization (e.g. "The University of Tokyo",
 * "東京大学", "UTokyo"); every key of any of those names stands for the entry.
 * Entries that share a key are merged (an alias table kept by several people
 * may list one organization twice), and so are entries with the same canonical
 * name.
 */
import { affiliationKeys, normalizeAffiliation } from "./affiliation-normalize.ts";

export interface AffiliationAlias {
  /** the name shown for the organization */
  readonly canonical: string;
  /** other names of the same organization (abbreviations, other languages, former names) */
  readonly aliases: readonly string[];
}

export interface AffiliationMatcher {
  /** keys of a name with aliases applied: "alias:<canonical>" for names in the table */
  keysOf(name: string): readonly string[];
  /** true when the two names name the same organization */
  sameOrganization(a: string, b: string): boolean;
}

export interface AffiliationMatch {
  readonly reviewerAffiliation: string;
  readonly applicationOrganization: string;
  /** the shared key (normalized name or "alias:<canonical>") */
  readonly key: string;
}

/** Builds a matcher from the operator's alias table (may be empty). */
export function buildAffiliationMatcher(aliases: readonly AffiliationAlias[] = []): AffiliationMatcher {
  // union-find over entries that share a key
  const parent = aliases.map((_, i) => i);
  const find = (i: number): number => {
    while (parent[i] !== i) i = parent[i] = parent[parent[i]!]!;
    return i;
  };
  const entryOfKey = new Map<string, number>();
  aliases.forEach((entry, i) => {
    // the canonical text itself joins entries with the same canonical name, even one without a key
    for (const key of [`canonical:${entry.canonical}`, ...[entry.canonical, ...entry.aliases].map(normalizeAffiliation)]) {
      if (key === "") continue;
      const other = entryOfKey.get(key);
      if (other === undefined) entryOfKey.set(key, i);
      else parent[find(i)] = find(other);
    }
  });
  // the merged group is named by the canonical name of its first entry
  const aliasKey = (i: number) => `alias:${aliases[find(i)]!.canonical}`;
  const cache = new Map<string, readonly string[]>();
  const keysOf = (name: string): readonly string[] => {
    let keys = cache.get(name);
    if (keys === undefined) {
      const out: string[] = [];
      for (const k of affiliationKeys(name)) {
        const entry = entryOfKey.get(k);
        const mapped = entry === undefined ? k : aliasKey(entry);
        if (!out.includes(mapped)) out.push(mapped);
      }
      keys = out;
      if (cache.size < 100_000) cache.set(name, keys);
    }
    return keys;
  };
  return {
    keysOf,
    sameOrganization: (a, b) => {
      const kb = keysOf(b);
      return keysOf(a).some((k) => kb.includes(k));
    },
  };
}

/** The pairs (reviewer affiliation, application organization) naming the same organization; empty = no conflict. */
export function affiliationMatches(
  reviewerAffiliations: readonly string[],
  applicationOrganizations: readonly string[],
  matcher: AffiliationMatcher,
): AffiliationMatch[] {
  const out: AffiliationMatch[] = [];
  for (const r of reviewerAffiliations) {
    const rk = matcher.keysOf(r);
    for (const a of applicationOrganizations) {
      const key = matcher.keysOf(a).find((k) => rk.includes(k));
      if (key !== undefined) out.push({ reviewerAffiliation: r, applicationOrganization: a, key });
    }
  }
  return out;
}

export interface AffiliationConflict {
  readonly reviewer: string;
  readonly application: string;
  /** the first matching pair, as evidence to show and audit */
  readonly match: AffiliationMatch;
}

/**
 * Every (reviewer, application) pair in conflict through affiliations, sorted
 * by reviewer then application id. Indexes applications by key, so the cost is
 * linear in the names plus the number of conflicts found.
 */
export function affiliationConflicts(
  reviewers: readonly { readonly id: string; readonly affiliations: readonly string[] }[],
  applications: readonly { readonly id: string; readonly organizations: readonly string[] }[],
  matcher: AffiliationMatcher,
): AffiliationConflict[] {
  const byKey = new Map<string, { application: string; organization: string }[]>();
  for (const app of applications) {
    for (const organization of app.organizations) {
      for (const key of matcher.keysOf(organization)) {
        let list = byKey.get(key);
        if (list === undefined) byKey.set(key, (list = []));
        list.push({ application: app.id, organization });
      }
    }
  }
  const out: AffiliationConflict[] = [];
  for (const reviewer of reviewers) {
    const found = new Map<string, AffiliationMatch>();
    for (const affiliation of reviewer.affiliations) {
      for (const key of matcher.keysOf(affiliation)) {
        for (const hit of byKey.get(key) ?? []) {
          if (!found.has(hit.application)) found.set(hit.application, { reviewerAffiliation: affiliation, applicationOrganization: hit.organization, key });
        }
      }
    }
    for (const [application, match] of found) out.push({ reviewer: reviewer.id, application, match });
  }
  return out.sort((x, y) => cmp(x.reviewer, y.reviewer) || cmp(x.application, y.application));
}

const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
