/**
 * Who an invitation to an interview stage goes to (issue 14, ADR 0033): every
 * screened applicant not invited yet, the top N of the screening ranking, or a
 * hand-picked list of receipt numbers. The ranking is the normalized document
 * score screening recorded (highest first; no score last), then the receipt
 * number. People already invited to the stage are never invited twice: in the
 * top N they still count as one of the N (so "top 100" then "top 150" invites
 * 50 more), and they are reported apart. Pure: the service loads the
 * candidates and writes the invitations.
 */

export type InviteeChoice =
  { readonly mode: "all" } | { readonly mode: "top"; readonly count: number } | { readonly mode: "list"; readonly receiptNumbers: readonly string[] };

export interface InviteeCandidate {
  readonly id: string;
  readonly receiptNumber: string | null;
  /** screening's normalized document score 0–100, null when none was recorded */
  readonly documentScore: number | null;
  /** already invited to this stage */
  readonly invited: boolean;
}

export interface InviteeSelection<C extends InviteeCandidate> {
  /** to invite now, in ranking order */
  readonly chosen: C[];
  /** chosen by the rule but already invited to the stage (nothing is sent to them) */
  readonly alreadyInvited: C[];
  /** receipt numbers of a hand-picked list that match no screened applicant of the round */
  readonly unknown: string[];
}

/** The screening ranking: document score descending (missing last), then receipt number, then id. */
export function rankForInvitation<C extends InviteeCandidate>(candidates: readonly C[]): C[] {
  return [...candidates].sort((a, b) => {
    const sa = a.documentScore ?? Number.NEGATIVE_INFINITY;
    const sb = b.documentScore ?? Number.NEGATIVE_INFINITY;
    if (sa !== sb) return sb - sa;
    const ra = a.receiptNumber ?? "\uffff";
    const rb = b.receiptNumber ?? "\uffff";
    if (ra !== rb) return ra < rb ? -1 : 1;
    return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
  });
}

/** Splits a typed list of receipt numbers (lines, commas, spaces) into distinct upper-case numbers, in order. */
export function parseReceiptNumbers(text: string): string[] {
  const seen = new Set<string>();
  for (const part of text.split(/[\s,;、]+/u)) {
    const n = part.trim().toUpperCase();
    if (n !== "") seen.add(n);
  }
  return [...seen];
}

export function chooseInvitees<C extends InviteeCandidate>(candidates: readonly C[], choice: InviteeChoice): InviteeSelection<C> {
  const ranked = rankForInvitation(candidates);
  let picked: C[];
  let unknown: string[] = [];
  if (choice.mode === "all") picked = ranked;
  else if (choice.mode === "top") picked = ranked.slice(0, Math.max(0, Math.floor(choice.count)));
  else {
    const wanted = new Set(choice.receiptNumbers.map((r) => r.toUpperCase()));
    picked = ranked.filter((c) => c.receiptNumber !== null && wanted.has(c.receiptNumber.toUpperCase()));
    const found = new Set(picked.map((c) => c.receiptNumber!.toUpperCase()));
    unknown = choice.receiptNumbers.filter((r) => !found.has(r.toUpperCase()));
  }
  return { chosen: picked.filter((c) => !c.invited), alreadyInvited: picked.filter((c) => c.invited), unknown };
}
