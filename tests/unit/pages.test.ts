/**
 * What every page has (issue 19 item 5): a title of its own, "Error:" first
 * after a failed form, no caching once signed in, limits said with their number.
 */
import { readFileSync, readdirSync, statSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { pageTitle } from "#app/components/page-title.tsx";
import { carriesSession, noStoreWhenSignedIn } from "#app/lib/request.server.ts";
import { ValidationError } from "#src/services/errors.ts";
import { parseInput } from "#src/services/validation.ts";
import { password } from "#src/services/auth/auth-schemas.ts";
import { LOCALES } from "#src/i18n/locales.ts";
import { translator } from "#src/i18n/translator.ts";

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? files(path) : [path];
  });
}

/** Route modules that render no page of their own: a layout (its pages have titles), the 404 (the layout's error page has one), the case editors (CaseEditor has one). */
const NO_PAGE_OF_THEIR_OWN: Record<string, string> = {
  "app/routes/operator/layout.tsx": "layout",
  "app/routes/not-found.tsx": "throws 404",
  "app/routes/host/cases/edit.tsx": "CaseEditor",
  "app/routes/operator/cases/edit.tsx": "CaseEditor",
};

describe("page titles", () => {
  it("every page renders a <PageTitle> next to its heading", () => {
    const pages = files("app/routes").filter((f) => f.endsWith(".tsx") && /export default/.test(readFileSync(f, "utf8")));
    expect(pages.length).toBeGreaterThan(40);
    const missing = pages.filter((f) => !NO_PAGE_OF_THEIR_OWN[f] && !readFileSync(f, "utf8").includes("<PageTitle"));
    expect(missing).toEqual([]);
    expect(readFileSync("app/components/cases/case-editor.tsx", "utf8")).toContain("<PageTitle");
    expect(readFileSync("app/routes/locale-layout.tsx", "utf8")).toContain("<PageTitle");
  });

  it('says the page, then the site; "Error:" first after invalid input or a refusal, in the page\'s language', () => {
    const en = translator("en");
    const failed = { fieldErrors: { email: [{ key: "errors.required" }] } };
    expect(pageTitle(en, "Sign in", undefined, false)).toBe("Sign in – Japan Internship Program");
    expect(pageTitle(en, "Sign in", failed, false)).toBe("Error: Sign in – Japan Internship Program");
    expect(pageTitle(en, "Withdraw", undefined, true)).toBe("Error: Withdraw – Japan Internship Program");
    expect(pageTitle(translator("ja"), "ログイン", failed, false)).toBe("エラー：ログイン – 国際化促進インターンシップ事業");
    expect(pageTitle(translator("vi"), "Đăng nhập", failed, false)).toMatch(/^Lỗi/);
  });
});

describe("signed-in responses are not stored (Back after sign-out shows nothing personal)", () => {
  const req = (cookie?: string) => new Request("http://localhost/en/account", cookie ? { headers: { cookie } } : {});
  const page = () => Promise.resolve(new Response("<html></html>", { headers: { "Content-Type": "text/html" } }));

  it("recognizes better-auth's session cookie, with or without the __Secure- prefix, and nothing else", () => {
    expect(carriesSession(req("better-auth.session_token=abc.def"))).toBe(true);
    expect(carriesSession(req("tz=Asia%2FTokyo; __Secure-better-auth.session_token=abc"))).toBe(true);
    expect(carriesSession(req("tz=Asia%2FTokyo"))).toBe(false);
    expect(carriesSession(req("my_session_token_x=1"))).toBe(false);
    expect(carriesSession(req())).toBe(false);
  });

  it("marks a signed-in caller's page no-store, and a sign-in's answer (it sets the cookie); leaves public pages cacheable", async () => {
    expect((await noStoreWhenSignedIn({ request: req("better-auth.session_token=abc") }, page)).headers.get("Cache-Control")).toBe("no-store");
    expect((await noStoreWhenSignedIn({ request: req("tz=UTC") }, page)).headers.get("Cache-Control")).toBeNull();
    const signIn = () =>
      Promise.resolve(new Response(null, { status: 302, headers: { Location: "/en/account", "Set-Cookie": "better-auth.session_token=x" } }));
    expect((await noStoreWhenSignedIn({ request: req() }, signIn)).headers.get("Cache-Control")).toBe("no-store");
  });
});

describe("a limit is said with its number", () => {
  function firstError(schema: z.ZodType, input: unknown) {
    try {
      parseInput(schema, input);
    } catch (err) {
      if (err instanceof ValidationError) return Object.values(err.fieldErrors)[0]![0]!;
    }
    throw new Error("expected a ValidationError");
  }

  it("a schema's own errors.tooLong keeps {max}: every language shows the number, never the placeholder", () => {
    const tooLongPassword = firstError(z.object({ password }), { password: "Aa1!".repeat(33) });
    const tooLongReason = firstError(z.object({ reason: z.string().max(1000, { error: "errors.tooLong" }) }), { reason: "x".repeat(1001) });
    for (const locale of LOCALES) {
      const t = translator(locale);
      expect(t(tooLongPassword.key, tooLongPassword.params), locale).toContain("128");
      expect(t(tooLongReason.key, tooLongReason.params), locale).toContain("1000");
      expect(t(tooLongReason.key, tooLongReason.params), locale).not.toMatch(/[{}]/);
    }
  });
});
