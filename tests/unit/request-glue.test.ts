/**
 * The one road from a use case's outcome to a page (app/lib/request.server.ts):
 * every error class is mapped once, the same way for every route.
 */
import { describe, expect, it } from "vitest";
import { readForm, run, runForm, toResponse, typedValues } from "#app/lib/request.server.ts";
import { tokyoLocalToInstant } from "#src/domain/time.ts";
import { ForbiddenError, NotFoundError, RefusedError, TwoFactorRequiredError, UnauthenticatedError, ValidationError } from "#src/services/errors.ts";

function post(fields: [string, string][], path = "/en/application/status"): { request: Request; form: FormData } {
  const form = new FormData();
  for (const [k, v] of fields) form.append(k, v);
  return { request: new Request(`http://localhost${path}?x=1`, { method: "POST" }), form };
}

/** What a loader or action threw: a Response (redirect) or React Router's data() with a status. */
async function thrown(promise: Promise<unknown>): Promise<{ status: number | undefined; location?: string | null; data?: unknown }> {
  try {
    await promise;
  } catch (err) {
    if (err instanceof Response) return { status: err.status, location: err.headers.get("Location") };
    const d = err as { type?: string; data?: unknown; init?: ResponseInit | null };
    if (d.type === "DataWithResponseInit") return { status: d.init?.status, data: d.data };
    throw err;
  }
  throw new Error("expected a response to be thrown");
}

describe("runForm (actions)", () => {
  it("turns a refused withdrawal (the second one, or two at once) into a 409 with the reason in the user's language, keeping what was typed", async () => {
    const { request, form } = post([["reason", "Found another program."]]);
    const refused = () => Promise.reject(new RefusedError("refusal", [{ code: "not_withdrawable" }]));
    for (const [locale, sentence] of [
      ["en", "This application can no longer be withdrawn."],
      ["vi", "Hồ sơ này không thể rút được nữa."],
    ] as const) {
      const out = await runForm(request, locale, form, refused);
      expect(out.ok).toBe(false);
      if (out.ok) return;
      expect(out.response.init?.status).toBe(409);
      expect(out.response.data).toEqual({ ok: false, fieldErrors: {}, formErrors: [], refusals: [sentence], values: { reason: "Found another program." } });
    }
  });

  it("fills a refusal's parameters as the reader reads them: instants in Japan time with the zone, phases and deadlines by their label", async () => {
    const { request, form } = post([["to", "screening"]], "/en/operator/rounds/r1");
    const at = tokyoLocalToInstant("2027-05-31T23:59")!;
    const out = await runForm(request, "en", form, () =>
      Promise.reject(
        new RefusedError("refusals", [
          { code: "deadline_not_passed", deadline: "application_close", at },
          { code: "not_next_phase", from: "draft", to: "screening", next: "information_sessions" },
        ]),
      ),
    );
    if (out.ok) throw new Error("expected a refusal");
    expect(out.response.data.refusals).toEqual([
      "The deadline “Applications close” (May 31, 2027, 11:59 PM GMT+9) has not passed yet.",
      "A round moves one phase at a time: from Draft the next phase is Information sessions, not Screening.",
    ]);
  });

  it("turns invalid input into a 400 with the field errors and what was typed (never the password)", async () => {
    const { request, form } = post([
      ["email", "not-an-address"],
      ["password", "secret secret"],
      ["goals", "a"],
      ["goals", "b"],
    ]);
    const out = await runForm(request, "ja", form, () =>
      Promise.reject(new ValidationError({ email: [{ key: "errors.email" }] }, [{ key: "errors.invalid" }])),
    );
    if (out.ok) throw new Error("expected a validation failure");
    expect(out.response.init?.status).toBe(400);
    expect(out.response.data).toEqual({
      ok: false,
      fieldErrors: { email: [{ key: "errors.email" }] },
      formErrors: [{ key: "errors.invalid" }],
      refusals: [],
      values: { email: "not-an-address", goals: "a,b" },
    });
  });

  it("returns the use case's result when it succeeds", async () => {
    const { request, form } = post([]);
    expect(await runForm(request, "en", form, async () => 42)).toEqual({ ok: true, result: 42 });
  });

  it("throws every other error class as its page: sign-in, enrolment, 403, 404; an unknown error stays a 500", async () => {
    const { request, form } = post([]);
    const fail = (err: Error) => runForm(request, "en", form, () => Promise.reject(err));
    expect(await thrown(fail(new UnauthenticatedError()))).toEqual({
      status: 302,
      location: `/en/sign-in?next=${encodeURIComponent("/en/application/status?x=1")}`,
    });
    expect(await thrown(fail(new TwoFactorRequiredError()))).toEqual({ status: 302, location: "/en/account/two-factor" });
    expect(await thrown(fail(new ForbiddenError("round.manage")))).toMatchObject({ status: 403 });
    expect(await thrown(fail(new NotFoundError("application")))).toMatchObject({ status: 404 });
    await expect(fail(new Error("boom"))).rejects.toThrow("boom");
  });
});

describe("run (loaders)", () => {
  it("throws a refusal as a 409 page with the reasons, and invalid input as a 400", async () => {
    const { request } = post([]);
    expect(await thrown(run(request, "ja", () => Promise.reject(new RefusedError("refusal", [{ code: "no_open_round" }]))))).toEqual({
      status: 409,
      data: { status: 409, refusals: ["現在、応募を受け付けている募集回はありません。"] },
    });
    expect(await thrown(run(request, "en", () => Promise.reject(new ValidationError({ id: [{ key: "errors.invalid" }] }))))).toMatchObject({ status: 400 });
    expect(() => toResponse(new NotFoundError("x"), request, "en")).toThrow();
  });
});

describe("readForm and typedValues", () => {
  it("reads every form the same way: strings, declared checkbox groups as arrays, dotted names as objects; files left out", () => {
    const form = new FormData();
    form.append("name", "Lan");
    form.append("titles.ja", "説明会");
    form.append("titles.en", "Session");
    form.append("goals", "cross_cultural");
    form.append("file", new File(["x"], "x.pdf"));
    expect(readForm(form, { multi: ["goals", "workLanguages"] })).toEqual({
      name: "Lan",
      titles: { ja: "説明会", en: "Session" },
      goals: ["cross_cultural"],
      workLanguages: [],
    });
    expect(typedValues(form)).toEqual({ name: "Lan", "titles.ja": "説明会", "titles.en": "Session", goals: "cross_cultural" });
  });
});
