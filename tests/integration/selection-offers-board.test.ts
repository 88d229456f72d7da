/**
 * The committee page's waiting-list offers (issue 14, ADR 0033) on PGlite and
 * PostgreSQL: the operator sets how long an offer stays open (1 to 60 days,
 * audited, also after the results are final) and the next offer takes that
 * deadline; the page lists open, accepted, declined and lapsed offers with
 * their deadlines, a lapsed one even before the deadline job has run.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { expireSelectionOffers } from "#src/jobs/selection-jobs.ts";
import { applySelectionSuggestion } from "#src/services/selection/apply-selection-suggestion.ts";
import { declineSelectedPlace } from "#src/services/selection/decline-selected-place.ts";
import { finalizeSelection } from "#src/services/selection/finalize-selection.ts";
import { getSelectionBoard } from "#src/services/selection/get-selection-board.ts";
import { respondToSelectionOffer } from "#src/services/selection/respond-to-selection-offer.ts";
import { updateSelectionOfferDays } from "#src/services/selection/update-selection-offer-days.ts";
import type { Actor } from "#src/services/context.ts";
import { ForbiddenError, ValidationError } from "#src/services/errors.ts";
import { DATABASE_KINDS, actorFor, createUser, useTestDatabase } from "./support/databases.ts";
import { insertSelectionRound, screenedApplicant } from "./support/selection.ts";
import { caught } from "./support/expect-errors.ts";

const DAY_MS = 24 * 3600_000;

describe.each(DATABASE_KINDS)("selection offers on the committee page on %s", (kind) => {
  const env = useTestDatabase(kind);
  let operator: Actor;
  let reviewer: Actor;

  beforeAll(async () => {
    operator = actorFor(await createUser(env, "operator"));
    reviewer = actorFor(await createUser(env, "reviewer"));
  });

  it("sets the days an offer stays open: 1 to 60, operators only, audited with before and after", async () => {
    const round = await insertSelectionRound(env, 1);
    expect((await getSelectionBoard(env.ctx, operator, round)).round.offerDays).toBe(7);
    for (const bad of ["0", "61", "", "two"]) {
      const err = await caught(updateSelectionOfferDays(env.ctx, operator, round, { offerDays: bad }));
      expect(err, bad).toBeInstanceOf(ValidationError);
    }
    expect(await caught(updateSelectionOfferDays(env.ctx, reviewer, round, { offerDays: "14" }))).toBeInstanceOf(ForbiddenError);
    expect((await getSelectionBoard(env.ctx, operator, round)).round.offerDays).toBe(7);
    await updateSelectionOfferDays(env.ctx, operator, round, { offerDays: "60" });
    await updateSelectionOfferDays(env.ctx, operator, round, { offerDays: "1" });
    expect((await getSelectionBoard(env.ctx, operator, round)).round.offerDays).toBe(1);
    const audit = await env.db
      .selectFrom("audit_log")
      .select(["before", "after", "actor_user_id"])
      .where("action", "=", "selection.offer_days_updated")
      .where("entity_id", "=", round)
      .orderBy("id")
      .execute();
    expect(audit.map((a) => [a.before, a.after])).toEqual([
      [{ offerDays: 7 }, { offerDays: 60 }],
      [{ offerDays: 60 }, { offerDays: 1 }],
    ]);
    expect(audit.every((a) => a.actor_user_id === operator.userId)).toBe(true);
  });

  it("audits the decisions and final results, then lists open, accepted, declined and lapsed offers with the deadline the round set", async () => {
    try {
      const round = await insertSelectionRound(env, 1);
      const [b1, b2, b3, b4, b5] = [
        await screenedApplicant(env, round, "VN", 90),
        await screenedApplicant(env, round, "ID", 80),
        await screenedApplicant(env, round, "TH", 70),
        await screenedApplicant(env, round, "KE", 60),
        await screenedApplicant(env, round, "PE", 50),
      ];
      await applySelectionSuggestion(env.ctx, operator, round, { waitlistLength: "4" });
      await finalizeSelection(env.ctx, operator, round);
      expect((await getSelectionBoard(env.ctx, operator, round)).offers).toEqual([]);
      // the committee's decisions and the final results are audited, by the operator
      const decided = await env.db
        .selectFrom("audit_log")
        .select(["entity_id", "actor_user_id", "after"])
        .where("action", "=", "selection.decided")
        .where(
          "entity_id",
          "in",
          [b1, b2, b3, b4, b5].map((b) => b.applicationId),
        )
        .execute();
      expect(decided.map((d) => d.entity_id).sort()).toEqual([b1, b2, b3, b4, b5].map((b) => b.applicationId).sort());
      expect(decided.find((d) => d.entity_id === b1.applicationId)!.after).toMatchObject({ decision: "selected", bySuggestion: true });
      expect(decided.find((d) => d.entity_id === b5.applicationId)!.after).toMatchObject({ decision: "waitlisted", waitlistRank: 4 });
      expect(decided.every((d) => d.actor_user_id === operator.userId)).toBe(true);
      const finalized = await env.db
        .selectFrom("audit_log")
        .select("after")
        .where("action", "=", "selection.finalized")
        .where("entity_id", "=", round)
        .execute();
      expect(finalized.map((f) => f.after)).toEqual([{ selected: 1, waitlisted: 4, rejected: 0 }]);
      // set after the results are final: the next offer takes 14 days
      await updateSelectionOfferDays(env.ctx, operator, round, { offerDays: "14" });

      await declineSelectedPlace(env.ctx, b1.actor, {}); // b2 offered
      const first = (await getSelectionBoard(env.ctx, operator, round)).offers;
      expect(first).toHaveLength(1);
      expect(first[0]).toMatchObject({ state: "open", receiptNumber: expect.any(String), waitlistPosition: 1 });
      expect(first[0]!.expiresAt.getTime() - first[0]!.offeredAt.getTime()).toBe(14 * DAY_MS);

      await respondToSelectionOffer(env.ctx, b2.actor, { answer: "accept" }); // b2 selected
      await declineSelectedPlace(env.ctx, b2.actor, {}); // b3 offered
      await respondToSelectionOffer(env.ctx, b3.actor, { answer: "decline" }); // b4 offered
      env.clock.advance(14 * DAY_MS + 60_000);
      const byApp = async () => {
        const board = await getSelectionBoard(env.ctx, operator, round);
        const receipt = new Map(
          (await env.db.selectFrom("applications").select(["id", "receipt_number"]).where("round_id", "=", round).execute()).map((a) => [
            a.receipt_number,
            a.id,
          ]),
        );
        return board.offers.map((o) => [receipt.get(o.receiptNumber), o.state]);
      };
      // b4's offer is past its deadline: lapsed on the page before the job has run
      const asSet = (rows: unknown[][]) => new Set(rows.map((x) => JSON.stringify(x)));
      expect(asSet(await byApp())).toEqual(
        asSet([
          [b4.applicationId, "lapsed"],
          [b3.applicationId, "declined"],
          [b2.applicationId, "accepted"],
        ]),
      );
      await expireSelectionOffers(env.ctx, env.clock.now()); // b5 offered
      const after = await byApp();
      expect(after[0]).toEqual([b5.applicationId, "open"]);
      expect(asSet(after.slice(1))).toEqual(
        asSet([
          [b4.applicationId, "lapsed"],
          [b3.applicationId, "declined"],
          [b2.applicationId, "accepted"],
        ]),
      );
    } finally {
      env.clock.reset();
    }
  });
});
