/**
 * Host training and final presentations (issue 16 items 2 and 6, ADR 0038) on
 * PGlite and PostgreSQL: a module's check fails with the wrong questions named
 * and passes with every answer right (once); the operator schedules a kick-off
 * and records attendance; the completion lists (host member, org admin,
 * operator); the round setting (audited) and the placements whose supervisor
 * is not ready; slides upload and who may download them. Slides are checked
 * for malware by a real clamd (support/clamd.ts, ADR 0028) when a scanner is
 * configured: pending slides are served to no one until the scan job finds
 * them clean; infected ones are deleted, audited, shown with the signature and
 * replaced by a new upload; a failed attempt is retried after its back-off, a
 * claim whose process died is taken over after the lease, and a verdict about
 * slides the intern replaced meanwhile is not written onto the replacement.
 * Without a scanner slides are "not scanned" and served at once.
 */
import { existsSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { scanPendingUploads } from "#src/jobs/scan-uploads.ts";
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
import { type MalwareScanner, createClamdScanner } from "#src/services/malware/clamd-scanner.ts";
import { insertAcceptedOffer } from "../support/phase-inputs/offers.ts";
import { CLAMD_BINARY, TEST_MALWARE_MARKER, TEST_SIGNATURE_NAME, type TestClamd, startTestClamd } from "./support/clamd.ts";
import { DATABASE_KINDS, type TestEnv, actorFor, createUser, useTestDatabase } from "./support/databases.ts";
import { caught, refusalOf, validationErrorOf } from "./support/expect-errors.ts";
import { insertRound, orgWithMember } from "./support/internship.ts";

const RIGHT = {
  program: { q1: "b", q2: "a", q3: "c" },
  supervision: { q1: "c", q2: "a" },
  safety: { q1: "a", q2: "b", q3: "b" },
} as const;

const pdf = (text: string) => new File([`%PDF-1.4\n${text}\n%%EOF`], "final slides.pdf", { type: "application/pdf" });

if (!CLAMD_BINARY) console.warn("host-training.test.ts: slides malware-scan tests SKIPPED — no clamd binary (install Debian's clamav-daemon to run them)");
/** One clamd for the file (both databases), started only when installed. */
let clamd: TestClamd | undefined;
beforeAll(async () => {
  if (CLAMD_BINARY) clamd = await startTestClamd();
}, 90_000);
afterAll(async () => {
  await clamd?.stop();
});

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
    // No scanner configured: not scanned, served at once, and the pages say so; the scan job has nothing to do.
    expect(env.ctx.scanner ?? null).toBeNull();
    expect(slides).toEqual([{ placement_id: placementId, scan_status: "not_scanned", content_type: "application/pdf" }]);
    expect((await getMyPresentation(env.ctx, intern)).presentation?.slides).toMatchObject({ scanStatus: "not_scanned", signature: null });
    expect(await scanPendingUploads({ ...env.ctx, scanner: null }, env.clock.now())).toEqual({ clean: 0, infected: 0, failed: 0 });

    for (const who of [intern, admin.actor, supervisor, operator]) {
      const got = await getPresentationSlides(env.ctx, who, placementId);
      expect(new TextDecoder().decode(got.bytes)).toContain("second");
      expect(got.fileName).toBe("final slides.pdf");
    }
    expect(await caught(getPresentationSlides(env.ctx, otherIntern, placementId))).toBeInstanceOf(ForbiddenError);
    expect(await caught(getPresentationSlides(env.ctx, otherHost, placementId))).toBeInstanceOf(ForbiddenError);
    expect(await caught(getPresentationSlides(env.ctx, null, placementId))).toBeInstanceOf(UnauthenticatedError);

    const list = await listRoundPresentations(env.ctx, operator, roundId);
    expect(list.placements.map((p) => [p.internName, p.presentation.startsAt, p.presentation.slides?.fileName, p.presentation.slides?.scanStatus])).toEqual([
      ["Nguyen An", "2027-12-21T15:00", "final slides.pdf", "not_scanned"],
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
    const uploads = await env.db
      .selectFrom("audit_log")
      .select("after")
      .where("entity_id", "=", placementId)
      .where("action", "=", "presentation.slides_upload")
      .execute();
    expect(uploads.map((u) => (u.after as { scan: string }).scan)).toEqual(["not_scanned", "not_scanned"]);
  });

  describe.skipIf(!CLAMD_BINARY)("slides checked for malware by a real clamd (ADR 0028)", () => {
    const withScanner = (scanner: MalwareScanner): TestEnv["ctx"] => ({ ...env.ctx, scanner });
    const socketScanner = () => createClamdScanner({ socketPath: clamd!.socketPath });
    const slidesRow = () => env.db.selectFrom("presentation_slides").selectAll().where("placement_id", "=", placementId).executeTakeFirstOrThrow();
    const stored = (key: string) => existsSync(path.join(path.dirname(env.outboxDir), "documents", key.slice(0, 2), key));
    const slidesView = async () => (await getMyPresentation(env.ctx, intern)).presentation?.slides;
    const downloaded = async (who: Actor) => new TextDecoder().decode((await getPresentationSlides(env.ctx, who, placementId)).bytes);
    const infectedPdf = () => pdf(`1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n% ${TEST_MALWARE_MARKER}\ntrailer << /Root 1 0 R >>`);

    it("clean slides wait as being checked — no download for anyone, the intern included — until clamd finds them clean", async () => {
      const ctx = withScanner(socketScanner());
      const { id } = await uploadPresentationSlides(ctx, intern, { file: pdf("checked copy") });
      expect(await slidesRow()).toMatchObject({ id, scan_status: "pending", scan_attempts: 0, scan_claimed_at: null, scanned_at: null });
      for (const who of [intern, supervisor, admin.actor, operator]) {
        expect(await caught(getPresentationSlides(ctx, who, placementId))).toBeInstanceOf(NotFoundError);
      }
      expect(await slidesView()).toMatchObject({ fileName: "final slides.pdf", scanStatus: "pending", signature: null });
      expect((await getHostPlacementExtras(env.ctx, supervisor, placementId)).presentation.slides?.scanStatus).toBe("pending");
      expect((await listRoundPresentations(env.ctx, operator, roundId)).placements[0]?.presentation.slides?.scanStatus).toBe("pending");
      const upload = await env.db
        .selectFrom("audit_log")
        .select("after")
        .where("action", "=", "presentation.slides_upload")
        .where("entity_id", "=", placementId)
        .execute();
      expect(upload.map((u) => u.after)).toContainEqual(expect.objectContaining({ slides: id, scan: "pending" }));

      expect(await scanPendingUploads(ctx, env.clock.now())).toEqual({ clean: 1, infected: 0, failed: 0 });
      const row = await slidesRow();
      expect(row).toMatchObject({ id, scan_status: "clean", scan_attempts: 1, scan_claimed_at: null, scan_next_at: null, scan_finding: null });
      expect(row.scanned_at).not.toBeNull();
      expect(await slidesView()).toMatchObject({ scanStatus: "clean", signature: null });
      for (const who of [intern, supervisor, operator]) expect(await downloaded(who)).toContain("checked copy");
      expect(await scanPendingUploads(ctx, env.clock.now())).toEqual({ clean: 0, infected: 0, failed: 0 });
    });

    it("infected slides: the file is deleted, the finding audited (system), no download, the pages show the signature; a new upload replaces them", async () => {
      const ctx = withScanner(createClamdScanner({ host: clamd!.host, port: clamd!.port }));
      const { id } = await uploadPresentationSlides(ctx, intern, { file: infectedPdf() });
      const before = await slidesRow();
      expect(before).toMatchObject({ id, scan_status: "pending" });
      expect(stored(before.storage_key)).toBe(true);

      expect(await scanPendingUploads(ctx, env.clock.now())).toEqual({ clean: 0, infected: 1, failed: 0 });
      const row = await slidesRow();
      expect(row).toMatchObject({ id, scan_status: "infected", scan_claimed_at: null, scan_finding: expect.stringContaining(TEST_SIGNATURE_NAME) });
      expect(row.scanned_at).not.toBeNull();
      expect(stored(row.storage_key)).toBe(false);
      for (const who of [intern, supervisor, operator]) {
        expect(await caught(getPresentationSlides(ctx, who, placementId))).toBeInstanceOf(NotFoundError);
      }
      const infected = { fileName: "final slides.pdf", scanStatus: "infected", signature: expect.stringContaining(TEST_SIGNATURE_NAME) };
      expect(await slidesView()).toMatchObject(infected);
      expect((await getHostPlacementExtras(env.ctx, supervisor, placementId)).presentation.slides).toMatchObject(infected);
      expect((await listRoundPresentations(env.ctx, operator, roundId)).placements[0]?.presentation.slides).toMatchObject(infected);

      const audit = await env.db
        .selectFrom("audit_log")
        .selectAll()
        .where("action", "=", "presentation.slides_infected")
        .where("entity_id", "=", placementId)
        .execute();
      expect(audit).toHaveLength(1);
      expect(audit[0]).toMatchObject({ actor_role: "system", actor_user_id: null, entity_type: "placement" });
      expect(audit[0]!.after).toEqual({ slides: id, signature: row.scan_finding, sha256: row.sha256, scanner: ctx.scanner!.describe });

      // The intern uploads a clean copy: it replaces the rejected slides and is checked afresh.
      const { id: again } = await uploadPresentationSlides(ctx, intern, { file: pdf("clean copy") });
      expect(await slidesRow()).toMatchObject({ id: again, scan_status: "pending", scan_attempts: 0, scan_finding: null, scanned_at: null });
      expect(await slidesView()).toMatchObject({ scanStatus: "pending", signature: null });
      expect(await scanPendingUploads(ctx, env.clock.now())).toEqual({ clean: 1, infected: 0, failed: 0 });
      expect(await slidesRow()).toMatchObject({ id: again, scan_status: "clean" });
      expect(await downloaded(operator)).toContain("clean copy");
    });

    it("clamd down: the slides stay pending with the reason (not shown to the intern) and are tried again after the back-off", async () => {
      const down = withScanner(createClamdScanner({ socketPath: path.join(clamd!.dir, "down.sock") }));
      const { id } = await uploadPresentationSlides(down, intern, { file: pdf("while down") });
      expect(await scanPendingUploads(down, env.clock.now())).toEqual({ clean: 0, infected: 0, failed: 1 });
      const row = await slidesRow();
      expect(row).toMatchObject({ id, scan_status: "pending", scan_attempts: 1, scan_claimed_at: null, scan_finding: expect.stringContaining("down.sock") });
      expect(row.scan_next_at!.getTime()).toBe(env.clock.now().getTime() + 5_000);
      expect(await slidesView()).toMatchObject({ scanStatus: "pending", signature: null });
      // Not due yet, even with clamd back.
      expect(await scanPendingUploads(withScanner(socketScanner()), env.clock.now())).toEqual({ clean: 0, infected: 0, failed: 0 });
      env.clock.advance(5_000);
      expect(await scanPendingUploads(withScanner(socketScanner()), env.clock.now())).toEqual({ clean: 1, infected: 0, failed: 0 });
      expect(await slidesRow()).toMatchObject({ id, scan_status: "clean", scan_attempts: 2, scan_finding: null, scan_next_at: null });
    });

    it("a claim left by a process that died is taken over after the lease", async () => {
      const ctx = withScanner(socketScanner());
      const { id } = await uploadPresentationSlides(ctx, intern, { file: pdf("abandoned") });
      await env.db.updateTable("presentation_slides").set({ scan_claimed_at: env.clock.now(), scan_attempts: 1 }).where("id", "=", id).execute();
      expect(await scanPendingUploads(ctx, env.clock.now())).toEqual({ clean: 0, infected: 0, failed: 0 });
      env.clock.advance(5 * 60_000 - 1);
      expect(await scanPendingUploads(ctx, env.clock.now())).toEqual({ clean: 0, infected: 0, failed: 0 });
      env.clock.advance(2);
      expect(await scanPendingUploads(ctx, env.clock.now())).toEqual({ clean: 1, infected: 0, failed: 0 });
      expect(await slidesRow()).toMatchObject({ id, scan_status: "clean", scan_attempts: 2, scan_claimed_at: null });
    });

    it("slides replaced while being scanned: the verdict on the old file is not written onto the replacement", async () => {
      const clamdScanner = socketScanner();
      let replacement: string | undefined;
      const ctx: TestEnv["ctx"] = { ...env.ctx, scanner: null };
      // The intern uploads new slides while clamd is still reading the old (infected) ones.
      const racing: MalwareScanner = {
        describe: clamdScanner.describe,
        async scan(bytes) {
          if (!replacement) replacement = (await uploadPresentationSlides(ctx, intern, { file: pdf("replacement") })).id;
          return clamdScanner.scan(bytes);
        },
      };
      ctx.scanner = racing;
      const { id } = await uploadPresentationSlides(ctx, intern, { file: infectedPdf() });
      expect(await scanPendingUploads(ctx, env.clock.now())).toEqual({ clean: 0, infected: 0, failed: 0 });
      const row = await slidesRow();
      expect(row).toMatchObject({ id: replacement, scan_status: "pending", scan_attempts: 0, scan_finding: null });
      expect(stored(row.storage_key)).toBe(true);
      const findings = await env.db.selectFrom("audit_log").select("after").where("action", "=", "presentation.slides_infected").execute();
      expect(findings.map((f) => (f.after as { slides: string }).slides)).not.toContain(id);
      expect(await scanPendingUploads(withScanner(clamdScanner), env.clock.now())).toEqual({ clean: 1, infected: 0, failed: 0 });
      expect(await downloaded(intern)).toContain("replacement");
    });
  });
});
