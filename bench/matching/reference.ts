/**
 * Straightforward reference implementation of applicant-proposing deferred
 * acceptance, used as the benchmark baseline and as an independent check:
 * object maps keyed by id, ranks found with indexOf, worst held applicant
 * found by scanning. Returns applicant id -> host id.
 */
import type { MatchingInstance } from "#src/domain/matching/index.ts";

export function referenceDA(instance: MatchingInstance): Record<string, string> {
  const prefsOf: Record<string, readonly string[]> = {};
  for (const ap of instance.applicants) prefsOf[ap.id] = ap.preferences;
  const hostById: Record<string, { capacity: number; preferences: readonly string[] }> = {};
  const held: Record<string, string[]> = {};
  for (const ho of instance.hosts) {
    hostById[ho.id] = ho;
    held[ho.id] = [];
  }
  const next: Record<string, number> = {};
  const free = instance.applicants.map((a) => a.id);
  while (free.length > 0) {
    const a = free.pop()!;
    const prefs = prefsOf[a]!;
    let i = next[a] ?? 0;
    while (i < prefs.length) {
      const h = prefs[i++]!;
      const host = hostById[h]!;
      const r = host.preferences.indexOf(a);
      if (r < 0) continue;
      const list = held[h]!;
      if (list.length < host.capacity) {
        list.push(a);
        break;
      }
      let worstPos = 0;
      for (let k = 1; k < list.length; k++) {
        if (host.preferences.indexOf(list[k]!) > host.preferences.indexOf(list[worstPos]!)) worstPos = k;
      }
      if (host.preferences.indexOf(list[worstPos]!) > r) {
        free.push(list[worstPos]!);
        list[worstPos] = a;
        break;
      }
    }
    next[a] = i;
  }
  const match: Record<string, string> = {};
  for (const [h, list] of Object.entries(held)) for (const a of list) match[a] = h;
  return match;
}
