/**
 * Explanations for every participant, as data (codes + parameters, no prose),
 * derived from the final matching. Ranks are 1-based list positions.
 *
 * Applicant: for each host ranked above the match (every listed host when
 * unmatched): the host did not rank them; or the host is full with applicants
 * it ranks higher (with the rank of its lowest admitted one); or the host had
 * room but its region reached its cap. A "BLOCKING_PAIR" code would mean the
 * matching is not stable — it cannot occur for a verified result.
 *
 * Host: for each applicant it ranked above its lowest admitted one (every
 * listed applicant when it has an empty seat) who is not admitted: they did
 * not rank the host; or they got a host they rank higher (with both ranks);
 * or the region cap was reached.
 */
import type { InstanceIndex } from "./instance-index.ts";
import type { ApplicantExplanation, ApplicantReason, Explanations, HostExplanation, HostReason } from "./types.ts";

export function explainMatching(ix: InstanceIndex, match: Int32Array): Explanations {
  const { nApplicants: nA, nHosts: nH, applicantIds, hostIds, capacity, aPrefStart, aPrefHost, aPrefHostRank } = ix;
  const { hPrefStart, hPrefApp, hPrefAppRank, hostRegion, regionIds, regionCap } = ix;

  const filled = new Int32Array(nH);
  const worst = new Int32Array(nH).fill(-1); // 0-based host rank of lowest admitted
  const matchRank = new Int32Array(nA).fill(-1); // 0-based applicant rank of own host
  for (let a = 0; a < nA; a++) {
    const h = match[a]!;
    if (h < 0) continue;
    filled[h]!++;
    for (let e = aPrefStart[a]!; e < aPrefStart[a + 1]!; e++) {
      if (aPrefHost[e] === h) {
        matchRank[a] = e - aPrefStart[a]!;
        const r = aPrefHostRank[e]!;
        if (r > worst[h]!) worst[h] = r;
        break;
      }
    }
  }
  const regionFilled = new Int32Array(regionIds.length);
  for (let h = 0; h < nH; h++) if (hostRegion[h]! >= 0) regionFilled[hostRegion[h]!]! += filled[h]!;
  const regionFull = (h: number): boolean => {
    const g = hostRegion[h]!;
    return g >= 0 && regionCap[g]! >= 0 && regionFilled[g]! >= regionCap[g]!;
  };

  const applicants: Record<string, ApplicantExplanation> = {};
  for (let a = 0; a < nA; a++) {
    const s = aPrefStart[a]!;
    const stop = matchRank[a]! >= 0 ? s + matchRank[a]! : aPrefStart[a + 1]!;
    const higherChoices: ApplicantReason[] = [];
    for (let e = s; e < stop; e++) {
      const h = aPrefHost[e]!;
      const host = hostIds[h]!;
      const applicantRankOfHost = e - s + 1;
      const r = aPrefHostRank[e]!;
      if (r < 0) {
        higherChoices.push({ code: "HOST_DID_NOT_RANK_APPLICANT", host, applicantRankOfHost });
      } else if (worst[h]! > r) {
        higherChoices.push({ code: "BLOCKING_PAIR", host, applicantRankOfHost, hostRankOfApplicant: r + 1 });
      } else if (filled[h]! >= capacity[h]!) {
        higherChoices.push({
          code: "HOST_FULL_WITH_HIGHER_RANKED",
          host,
          applicantRankOfHost,
          hostRankOfApplicant: r + 1,
          capacity: capacity[h]!,
          lowestAdmittedRank: worst[h]! + 1,
        });
      } else if (regionFull(h)) {
        const g = hostRegion[h]!;
        higherChoices.push({
          code: "REGION_CAP_REACHED",
          host,
          applicantRankOfHost,
          hostRankOfApplicant: r + 1,
          region: regionIds[g]!,
          regionCap: regionCap[g]!,
        });
      } else {
        higherChoices.push({ code: "BLOCKING_PAIR", host, applicantRankOfHost, hostRankOfApplicant: r + 1 });
      }
    }
    const h = match[a]!;
    applicants[applicantIds[a]!] = {
      host: h >= 0 ? hostIds[h]! : null,
      rank: h >= 0 ? matchRank[a]! + 1 : null,
      higherChoices,
    };
  }

  const hosts: Record<string, HostExplanation> = {};
  for (let h = 0; h < nH; h++) {
    const s = hPrefStart[h]!;
    const hasRoom = filled[h]! < capacity[h]!;
    const stop = hasRoom ? hPrefStart[h + 1]! : s + worst[h]!;
    const higherRankedNotAdmitted: HostReason[] = [];
    for (let e = s; e < stop; e++) {
      const a = hPrefApp[e]!;
      if (match[a] === h) continue;
      const applicant = applicantIds[a]!;
      const hostRankOfApplicant = e - s + 1;
      const k = hPrefAppRank[e]!;
      if (k < 0) {
        higherRankedNotAdmitted.push({ code: "APPLICANT_DID_NOT_RANK_HOST", applicant, hostRankOfApplicant });
        continue;
      }
      const m = match[a]!;
      const matchedHost = m >= 0 ? hostIds[m]! : null;
      const applicantRankOfMatchedHost = m >= 0 ? matchRank[a]! + 1 : null;
      if (m >= 0 && matchRank[a]! < k) {
        higherRankedNotAdmitted.push({
          code: "APPLICANT_MATCHED_HIGHER_CHOICE",
          applicant,
          hostRankOfApplicant,
          applicantRankOfHost: k + 1,
          matchedHost: matchedHost!,
          applicantRankOfMatchedHost: matchRank[a]! + 1,
        });
      } else if (hasRoom && regionFull(h) && !(worst[h]! > e - s)) {
        const g = hostRegion[h]!;
        higherRankedNotAdmitted.push({
          code: "REGION_CAP_REACHED",
          applicant,
          hostRankOfApplicant,
          applicantRankOfHost: k + 1,
          matchedHost,
          applicantRankOfMatchedHost,
          region: regionIds[g]!,
          regionCap: regionCap[g]!,
        });
      } else {
        higherRankedNotAdmitted.push({
          code: "BLOCKING_PAIR",
          applicant,
          hostRankOfApplicant,
          applicantRankOfHost: k + 1,
          matchedHost,
          applicantRankOfMatchedHost,
        });
      }
    }
    hosts[hostIds[h]!] = {
      capacity: capacity[h]!,
      filled: filled[h]!,
      lowestAdmittedRank: worst[h]! >= 0 ? worst[h]! + 1 : null,
      higherRankedNotAdmitted,
    };
  }
  return { applicants, hosts };
}
