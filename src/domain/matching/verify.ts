/**
 * Independent verifier of a matching result. Deliberately shares no code with
 * the solver (only the input/output types): it re-reads the instance by
 * string id, checks feasibility and lists every blocking pair.
 *
 * Feasibility: every assignment names known ids; every applicant is assigned
 * at most once; both sides list each other; no host above its capacity; no
 * capped region above its cap; `unmatched` (when given) is exactly the
 * applicants without an assignment.
 *
 * Blocking pair (a, h): a and h list each other, a is unmatched or ranks h
 * above its host, and either
 *   JUSTIFIED_ENVY — h admits some applicant it ranks below a, or
 *   EMPTY_SEAT     — h has fewer interns than its capacity and h's region has
 *                    no cap or fewer interns than its cap.
 * Without regional caps this is exactly classic stability. With caps it is
 * Kamada–Kojima's weak stability ("notion: weakly-stable-with-regional-caps"):
 * a pair blocked only by a full region is not counted — including a move
 * between two hosts of the same full region, because a matching free of those
 * need not exist (ADR 0005 gives the example).
 */
import type {
  Assignment,
  BlockingPair,
  MatchingInstance,
  Verification,
  Violation,
} from "./types.ts";

export function verifyMatching(
  instance: MatchingInstance,
  assignments: readonly Assignment[],
  unmatched?: readonly string[],
): Verification {
  const violations: Violation[] = [];
  const caps = instance.regionCaps ?? {};
  const capped = instance.hosts.some((h) => h.region !== undefined && caps[h.region] !== undefined);

  const applicantPos = new Map<string, number>();
  instance.applicants.forEach((ap, i) => applicantPos.set(ap.id, i));
  const hostPos = new Map<string, number>();
  instance.hosts.forEach((ho, i) => hostPos.set(ho.id, i));

  // rank of applicant a in host h's list: key h * nA + a
  const nA = instance.applicants.length;
  const hostRank = new Map<number, number>();
  instance.hosts.forEach((ho, h) => {
    ho.preferences.forEach((id, k) => {
      const a = applicantPos.get(id);
      if (a !== undefined) hostRank.set(h * nA + a, k);
    });
  });

  const hostOf: (number | undefined)[] = new Array<number | undefined>(nA);
  const admitted: number[][] = instance.hosts.map(() => []);
  for (const { applicant, host } of assignments) {
    const a = applicantPos.get(applicant);
    const h = hostPos.get(host);
    if (a === undefined) {
      violations.push({ code: "UNKNOWN_APPLICANT", applicant, host });
      continue;
    }
    if (h === undefined) {
      violations.push({ code: "UNKNOWN_HOST", applicant, host });
      continue;
    }
    if (hostOf[a] !== undefined) {
      violations.push({ code: "APPLICANT_ASSIGNED_TWICE", applicant, host });
      continue;
    }
    const listsHost = instance.applicants[a]!.preferences.includes(host);
    if (!listsHost || !hostRank.has(h * nA + a)) violations.push({ code: "UNACCEPTABLE_PAIR", applicant, host });
    hostOf[a] = h;
    admitted[h]!.push(a);
  }

  const regionCount = new Map<string, number>();
  instance.hosts.forEach((ho, h) => {
    const n = admitted[h]!.length;
    if (n > ho.capacity) violations.push({ code: "HOST_OVER_CAPACITY", host: ho.id, count: n, limit: ho.capacity });
    if (ho.region !== undefined) regionCount.set(ho.region, (regionCount.get(ho.region) ?? 0) + n);
  });
  for (const [region, n] of [...regionCount].sort((x, y) => (x[0] < y[0] ? -1 : x[0] > y[0] ? 1 : 0))) {
    const cap = caps[region];
    if (cap !== undefined && n > cap) violations.push({ code: "REGION_OVER_CAP", region, count: n, limit: cap });
  }

  if (unmatched !== undefined) {
    const seen = new Set<string>();
    for (const id of unmatched) {
      const a = applicantPos.get(id);
      if (a === undefined || hostOf[a] !== undefined || seen.has(id)) {
        violations.push({ code: "UNMATCHED_LIST_MISMATCH", applicant: id });
      }
      seen.add(id);
    }
    instance.applicants.forEach((ap, a) => {
      if (hostOf[a] === undefined && !seen.has(ap.id)) violations.push({ code: "UNMATCHED_LIST_MISMATCH", applicant: ap.id });
    });
  }

  // lowest admitted rank per host (by the host's own list); unacceptable admits count as worst
  const worstAdmitted = instance.hosts.map((ho, h) => {
    let w = -1;
    for (const a of admitted[h]!) w = Math.max(w, hostRank.get(h * nA + a) ?? Number.MAX_SAFE_INTEGER);
    return w;
  });

  const blockingPairs: BlockingPair[] = [];
  instance.applicants.forEach((ap, a) => {
    const current = hostOf[a];
    const currentId = current === undefined ? undefined : instance.hosts[current]!.id;
    for (const hid of ap.preferences) {
      if (hid === currentId) break; // only hosts ranked above the current one
      const h = hostPos.get(hid);
      if (h === undefined) continue;
      const r = hostRank.get(h * nA + a);
      if (r === undefined) continue; // h does not find a acceptable
      const ho = instance.hosts[h]!;
      if (worstAdmitted[h]! > r) {
        blockingPairs.push({ applicant: ap.id, host: hid, kind: "JUSTIFIED_ENVY" });
        continue;
      }
      if (admitted[h]!.length < ho.capacity) {
        const cap = ho.region === undefined ? undefined : caps[ho.region];
        const regionFull = cap !== undefined && (regionCount.get(ho.region!) ?? 0) >= cap;
        if (!regionFull) blockingPairs.push({ applicant: ap.id, host: hid, kind: "EMPTY_SEAT" });
      }
    }
  });

  const feasible = violations.length === 0;
  return {
    notion: capped ? "weakly-stable-with-regional-caps" : "stable",
    feasible,
    stable: feasible && blockingPairs.length === 0,
    violations,
    blockingPairs,
  };
}
