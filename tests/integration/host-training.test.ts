/**
 * Host training and final presentations (issue 16 items 2 and 6, ADR 0038) on
 * PGlite and PostgreSQL: a module's check fails with the wrong questions named
 * and passes with every answer right (once); the operator schedules a kick-off
 * and records attendance; the completion lists (host member, org admin,
 * operator); the round setting (audited) and the placements whose supervisor
 * is not ready; slides upload and who may download them.
 */
import { beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "#src/services/context.ts";
import { ForbiddenError, NotFoundError, UnauthenticatedError } from "#src/services/errors.ts";
import { completeTrainingModule, getTrainingModule } from "#src/services/host-training/complete-training-module.ts";
import { getMyTraining } from "#src/services/host-training/get-my-training.ts";
import { getRoundTraining, recordTrainingAttendance, scheduleTrainingSession, setTrainingRequirement } from "#src/services/host-training/round-training.ts";
import { createPlacementFromOffer } from "#src/services/internship/create-placement-from-offer.ts";
import {
  getMyPresentation,
  getPresentationSlides,
  listRoundPresentations,
  scheduleFinalPresentation,
  uploadPresentationSlides,
} from "#src/services/internship/final-presentations.ts";
import { getHostPlacementExtras } from "#src/services/internship/get-host-placement-extras.ts";
import { insertAcceptedOffer } from "../support/phase-inputs/offers.ts";
import { DATABASE_KINDS, actorFor, createUser, useTestDatabase } from "./support/databases.ts";
import { caught, refusalOf, validationErrorOf } from "./support/expect-errors.ts";
import { insertRound, orgWithMember } from "./support/internship.ts";

const RIGHT = {
  program: { q1: "b", q2: "a", q3: "c" },
  supervision: { q1: "c", q2: "a" },
  safety: { q1: "a", q2: "b", q3: "b" },
} as const;

const pdf = (text: string) => new File([`%PDF-1.4\n${text}\n%%EOF`], "final slides.pdf", { type: "application/pdf" });

describe.each(DATABASE_KINDS)("%s", (kind) => {
  const env = useTestDatabase(kind);
  let operator: Actor;
  let admin: { orgId: string; actor: Actor };
  let supervisor: Actor;
  let otherHost: Actor;
  let intern: Actor;
  let otherIntern: Actor;
  let roundId: string;
  let placementId: string;

  beforeAll(async () => {
    operator = actorFor(await createUser(env, "operator"));
    admin = await orgWithMember(env, "みどり工業");
    const sup = await createUser(env, "host", { name: "Supervisor Sato" });
    await env.db.insertInto("host_memberships").values({ organization_id: admin.orgId, user_id: sup.id, org_role: "member" }).execute();
    supervisor = actorFor(sup);
    otherHost = (await orgWithMember(env, "あおば商事")).actor;
    const internUser = await createUser(env, "applicant", { name: "Intern" });
    intern = actorFor(internUser);
    otherIntern = actorFor(await createUser(env, "applicant", { name: "Other intern" }));
    roundId = await insertRound(env, `FY2027 training ${kind}`);
    const offer = await insertAcceptedOffer(env.db, {
      roundId,
      organizationId: admin.orgId,
      intern: { familyName: "Nguyen", givenName: "An", nationality: "VN", userId: internUser.id },
    });
    env.clock.set("2027-09-01T03:00:00Z");
    ({ id: placementId } = await createPlacementFromOffer(env.ctx, operator, {
      offerId: offer.offerId,
      cohort: "A",
      startsOn: "2027-10-01",
      endsOn: "2027-12-24",
      supervisorUserId: sup.id,
    }));
  });

  it("a module's check names the wrong answers, then records the completion once when all are right", async () => {
    const page = await getTrainingModule(env.ctx, supervisor, "program");
    expect(page.module.questions.map((q) => q.id)).toEqual(["q1", "q2", "q3"]);
    expect(page.completedAt).toBeNull();

    const wrong = await validationErrorOf(completeTrainingModule(env.ctx, supervisor, "program", { q1: "b", q2: "c" }));
    expect(wrong.fieldErrors).toEqual({ q2: [{ key: "hostTraining.errors.wrongAnswer" }], q3: [{ key: "errors.chooseOne" }] });
    expect(await env.db.selectFrom("training_completions").selectAll().execute()).toHaveLength(0);

    expect(await completeTrainingModule(env.ctx, supervisor, "program", RIGHT.program)).toEqual({ module: "program", firstTime: true });
    expect(await completeTrainingModule(env.ctx, supervisor, "program", RIGHT.program)).toEqual({ module: "program", firstTime: false });
    expect((await getTrainingModule(env.ctx, supervisor, "program")).completedAt).toBe("2027-09-01");
    const audit = await env.db.selectFrom("audit_log").select("action").where("action", "=", "training.module.complete").execute();
    expect(audit).toHaveLength(1);

    expect(await caught(getTrainingModule(env.ctx, supervisor, "nope"))).toBeInstanceOf(NotFoundError);
    expect(await caught(completeTrainingModule(env.ctx, intern, "program", RIGHT.program))).toBeInstanceOf(ForbiddenError);
  });

  it("lists the placement while its supervisor lacks modules and the kick-off; the setting holds it back", async () => {
    let view = await getRoundTraining(env.ctx, operator, roundId);
    expect(view.round.trainingBeforeStart).toBe(false);
    expect(view.unready.map((p) => [p.internName, p.supervisorName, p.issues, p.block])).toEqual([
      ["Nguyen An", "Supervisor Sato", [{ code: "modules_missing", modules: ["supervision", "safety"] }, { code: "kick_off_missing" }], "none"],
    ]);

    await setTrainingRequirement(env.ctx, operator, roundId, { required: "yes" });
    view = await getRoundTraining(env.ctx, operator, roundId);
    expect(view.round.trainingBeforeStart).toBe(true);
    expect(view.unready[0]!.block).toBe("blocked");
    expect((await getHostPlacementExtras(env.ctx, admin.actor, placementId)).training.block).toBe("blocked");
    const setting = await env.db.selectFrom("audit_log").select(["before", "after"]).where("action", "=", "training.requirement.set").execute();
    expect(setting.map((a) => [a.before, a.after])).toEqual([[{ trainingBeforeStart: false }, { trainingBeforeStart: true }]]);
    expect(await caught(setTrainingRequirement(env.ctx, admin.actor, roundId, { required: "no" }))).toBeInstanceOf(ForbiddenError);

    // once its first day has come, the placement shows as started without a trained supervisor
    env.clock.set("2027-10-02T03:00:00Z");
    expect((await getRoundTraining(env.ctx, operator, roundId)).unready[0]!.block).toBe("started_untrained");
    env.clock.set("2027-09-01T03:00:00Z");
  });

  it("schedules a kick-off, records attendance, and the placement is ready once the supervisor completed everything", async () => {
    const bad = await validationErrorOf(scheduleTrainingSession(env.ctx, operator, roundId, { kind: "kick_off", startsAt: "2027-09-20T14:00" }));
    expect(Object.keys(bad.fieldErrors)).toEqual(["place"]);
    const badLink = await validationErrorOf(
      scheduleTrainingSession(env.ctx, operator, roundId, { kind: "kick_off", startsAt: "2027-09-20T14:00", onlineUrl: "javascript:alert(1)" }),
    );
    expect(Object.keys(badLink.fieldErrors)).toEqual(["onlineUrl"]);
    const { id: kickOff } = await scheduleTrainingSession(env.ctx, operator, roundId, {
      kind: "kick_off",
      startsAt: "2027-09-20T14:00",
      place: "JIP office, Tokyo",
    });
    const { id: followUp } = await scheduleTrainingSession(env.ctx, operator, roundId, {
      kind: "follow_up",
      startsAt: "2027-11-10T10:00",
      onlineUrl: "https://meet.example.org/jip",
    });

    // a host member of another round's organization cannot be recorded as attending
    const stranger = await refusalOf(recordTrainingAttendance(env.ctx, operator, roundId, { sessionId: kickOff, attendees: [otherHost.userId] }));
    expect(stranger.refusals.map((r) => r.code)).toEqual(["not_a_member"]);
    await recordTrainingAttendance(env.ctx, operator, roundId, { sessionId: kickOff, attendees: [supervisor.userId, admin.actor.userId] });
    // saving again replaces the list
    await recordTrainingAttendance(env.ctx, operator, roundId, { sessionId: kickOff, attendees: [supervisor.userId] });
    await recordTrainingAttendance(env.ctx, operator, roundId, { sessionId: followUp, attendees: [admin.actor.userId] });

    let view = await getRoundTraining(env.ctx, operator, roundId);
    expect(view.sessions.map((s) => [s.kind, s.startsAt, s.place, s.onlineUrl, s.attendees])).toEqual([
      ["kick_off", "2027-09-20T14:00", "JIP office, Tokyo", null, [supervisor.userId]],
      ["follow_up", "2027-11-10T10:00", null, "https://meet.example.org/jip", [admin.actor.userId]],
    ]);
    expect(view.unready[0]!.issues).toEqual([{ code: "modules_missing", modules: ["supervision", "safety"] }]);

    await completeTrainingModule(env.ctx, supervisor, "supervision", RIGHT.supervision);
    await completeTrainingModule(env.ctx, supervisor, "safety", RIGHT.safety);
    view = await getRoundTraining(env.ctx, operator, roundId);
    expect(view.unready).toEqual([]);
    expect(view.members.map((m) => [m.name, m.complete, m.missingModules, m.kickOffMissing])).toEqual([
      ["Supervisor Sato", true, [], false],
      ["みどり工業 staff", false, ["program", "supervision", "safety"], true],
    ]);
    expect((await getHostPlacementExtras(env.ctx, admin.actor, placementId)).training).toEqual({ required: true, issues: [], block: "none" });

    // the member sees their own completion and sessions; the admin sees everyone's
    const mine = await getMyTraining(env.ctx, supervisor);
    expect(mine.isAdmin).toBe(false);
    expect(mine.members).toEqual([]);
    expect(mine.modules.every((m) => m.completedAt === "2027-09-01")).toBe(true);
    expect(mine.sessions.map((s) => [s.kind, s.attended])).toEqual([
      ["kick_off", true],
      ["follow_up", false],
    ]);
    const adminView = await getMyTraining(env.ctx, admin.actor);
    expect(adminView.members.map((m) => [m.name, m.passed.length, m.kickOffAttended, m.sessionsAttended])).toEqual([
      ["Supervisor Sato", 3, true, 1],
      ["みどり工業 staff", 0, false, 1],
    ]);
    // another organization sees none of these sessions
    expect((await getMyTraining(env.ctx, otherHost)).sessions).toEqual([]);
    const actions = await env.db.selectFrom("audit_log").select("action").where("entity_id", "=", roundId).where("action", "like", "training.%").execute();
    expect(actions.map((a) => a.action).sort()).toEqual([
      "training.attendance.record",
      "training.attendance.record",
      "training.attendance.record",
      "training.requirement.set",
      "training.session.schedule",
      "training.session.schedule",
    ]);
  });

  it("schedules the final presentation; the intern uploads slides; the host and the operator download them, others get 403", async () => {
    expect(await caught(scheduleFinalPresentation(env.ctx, admin.actor, { placementId, startsAt: "2027-12-20T15:00", place: "Hall" }))).toBeInstanceOf(
      ForbiddenError,
    );
    await scheduleFinalPresentation(env.ctx, operator, { placementId, startsAt: "2027-12-20T15:00", place: "Hall A" });
    await scheduleFinalPresentation(env.ctx, operator, {
      placementId,
      startsAt: "2027-12-21T15:00",
      place: "Hall B",
      onlineUrl: "https://meet.example.org/final",
    });
    expect((await getMyPresentation(env.ctx, intern)).presentation).toEqual({
      startsAt: "2027-12-21T15:00",
      place: "Hall B",
      onlineUrl: "https://meet.example.org/final",
      slides: null,
    });

    const notSlides = await validationErrorOf(uploadPresentationSlides(env.ctx, intern, { file: new File(["<html>"], "x.pdf") }));
    expect(notSlides.fieldErrors.file).toEqual([{ key: "finalPresentation.errors.fileType" }]);
    const empty = await validationErrorOf(uploadPresentationSlides(env.ctx, intern, { file: null }));
    expect(empty.fieldErrors.file).toEqual([{ key: "errors.fileMissing" }]);
    const big = await validationErrorOf(uploadPresentationSlides(env.ctx, intern, { file: new File([new Uint8Array(10 * 1024 * 1024 + 1)], "big.pdf") }));
    expect(big.fieldErrors.file).toEqual([{ key: "errors.fileTooLarge", params: { max: 10 } }]);
    expect(await caught(uploadPresentationSlides(env.ctx, otherIntern, { file: pdf("x") }))).toBeInstanceOf(NotFoundError);

    await uploadPresentationSlides(env.ctx, intern, { file: pdf("first") });
    await uploadPresentationSlides(env.ctx, intern, { file: pdf("second") });
    const slides = await env.db.selectFrom("presentation_slides").select(["placement_id", "scan_status", "content_type"]).execute();
    expect(slides).toEqual([{ placement_id: placementId, scan_status: "not_scanned", content_type: "application/pdf" }]);

    for (const who of [intern, admin.actor, supervisor, operator]) {
      const got = await getPresentationSlides(env.ctx, who, placementId);
      expect(new TextDecoder().decode(got.bytes)).toContain("second");
      expect(got.fileName).toBe("final slides.pdf");
    }
    expect(await caught(getPresentationSlides(env.ctx, otherIntern, placementId))).toBeInstanceOf(ForbiddenError);
    expect(await caught(getPresentationSlides(env.ctx, otherHost, placementId))).toBeInstanceOf(ForbiddenError);
    expect(await caught(getPresentationSlides(env.ctx, null, placementId))).toBeInstanceOf(UnauthenticatedError);

    const list = await listRoundPresentations(env.ctx, operator, roundId);
    expect(list.placements.map((p) => [p.internName, p.presentation.startsAt, p.presentation.slides?.fileName])).toEqual([
      ["Nguyen An", "2027-12-21T15:00", "final slides.pdf"],
    ]);
    const audit = await env.db
      .selectFrom("audit_log")
      .select("action")
      .where("entity_id", "=", placementId)
      .where("action", "like", "presentation.%")
      .execute();
    expect(audit.map((a) => a.action).sort()).toEqual([
      "presentation.schedule",
      "presentation.schedule",
      "presentation.slides_download",
      "presentation.slides_download",
      "presentation.slides_download",
      "presentation.slides_upload",
      "presentation.slides_upload",
    ]);
  });
});
