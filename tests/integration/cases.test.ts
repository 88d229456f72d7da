/** Case studies (issue 18) on PGlite and PostgreSQL: drafting, images, review, revisions, publication, the library and its search. */
import { deflateSync } from "node:zlib";
import sharp from "sharp";
import { beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "#src/services/context.ts";
import { ForbiddenError, NotFoundError } from "#src/services/errors.ts";
import { approveCase } from "#src/services/cases/approve-case.ts";
import { commentOnCase } from "#src/services/cases/comment-on-case.ts";
import { createCase } from "#src/services/cases/create-case.ts";
import { editCase } from "#src/services/cases/edit-case.ts";
import { getCaseForEditing } from "#src/services/cases/get-case-for-editing.ts";
import { getCaseRevisionDiff, listCaseRevisions } from "#src/services/cases/list-case-revisions.ts";
import { countCasesByRound, listHostCases, listOperatorCases } from "#src/services/cases/list-cases.ts";
import { getCaseImage, getPublishedCase, libraryFiltersFrom, listLatestCases, listPublishedCases } from "#src/services/cases/public-cases.ts";
import { publishCase } from "#src/services/cases/publish-case.ts";
import { recordInternConsent } from "#src/services/cases/record-intern-consent.ts";
import { removeCaseImage } from "#src/services/cases/remove-case-image.ts";
import { restoreCaseRevision } from "#src/services/cases/restore-case-revision.ts";
import { returnCase } from "#src/services/cases/return-case.ts";
import { saveCaseDraft } from "#src/services/cases/save-case-draft.ts";
import { submitCase } from "#src/services/cases/submit-case.ts";
import { uploadCaseImage } from "#src/services/cases/upload-case-image.ts";
import { withdrawCase } from "#src/services/cases/withdraw-case.ts";
import { insertPlacement } from "../support/phase-inputs/placements.ts";
import { DATABASE_KINDS, type TestEnv, actorFor, createUser, useTestDatabase } from "./support/databases.ts";
import { caught, refusalOf, validationErrorOf } from "./support/expect-errors.ts";

const PAGE = { page: 1, size: 20 };

const JA = {
  title: "ベトナム市場への海外展開",
  summary: "精密部品メーカーがインターン生と市場調査を行い、初の商談につなげた事例。",
  company: "長野県の精密部品メーカー。従業員85名。",
  challenge: "海外の販路がなく、現地の商習慣が分からなかった。",
  internWork: "インターン生が現地企業200社を調査し、商談資料を作成した。<script>alert('x')</script>",
  results: "ハノイの企業2社と商談が始まった。",
};
const EN = {
  title: "Overseas expansion into Vietnam",
  summary: "A precision parts maker researched the market with its intern and held its first talks.",
  company: "A precision parts maker in Nagano with 85 employees.",
  challenge: "No overseas sales channel and little knowledge of local business customs.",
  internWork: "The intern researched 200 local companies and prepared sales materials.",
  results: "Talks began with two companies in Hanoi.",
};

function form(theme: string, ja: Partial<typeof JA>, en: Partial<typeof EN> = {}, extra: Record<string, unknown> = {}) {
  return { theme, internName: "", internNationality: "VN", ja: { ...ja, quotes: { "1": { text: "", by: "" } } }, en: { ...en }, ...extra };
}

async function orgWithMember(env: TestEnv, name: string, prefecture: string, employees: number): Promise<{ orgId: string; actor: Actor }> {
  const orgId = crypto.randomUUID();
  await env.db
    .insertInto("host_organizations")
    .values({
      id: orgId,
      legal_form: "株式会社",
      kind: "sme",
      name_ja: name,
      name_en: `${name} Co.`,
      prefecture_code: prefecture,
      jsic_division: "E",
      employees,
      overseas_status: "planned",
    })
    .execute();
  const user = await createUser(env, "host", { name: `${name} staff` });
  await env.db.insertInto("host_memberships").values({ organization_id: orgId, user_id: user.id, org_role: "admin" }).execute();
  return { orgId, actor: actorFor(user) };
}

async function jpegWithExif(width: number, height: number): Promise<Uint8Array> {
  const buf = await sharp({ create: { width, height, channels: 3, background: { r: 200, g: 80, b: 40 } } })
    .jpeg()
    .withExif({ IFD0: { Copyright: "secret owner", Artist: "Someone" }, IFD3: { GPSLatitudeRef: "N", GPSLatitude: "35/1 40/1 0/1" } })
    .toBuffer();
  return new Uint8Array(buf);
}

/** A PNG that claims 20,000 × 20,000 pixels in its header (a "decompression bomb"); nothing after the header matters. */
function hugePng(): Uint8Array {
  const chunk = (type: string, data: Buffer) => {
    const len = Buffer.alloc(4);
    len.writeUInt32BE(data.length);
    const body = Buffer.concat([Buffer.from(type, "ascii"), data]);
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(crc32(body));
    return Buffer.concat([len, body, crc]);
  };
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(20000, 0);
  ihdr.writeUInt32BE(20000, 4);
  ihdr[8] = 8;
  ihdr[9] = 2;
  return new Uint8Array(
    Buffer.concat([
      Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
      chunk("IHDR", ihdr),
      chunk("IDAT", deflateSync(Buffer.alloc(1000))),
      chunk("IEND", Buffer.alloc(0)),
    ]),
  );
}

function crc32(buf: Buffer): number {
  let c = 0xffffffff;
  for (const b of buf) {
    c ^= b;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  }
  return (c ^ 0xffffffff) >>> 0;
}

const file = (bytes: Uint8Array, name: string, type: string) => new File([bytes as BlobPart], name, { type });

describe.each(DATABASE_KINDS)("%s", (kind) => {
  const env = useTestDatabase(kind);
  let operator: Actor;
  let hostA: { orgId: string; actor: Actor };
  let hostB: { orgId: string; actor: Actor };
  let roundId: string;
  let caseId: string;
  let caseNumber: number;

  beforeAll(async () => {
    operator = actorFor(await createUser(env, "operator"));
    hostA = await orgWithMember(env, "さくら精機", "20", 85);
    hostB = await orgWithMember(env, "博多フーズ", "40", 12);
    roundId = crypto.randomUUID();
    await env.db
      .insertInto("rounds")
      .values({
        id: roundId,
        fiscal_year: 2027,
        name_ja: "2027年度",
        name_en: `FY2027 ${kind}`,
        phase: "reporting",
        eligibility_reference_date: "2027-04-01",
        dac_list_version: "2024-2025",
      })
      .execute();
  });

  it("a host drafts a case; markup is kept as typed text; each save is a revision", async () => {
    ({ id: caseId, number: caseNumber } = await createCase(env.ctx, hostA.actor, { theme: "overseas_expansion", roundId }));
    const saved = await saveCaseDraft(env.ctx, hostA.actor, { caseId, form: form("overseas_expansion", JA), baseRevision: "1" });
    expect(saved.revision).toBe(2);
    expect(saved.changed).toContain("ja.internWork");
    const c = await getCaseForEditing(env.ctx, hostA.actor, caseId);
    expect(c.content.ja.internWork).toContain("<script>alert('x')</script>");
    expect(c.complete).toEqual({ ja: true, en: false });
    expect(c.can).toMatchObject({ edit: true, submit: true, publish: false });
    // Saving the same text again writes nothing.
    expect((await saveCaseDraft(env.ctx, hostA.actor, { caseId, form: form("overseas_expansion", JA) })).revision).toBe(2);
  });

  it("refuses a save made from an older revision, and too-long text with the field named", async () => {
    const r = await refusalOf(saveCaseDraft(env.ctx, hostA.actor, { caseId, form: form("overseas_expansion", { ...JA, title: "x" }), baseRevision: "1" }));
    expect(r.refusals).toEqual([{ code: "changed_meanwhile", revision: 2 }]);
    const v = await validationErrorOf(saveCaseDraft(env.ctx, hostA.actor, { caseId, form: form("overseas_expansion", { ...JA, title: "長".repeat(121) }) }));
    expect(Object.keys(v.fieldErrors)).toEqual(["ja.title"]);
  });

  it("another host gets 403 on every path; a stranger's image stays hidden", async () => {
    expect(await caught(saveCaseDraft(env.ctx, hostB.actor, { caseId, form: form("overseas_expansion", JA) }))).toBeInstanceOf(ForbiddenError);
    expect(await caught(getCaseForEditing(env.ctx, hostB.actor, caseId))).toBeInstanceOf(ForbiddenError);
    expect(await caught(uploadCaseImage(env.ctx, hostB.actor, { caseId, file: file(new Uint8Array([1]), "x.jpg", "image/jpeg") }))).toBeInstanceOf(
      ForbiddenError,
    );
    expect(await caught(commentOnCase(env.ctx, hostB.actor, { caseId, form: { body: "hi" } }))).toBeInstanceOf(ForbiddenError);
    expect(await caught(editCase(env.ctx, hostA.actor, { caseId, form: form("overseas_expansion", JA) }))).toBeInstanceOf(ForbiddenError);
  });

  it("takes a JPEG: resized, upright, metadata gone; refuses a non-image, a huge pixel count and a large file, leaving the draft as it was", async () => {
    const up = await uploadCaseImage(env.ctx, hostA.actor, {
      caseId,
      file: file(await jpegWithExif(3000, 2000), "photo.jpg", "image/jpeg"),
      altJa: "工場の写真",
      altEn: "",
      showsIntern: "no",
    });
    expect(up.revision).toBe(3);
    const img = await env.db.selectFrom("case_study_images").selectAll().where("id", "=", up.imageId).executeTakeFirstOrThrow();
    expect([img.large_width, img.large_height, img.small_width, img.small_height]).toEqual([1600, 1067, 640, 427]);
    const stored = await env.ctx.files.get(img.large_key);
    const meta = await sharp(stored).metadata();
    expect(meta.format).toBe("jpeg");
    expect(meta.exif).toBeUndefined();
    expect(meta.icc).toBeUndefined();
    expect(meta.xmp).toBeUndefined();
    expect(Buffer.from(stored).includes("secret owner")).toBe(false);

    const before = await getCaseForEditing(env.ctx, hostA.actor, caseId);
    const notImage = await validationErrorOf(
      uploadCaseImage(env.ctx, hostA.actor, { caseId, file: file(new TextEncoder().encode("<svg onload=alert(1)>"), "x.png", "image/png") }),
    );
    expect(notImage.fieldErrors.image).toEqual([{ key: "casesStaff.errors.imageType" }]);
    const huge = await validationErrorOf(uploadCaseImage(env.ctx, hostA.actor, { caseId, file: file(hugePng(), "bomb.png", "image/png") }));
    expect(huge.fieldErrors.image).toEqual([{ key: "casesStaff.errors.imagePixels", params: { width: 20000, height: 20000, max: 50 } }]);
    const big = new Uint8Array(10 * 1024 * 1024 + 1);
    big.set([0xff, 0xd8, 0xff]);
    const tooBig = await validationErrorOf(uploadCaseImage(env.ctx, hostA.actor, { caseId, file: file(big, "big.jpg", "image/jpeg") }));
    expect(tooBig.fieldErrors.image![0]!.key).toBe("casesStaff.errors.imageTooLarge");
    const corrupt = new Uint8Array(2000);
    corrupt.set([0xff, 0xd8, 0xff, 0xe0]);
    expect(
      (await validationErrorOf(uploadCaseImage(env.ctx, hostA.actor, { caseId, file: file(corrupt, "c.jpg", "image/jpeg") }))).fieldErrors.image![0]!.key,
    ).toBe("casesStaff.errors.imageUnreadable");
    const after = await getCaseForEditing(env.ctx, hostA.actor, caseId);
    expect(after.revision).toBe(before.revision);
    expect(after.content).toEqual(before.content);
    expect(await env.db.selectFrom("case_study_images").select("id").where("case_id", "=", caseId).execute()).toHaveLength(1);
    // Not public yet: the image is the editors' only.
    expect(await caught(getCaseImage(env.ctx, null, up.imageId, "small"))).toBeInstanceOf(NotFoundError);
    expect(await caught(getCaseImage(env.ctx, hostB.actor, up.imageId, "small"))).toBeInstanceOf(ForbiddenError);
    expect((await getCaseImage(env.ctx, operator, up.imageId, "small")).public).toBe(false);
  });

  it("submits once a language is complete; then the host reads and the office works", async () => {
    const other = await createCase(env.ctx, hostA.actor, { theme: "cross_cultural" });
    const r = await refusalOf(submitCase(env.ctx, hostA.actor, { caseId: other.id }));
    expect(r.refusals[0]).toMatchObject({ code: "nothing_complete", language: "ja", missing: 6 });
    await submitCase(env.ctx, hostA.actor, { caseId, form: { message: "ご確認ください" } });
    const c = await getCaseForEditing(env.ctx, hostA.actor, caseId);
    expect(c.status).toBe("in_review");
    expect(c.can.edit).toBe(false);
    expect((await refusalOf(saveCaseDraft(env.ctx, hostA.actor, { caseId, form: form("overseas_expansion", JA) }))).refusals[0]!.code).toBe("not_editable");
  });

  it("the operator edits with revisions, sees the diff, restores an old revision, returns with a comment, approves", async () => {
    const current = await getCaseForEditing(env.ctx, operator, caseId);
    const imageField = { [current.images[0]!.id]: { alt: { ja: "工場の写真", en: "The factory" }, showsIntern: "no" } };
    const e1 = await editCase(env.ctx, operator, {
      caseId,
      form: form("overseas_expansion", JA, { ...EN, title: "Into Vietnam" }, { images: imageField }),
      baseRevision: current.revision,
    });
    expect(e1.changed).toEqual(expect.arrayContaining(["en.title", "en.summary", "images"]));
    const e2 = await editCase(env.ctx, operator, { caseId, form: form("overseas_expansion", JA, EN, { images: imageField }) });
    const diff = await getCaseRevisionDiff(env.ctx, operator, caseId, { to: e2.revision });
    expect(diff.changes.map((c) => c.field)).toEqual(["en.title"]);
    expect(diff.changes[0]!.segments).toEqual([
      { op: "delete", text: "Into " },
      { op: "insert", text: "Overseas expansion into " },
      { op: "equal", text: "Vietnam" },
    ]);
    // Restore revision e1, then the latest again: history only grows.
    const restored = await restoreCaseRevision(env.ctx, operator, { caseId, number: e1.revision });
    expect((await getCaseForEditing(env.ctx, operator, caseId)).content.en.title).toBe("Into Vietnam");
    await restoreCaseRevision(env.ctx, operator, { caseId, number: e2.revision });
    const revs = await listCaseRevisions(env.ctx, operator, caseId, PAGE);
    expect(revs.revisions.items[0]).toMatchObject({ number: restored.revision + 1, restoredFrom: e2.revision, authorRole: "operator", changed: ["en.title"] });
    expect(revs.revisions.total).toBe(restored.revision + 1);
    expect(await caught(restoreCaseRevision(env.ctx, hostA.actor, { caseId, number: 2 }))).toBeInstanceOf(ForbiddenError);
    // The fuzz found a 500: a number beyond what the column holds reached the query.
    for (const number of ["99999999999999999999", "0", "-1", "1.5", String(restored.revision + 5)])
      expect(await caught(restoreCaseRevision(env.ctx, operator, { caseId, number })), number).toBeInstanceOf(NotFoundError);

    await validationErrorOf(returnCase(env.ctx, operator, { caseId, form: { body: " " } }));
    await returnCase(env.ctx, operator, { caseId, form: { body: "社名の英語表記を確認してください。" } });
    const returned = await getCaseForEditing(env.ctx, hostA.actor, caseId);
    expect(returned.status).toBe("changes_requested");
    expect(returned.events.map((e) => e.kind)).toEqual(["submitted", "returned"]);
    const mails = await env.db.selectFrom("outbound_emails").select(["to_address", "subject", "body_text"]).where("template", "=", "caseUpdate").execute();
    expect(mails).toHaveLength(1);
    expect(mails[0]!.body_text).toContain("社名の英語表記を確認してください。");
    await commentOnCase(env.ctx, hostA.actor, { caseId, form: { body: "確認しました。" } });
    await submitCase(env.ctx, hostA.actor, { caseId });
    expect((await refusalOf(publishCase(env.ctx, operator, { caseId, form: { languages: ["ja"] } }))).refusals).toEqual([
      { code: "wrong_status", status: "in_review" },
    ]);
    await approveCase(env.ctx, operator, { caseId });
  });

  it("refuses to publish a named intern without consent, then publishes in Japanese with English in translation", async () => {
    const current = await getCaseForEditing(env.ctx, operator, caseId);
    const imageField = { [current.images[0]!.id]: { alt: { ja: "工場の写真", en: "The factory" }, showsIntern: "yes" } };
    await editCase(env.ctx, operator, { caseId, form: form("overseas_expansion", JA, EN, { internName: "Lan", images: imageField }) });
    const r = await refusalOf(publishCase(env.ctx, operator, { caseId, form: { languages: ["ja"] } }));
    expect(r.refusals.map((x) => x.code)).toEqual(["named_without_consent", "shown_without_consent"]);
    expect((await getCaseForEditing(env.ctx, operator, caseId)).status).toBe("approved");
    await recordInternConsent(env.ctx, hostA.actor, { caseId, form: { named: "yes", shown: "yes", note: "2027-12-20 同意書" } });
    const pub = await publishCase(env.ctx, operator, { caseId, form: { languages: ["ja"] } });
    expect(pub).toEqual({ number: caseNumber, languages: ["ja"] });
    const en = await getPublishedCase(env.ctx, "en", String(caseNumber));
    expect(en).toMatchObject({
      state: "published",
      language: "ja",
      inTranslation: true,
      region: "chubu",
      sizeClass: "10to99",
      nationality: "VN",
      fiscalYear: 2027,
    });
    // Edits after publication stay private until published again.
    await editCase(env.ctx, operator, {
      caseId,
      form: form("overseas_expansion", { ...JA, title: "非公開の修正" }, EN, { internName: "Lan", images: imageField }),
    });
    expect(
      (await getPublishedCase(env.ctx, "ja", String(caseNumber))).state === "published" && (await getPublishedCase(env.ctx, "ja", String(caseNumber))),
    ).toMatchObject({
      version: { title: JA.title },
    });
    await editCase(env.ctx, operator, { caseId, form: form("overseas_expansion", JA, EN, { internName: "Lan", images: imageField }) });
    await publishCase(env.ctx, operator, { caseId, form: { languages: ["ja", "en"] } });
    expect(await getPublishedCase(env.ctx, "en", String(caseNumber))).toMatchObject({ language: "en", inTranslation: false, version: { title: EN.title } });
    expect(await getPublishedCase(env.ctx, "vi", String(caseNumber))).toMatchObject({ language: "en" });
    const img = (await getPublishedCase(env.ctx, "ja", String(caseNumber))) as { images: { id: string }[] };
    expect((await getCaseImage(env.ctx, null, img.images[0]!.id, "large")).public).toBe(true);
  });

  it("the library filters by the facts frozen at publication, searches Japanese and English, and pages", async () => {
    // The organization moves to Hokkaido and grows: the case stays in Chubu, 10–99.
    await env.db.updateTable("host_organizations").set({ prefecture_code: "01", employees: 600 }).where("id", "=", hostA.orgId).execute();
    await publishCase(env.ctx, operator, { caseId, form: { languages: ["ja", "en"] } });
    const list = (params: string, locale = "en") => listPublishedCases(env.ctx, locale, libraryFiltersFrom(new URLSearchParams(params)), PAGE);
    expect((await list("theme=overseas_expansion&region=chubu")).cases.items.map((c) => c.number)).toEqual([caseNumber]);
    expect((await list("region=hokkaido")).cases.total).toBe(0);
    expect((await list("size=10to99&industry=E&nationality=vn")).cases.total).toBe(1);
    expect((await list("theme=cross_cultural")).cases.total).toBe(0);
    expect((await list("q=市場調査", "ja")).cases.items.map((c) => c.number)).toEqual([caseNumber]);
    expect((await list("q=しじょうちょうさ", "ja")).cases.total).toBe(0);
    expect((await list("q=ハノイ", "ja")).cases.total).toBe(1);
    expect((await list("q=海外市場", "ja")).cases.total).toBe(0);
    expect((await list("q=companies hanoi")).cases.total).toBe(1);
    expect((await list("q=50%25_")).cases.total).toBe(0);
    expect((await list("q=alert")).cases.total).toBe(1);
    expect((await list("theme=nonsense&region=atlantis")).filters).toEqual({
      theme: undefined,
      region: undefined,
      industry: undefined,
      size: undefined,
      nationality: undefined,
      q: undefined,
    });
    const lib = await list("");
    expect(lib.industries).toEqual(["E"]);
    expect(lib.nationalities).toEqual(["VN"]);
    expect((await listLatestCases(env.ctx, "ja", 3)).map((c) => c.title)).toEqual([JA.title]);
  });

  it("takes the intern's nationality from the placement's record, and refuses their known name without consent", async () => {
    const { placementId } = await insertPlacement(env.db, {
      roundId,
      organizationId: hostB.orgId,
      intern: { familyName: "Putri", givenName: "Ayu", nationality: "ID" },
    });
    const c = await createCase(env.ctx, hostB.actor, { theme: "cross_cultural", placementId });
    expect(await caught(createCase(env.ctx, hostA.actor, { theme: "cross_cultural", placementId }))).toMatchObject({
      fieldErrors: { placementId: expect.any(Array) },
    });
    await saveCaseDraft(env.ctx, hostB.actor, { caseId: c.id, form: form("cross_cultural", { ...JA, internWork: "Putriさんが社内の英語勉強会を始めた。" }) });
    await submitCase(env.ctx, hostB.actor, { caseId: c.id });
    await approveCase(env.ctx, operator, { caseId: c.id });
    expect((await refusalOf(publishCase(env.ctx, operator, { caseId: c.id, form: { languages: ["ja"] } }))).refusals).toEqual([
      { code: "named_without_consent" },
    ]);
    await recordInternConsent(env.ctx, operator, { caseId: c.id, form: { named: "yes", shown: "no" } });
    await publishCase(env.ctx, operator, { caseId: c.id, form: { languages: ["ja"] } });
    expect(await getPublishedCase(env.ctx, "ja", String(c.number))).toMatchObject({ nationality: "ID", region: "kyushu_okinawa", sizeClass: "10to99" });
  });

  it("withdrawing keeps the address answering 'withdrawn'; the counts per round and the staff lists", async () => {
    await validationErrorOf(withdrawCase(env.ctx, operator, { caseId, form: { body: "" } }));
    await withdrawCase(env.ctx, operator, { caseId, form: { body: "企業からの依頼" } });
    expect(await getPublishedCase(env.ctx, "en", String(caseNumber))).toMatchObject({ state: "withdrawn", number: caseNumber });
    expect((await listPublishedCases(env.ctx, "en", {}, PAGE)).cases.items.map((c) => c.number)).not.toContain(caseNumber);
    const draft = await createCase(env.ctx, hostA.actor, { theme: "new_business", roundId });
    expect(await caught(getPublishedCase(env.ctx, "en", String(draft.number)))).toBeInstanceOf(NotFoundError);
    expect(await caught(getPublishedCase(env.ctx, "en", "0x1"))).toBeInstanceOf(NotFoundError);
    const img = (await getCaseForEditing(env.ctx, operator, caseId)).images[0]!;
    expect(await caught(getCaseImage(env.ctx, null, img.id, "large"))).toBeInstanceOf(NotFoundError);
    const counts = await countCasesByRound(env.ctx, operator);
    const round = counts.find((c) => c.roundId === roundId)!;
    expect(round).toMatchObject({ draft: 1, inReview: 0, published: 1, withdrawn: 1 });
    expect(counts.find((c) => c.roundId === null)).toMatchObject({ draft: 1 });
    expect((await listHostCases(env.ctx, hostA.actor, PAGE)).total).toBe(3);
    expect((await listOperatorCases(env.ctx, operator, { status: "withdrawn" }, PAGE)).items.map((c) => c.number)).toEqual([caseNumber]);
    expect(await caught(countCasesByRound(env.ctx, hostA.actor))).toBeInstanceOf(ForbiddenError);
    // The ministry reads every case and its counts, and changes nothing.
    const ministry = actorFor(await createUser(env, "ministry"));
    expect((await getCaseForEditing(env.ctx, ministry, caseId)).can).toMatchObject({ edit: false, publish: false, comment: false, consent: false });
    expect((await countCasesByRound(env.ctx, ministry)).length).toBe(counts.length);
    expect(await caught(editCase(env.ctx, ministry, { caseId, form: form("overseas_expansion", JA) }))).toBeInstanceOf(ForbiddenError);
    expect(await caught(commentOnCase(env.ctx, ministry, { caseId, form: { body: "x" } }))).toBeInstanceOf(ForbiddenError);
    // An image taken out of the text is kept for the history.
    await publishCase(env.ctx, operator, { caseId, form: { languages: ["ja", "en"] } });
    await removeCaseImage(env.ctx, operator, { caseId, imageId: img.id });
    expect((await getCaseForEditing(env.ctx, operator, caseId)).images).toEqual([]);
    expect((await getCaseImage(env.ctx, null, img.id, "small")).public).toBe(true);
    const audit = await env.db.selectFrom("audit_log").select("action").where("entity_id", "=", caseId).execute();
    expect(new Set(audit.map((a) => a.action))).toEqual(
      new Set([
        "case.create",
        "case.save",
        "case.image_upload",
        "case.submit",
        "case.edit",
        "case.restore",
        "case.return",
        "case.comment",
        "case.approve",
        "case.consent",
        "case.publish",
        "case.withdraw",
        "case.image_remove",
      ]),
    );
  });
});
