/** Who an interview invitation goes to: all, the top N of the screening ranking, or a hand-picked list (ADR 0033). */
import { describe, expect, it } from "vitest";
import { chooseInvitees, parseReceiptNumbers, rankForInvitation, type InviteeCandidate } from "#src/domain/interviews/index.ts";

const c = (id: string, documentScore: number | null, invited = false, receiptNumber: string | null = `R-${id}`): InviteeCandidate => ({
  id,
  receiptNumber,
  documentScore,
  invited,
});
const people = [c("a", 70), c("b", 90), c("c", null), c("d", 90, true), c("e", 80)];

describe("chooseInvitees", () => {
  it("ranks by document score, highest first, no score last, ties by receipt number", () => {
    expect(rankForInvitation(people).map((p) => p.id)).toEqual(["b", "d", "e", "a", "c"]);
  });

  it("invites everyone not invited yet", () => {
    const out = chooseInvitees(people, { mode: "all" });
    expect(out.chosen.map((p) => p.id)).toEqual(["b", "e", "a", "c"]);
    expect(out.alreadyInvited.map((p) => p.id)).toEqual(["d"]);
  });

  it("takes the top N; someone already invited still counts as one of the N", () => {
    const out = chooseInvitees(people, { mode: "top", count: 3 });
    expect(out.chosen.map((p) => p.id)).toEqual(["b", "e"]);
    expect(out.alreadyInvited.map((p) => p.id)).toEqual(["d"]);
    expect(chooseInvitees(people, { mode: "top", count: 0 }).chosen).toEqual([]);
    expect(chooseInvitees(people, { mode: "top", count: 99 }).chosen).toHaveLength(4);
  });

  it("takes a hand-picked list in ranking order and names the receipt numbers it does not know", () => {
    const out = chooseInvitees(people, { mode: "list", receiptNumbers: ["r-c", "R-A", "R-ZZ", "R-D"] });
    expect(out.chosen.map((p) => p.id)).toEqual(["a", "c"]);
    expect(out.alreadyInvited.map((p) => p.id)).toEqual(["d"]);
    expect(out.unknown).toEqual(["R-ZZ"]);
  });

  it("reads a typed list of receipt numbers", () => {
    expect(parseReceiptNumbers(" jip26-001, JIP26-002\nJIP26-001 ;\n\n jip26-003 ")).toEqual(["JIP26-001", "JIP26-002", "JIP26-003"]);
    expect(parseReceiptNumbers("  \n ")).toEqual([]);
  });
});
