/**
 * Shared pieces of the office-shortlist mode (ADR 0037): refusing a rank list that names anyone
 * (or any position) outside the shortlist before it is read.
 */
import { outsideShortlist } from "../../domain/matching/shortlist.ts";
import { RefusedError } from "../errors.ts";

/** The ids a rank list form ranks (non-blank `rank.<id>`), in form order. */
export function rankedIdsOfForm(raw: unknown): string[] {
  const input = raw && typeof raw === "object" ? (raw as Record<string, unknown>) : {};
  const ranks = input.rank && typeof input.rank === "object" ? (input.rank as Record<string, unknown>) : {};
  return Object.keys(ranks).filter((id) => String(ranks[id] ?? "").trim() !== "");
}

/** A rank list form with an entry off the shortlist is refused (409) with `code` and how many. */
export function refuseOutsideShortlist(raw: unknown, shortlist: readonly string[], messages: string, code: string): void {
  const outside = outsideShortlist(rankedIdsOfForm(raw), shortlist);
  if (outside.length > 0) throw new RefusedError(messages, [{ code, count: outside.length }]);
}
