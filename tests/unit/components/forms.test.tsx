// @vitest-environment jsdom
/**
 * Every named example of every form component (app/components/forms/examples.tsx)
 * rendered to static HTML, as the server sends it, then checked in a DOM: axe
 * (WCAG 2.1 A/AA and best practice, as the browser tests use) and the markup
 * each component promises. Fast: no browser, no server.
 */
import { readFileSync } from "node:fs";
import axe from "axe-core";
import { type ReactElement, createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import type { Locale } from "#src/i18n/locales.ts";
import { FORM_EXAMPLES } from "#app/components/forms/examples.tsx";
import { dateInputTarget } from "#app/components/forms/date-input.tsx";
import { DateInput, ErrorSummary, errorTitle } from "#app/components/forms/index.ts";
import { I18nProvider, makeI18n } from "#app/lib/i18n.tsx";

function render(element: ReactElement, locale: Locale = "en"): string {
  return renderToStaticMarkup(createElement(I18nProvider, { value: makeI18n(locale, null) }, element));
}

/** The HTML in a page of its own (title, language, main landmark, heading), as axe expects a page. */
function load(html: string, locale: Locale = "en"): Document {
  document.documentElement.lang = locale;
  document.title = "Example";
  document.body.innerHTML = `<main><h1>Example</h1><form method="post">${html}</form></main>`;
  return document;
}

/** Colour contrast needs a real layout engine: the browser tests check it on every page. */
async function violations(): Promise<string[]> {
  const result = await axe.run(document, {
    runOnly: { type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"] },
    rules: { "color-contrast": { enabled: false } },
  });
  return result.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(" ")).join(", ")})`);
}

function renderExample(component: string, name: string): string {
  const entry = FORM_EXAMPLES[component as keyof typeof FORM_EXAMPLES];
  const example = entry.examples.find((e) => e.name === name);
  if (!example) throw new Error(`no example "${name}" of ${component}`);
  return render(createElement(entry.component as never, example.props as never));
}

const $ = (selector: string) => document.querySelector(selector);
const $$ = (selector: string) => [...document.querySelectorAll(selector)];

describe("every example passes axe", () => {
  for (const [component, { component: Component, examples }] of Object.entries(FORM_EXAMPLES)) {
    for (const example of examples) {
      it(`${component}: ${example.name}`, async () => {
        const html = render(createElement(Component as never, example.props as never));
        load(html);
        expect(await violations()).toEqual([]);
      });
    }
  }
});

describe("the axe check itself", () => {
  it("finds what it must (an unlabelled box)", async () => {
    load(`<input name="x">`);
    const found = (await violations()).map((v) => v.split(":")[0]);
    expect(found).toContain("label");
  });
});

describe("Field", () => {
  it("labels the box, links hint and error, keeps what was typed", () => {
    load(renderExample("Field", "error with typed value kept"));
    const input = $("#field-email") as HTMLInputElement;
    expect($('label[for="field-email"]')?.textContent).toBe("E-mail address (required)");
    expect(input.type).toBe("email");
    expect(input.value).toBe("mai@example");
    expect(input.getAttribute("aria-invalid")).toBe("true");
    expect(input.getAttribute("aria-describedby")).toBe("field-email-error");
    expect($("#field-email-error")?.textContent).toBe("Error: Enter an e-mail address like name@example.com.");
    expect($(".field")?.classList.contains("field-error")).toBe(true);
  });

  it("describes the box by its hint and error together", () => {
    load(renderExample("Field", "error and hint"));
    expect($("#field-phone")?.getAttribute("aria-describedby")).toBe("field-phone-hint field-phone-error");
  });

  it("has no error markup when there is no error", () => {
    load(renderExample("Field", "with hint"));
    const input = $("#field-givenName")!;
    expect(input.hasAttribute("aria-invalid")).toBe(false);
    expect(input.getAttribute("aria-describedby")).toBe("field-givenName-hint");
    expect($(".error-message")).toBeNull();
  });

  it("asks for a number with a numeric keyboard on a text box", () => {
    load(renderExample("Field", "number"));
    const input = $("#field-graduationYear") as HTMLInputElement;
    expect(input.type).toBe("text");
    expect(input.getAttribute("inputmode")).toBe("numeric");
    expect(input.value).toBe("2021");
  });

  it("never sends a password back to the page", () => {
    load(renderExample("Field", "password error never echoes the password"));
    expect(($("#field-password") as HTMLInputElement).value).toBe("");
    expect(document.body.innerHTML).not.toContain("short");
  });
});

describe("TextArea", () => {
  it("says the limit without JavaScript and carries the count sentences for the script", () => {
    load(renderExample("TextArea", "character count"));
    const area = $("#field-motivationLearn")!;
    expect($("#field-motivationLearn-count")?.textContent).toBe("You can enter up to 2,000 characters.");
    expect(area.getAttribute("aria-describedby")).toBe("field-motivationLearn-count");
    expect(area.getAttribute("data-counter")).toBe("2000");
    expect(area.getAttribute("data-counter-left")).toBe("You have 7 characters left");
    expect(area.getAttribute("data-counter-left-one")).toBe("You have 1 character left");
    expect(area.hasAttribute("maxlength")).toBe(false);
  });

  it("leaves out the singular sentence where the language has none", () => {
    const props = FORM_EXAMPLES.TextArea.examples.find((e) => e.name === "character count")!.props;
    load(render(createElement(FORM_EXAMPLES.TextArea.component, props), "ja"), "ja");
    const area = $("textarea")!;
    expect(area.getAttribute("data-counter-left")).toBe("残り7文字");
    expect(area.hasAttribute("data-counter-left-one")).toBe(false);
  });

  it("counts live with /enhance.js, and says when the text is too long", () => {
    load(renderExample("TextArea", "character count"));
    new Function(readFileSync("public/enhance.js", "utf8"))();
    const area = $("#field-motivationLearn") as HTMLTextAreaElement;
    const count = $("#field-motivationLearn-count")!;
    expect(count.textContent).toBe("You have 2000 characters left");
    area.value = "x".repeat(1999);
    area.dispatchEvent(new Event("input"));
    expect(count.textContent).toBe("You have 1 character left");
    area.value = "x".repeat(2003);
    area.dispatchEvent(new Event("input"));
    expect(count.textContent).toBe("You have 3 characters too many");
    expect(count.classList.contains("counter-over")).toBe(true);
    expect(count.getAttribute("aria-live")).toBe("polite");
  });
});

describe("ErrorSummary", () => {
  it("renders nothing without errors", () => {
    expect(renderExample("ErrorSummary", "no errors renders nothing")).toBe("");
  });

  it("links each field in error to its control", () => {
    load(renderExample("ErrorSummary", "field errors link to their fields"));
    expect($(".error-summary")?.getAttribute("role")).toBe("alert");
    expect($$(".error-summary a").map((a) => [a.getAttribute("href"), a.textContent])).toEqual([
      ["#field-email", "E-mail address: Enter an e-mail address like name@example.com."],
      ["#field-password", "Password: Use at least 10 characters."],
    ]);
  });

  it("links a date to the box in error", () => {
    load(renderExample("ErrorSummary", "date field links to the box in error"));
    expect($(".error-summary a")?.getAttribute("href")).toBe("#field-dateOfBirth-month");
  });

  it("gives the page title its Error: prefix only when the form has errors", () => {
    const { t } = makeI18n("en", null);
    expect(errorTitle(t, "Personal details", { fieldErrors: { a: [{ key: "errors.required" }] } })).toBe("Error: Personal details");
    expect(errorTitle(t, "Personal details", { fieldErrors: { a: [] }, formErrors: [] })).toBe("Personal details");
    expect(errorTitle(t, "Personal details", undefined)).toBe("Personal details");
    expect(errorTitle(makeI18n("ja", null).t, "個人情報", { formErrors: [{ key: "errors.invalid" }] })).toBe("エラー：個人情報");
  });
});

describe("CheckboxGroup and RadioGroup", () => {
  it("puts each box right before its own label, the first box carrying the group's id", () => {
    load(renderExample("CheckboxGroup", "hints per option"));
    const boxes = $$('input[type="checkbox"]');
    expect(boxes.map((b) => b.id)).toEqual(["field-availablePeriods", "field-availablePeriods-B"]);
    for (const box of boxes) {
      const label = box.nextElementSibling!;
      expect(label.tagName).toBe("LABEL");
      expect(label.getAttribute("for")).toBe(box.id);
      expect(box.getAttribute("aria-describedby")).toBe(`${box.id}-hint`);
    }
    expect($("fieldset")?.getAttribute("aria-describedby")).toBe("field-availablePeriods-hint");
    expect($("legend")?.textContent).toBe("When can you come to Japan?");
  });

  it("shows the saved choices, then what was ticked on a failed submission", () => {
    load(renderExample("CheckboxGroup", "saved choices"));
    expect($$("input:checked").map((i) => (i as HTMLInputElement).value)).toEqual(["kinki"]);
    load(renderExample("CheckboxGroup", "error with typed choices kept"));
    expect($$("input:checked").map((i) => (i as HTMLInputElement).value)).toEqual(["kinki", "kyushu_okinawa"]);
    expect($("fieldset")?.getAttribute("aria-describedby")).toBe("field-goals-error");
    load(renderExample("CheckboxGroup", "nothing ticked on the failed submission"));
    expect($$("input:checked")).toEqual([]);
  });

  it("reads the two older ways actions send ticked boxes back", async () => {
    const { typedList } = await import("#app/components/forms/form-state.ts");
    expect(typedList({ values: { goals: "a,b" } }, "goals")).toEqual(["a", "b"]);
    expect(typedList({ values: { "goals[]": "a\u001fb" } }, "goals")).toEqual(["a", "b"]);
    expect(typedList({ values: {} }, "goals")).toEqual([]);
    expect(typedList(undefined, "goals")).toBeUndefined();
  });

  it("radios: one name, the saved or typed choice checked", () => {
    load(renderExample("RadioGroup", "saved choice with hints"));
    expect($$('input[type="radio"]').map((i) => (i as HTMLInputElement).name)).toEqual(["mode", "mode"]);
    expect(($("input:checked") as HTMLInputElement).value).toBe("online");
    load(renderExample("RadioGroup", "error"));
    expect($("input:checked")).toBeNull();
    expect($("#field-priorParticipant-error")?.textContent).toBe("Error: Choose one of the options.");
  });

  it("a single checkbox sends its own value and keeps what was ticked", () => {
    load(renderExample("Checkbox", "saved and ticked, own value"));
    const box = $("#field-agreesWithPurpose") as HTMLInputElement;
    expect(box.value).toBe("yes");
    expect(box.checked).toBe(true);
    expect(box.nextElementSibling?.getAttribute("for")).toBe(box.id);
    load(renderExample("Checkbox", "error"));
    expect(($("#field-consentPrivacy") as HTMLInputElement).checked).toBe(false);
    expect($("#field-consentPrivacy")?.getAttribute("aria-describedby")).toBe("field-consentPrivacy-error");
  });
});

describe("DateInput", () => {
  it("three labelled numeric boxes with the birthday autocomplete tokens", () => {
    load(renderExample("DateInput", "date of birth"));
    expect($("legend")?.textContent).toBe("Date of birth (required)");
    const boxes = $$("input") as HTMLInputElement[];
    expect(boxes.map((b) => [b.name, b.id, b.getAttribute("inputmode"), b.getAttribute("autocomplete"), b.type])).toEqual([
      ["dateOfBirth.day", "field-dateOfBirth-day", "numeric", "bday-day", "text"],
      ["dateOfBirth.month", "field-dateOfBirth-month", "numeric", "bday-month", "text"],
      ["dateOfBirth.year", "field-dateOfBirth-year", "numeric", "bday-year", "text"],
    ]);
    for (const b of boxes) expect($(`label[for="${b.id}"]`)).not.toBeNull();
    expect(boxes.some((b) => b.hasAttribute("maxlength"))).toBe(false);
  });

  it("splits a saved date into the boxes", () => {
    load(renderExample("DateInput", "saved date"));
    expect(($$("input") as HTMLInputElement[]).map((b) => b.value)).toEqual(["14", "5", "1996"]);
  });

  it("marks only the box in error and keeps what was typed", () => {
    load(renderExample("DateInput", "missing month: only the month box is marked"));
    expect(($$("input") as HTMLInputElement[]).map((b) => [b.value, b.getAttribute("aria-invalid")])).toEqual([
      ["14", null],
      ["", "true"],
      ["1996", null],
    ]);
    expect($("fieldset")?.getAttribute("aria-describedby")).toBe("field-dateOfBirth-error");
    expect($("#field-dateOfBirth-error")?.textContent).toBe("Error: The date must include a month.");
  });

  it("marks every box when the whole date is in one box or out of range", () => {
    load(renderExample("DateInput", "whole date typed in the day box"));
    expect($$('input[aria-invalid="true"]')).toHaveLength(3);
    expect(($("#field-dateOfBirth-day") as HTMLInputElement).value).toBe("14051996");
    load(renderExample("DateInput", "out of range: every box is marked"));
    expect($$('input[aria-invalid="true"]')).toHaveLength(3);
  });

  it("writes year first in Japanese and Chinese, and the summary links to the first box in error", () => {
    const state = {
      fieldErrors: { dateOfBirth: [{ key: "errors.dateMissingDay" }] },
      values: { "dateOfBirth.day": "", "dateOfBirth.month": "5", "dateOfBirth.year": "1996" },
    };
    load(render(<DateInput name="dateOfBirth" legend="生年月日" state={state} />, "ja"), "ja");
    expect($$("label").map((l) => l.textContent)).toEqual(["年", "月", "日"]);
    expect(dateInputTarget("dateOfBirth", state, "ja")).toBe("field-dateOfBirth-day");
    expect(dateInputTarget("dateOfBirth", { fieldErrors: { dateOfBirth: [{ key: "errors.dateOfBirth" }] } }, "ja")).toBe("field-dateOfBirth-year");
    expect(dateInputTarget("dateOfBirth", { fieldErrors: { dateOfBirth: [{ key: "errors.dateOfBirth" }] } }, "vi")).toBe("field-dateOfBirth-day");
    load(
      render(<ErrorSummary state={state} labels={{ dateOfBirth: "生年月日" }} targets={{ dateOfBirth: dateInputTarget("dateOfBirth", state, "ja") }} />, "ja"),
      "ja",
    );
    expect($(".error-summary a")?.getAttribute("href")).toBe("#field-dateOfBirth-day");
  });
});

describe("Select and FileUpload", () => {
  it("select: the empty option first, the typed value chosen over the saved one", () => {
    load(renderExample("Select", "error with typed value kept"));
    const select = $("#field-nationality") as HTMLSelectElement;
    expect([...select.options].map((o) => o.value)).toEqual(["", "VN", "ID", "TH"]);
    expect(select.value).toBe("");
    expect(select.getAttribute("aria-invalid")).toBe("true");
    load(renderExample("Select", "saved value with hint"));
    expect(($("#field-residenceCountry") as HTMLSelectElement).value).toBe("TH");
  });

  it("file upload: the accept list, and formats and size said in the hint", () => {
    load(renderExample("FileUpload", "document with formats and size"));
    const input = $("#field-file") as HTMLInputElement;
    expect(input.type).toBe("file");
    expect(input.accept).toBe("application/pdf,image/jpeg,image/png");
    expect(input.getAttribute("aria-describedby")).toBe("field-file-hint");
    expect($("#field-file-hint")?.textContent).toBe("Accepted formats: PDF, JPEG, PNG. Up to 10 MB.");
    load(renderExample("FileUpload", "error"));
    expect($("#field-file-error")?.textContent).toBe("Error: The file is larger than 10 MB.");
  });
});

describe("SummaryList and RefusalBox", () => {
  it("one row per answer: a term and its value, test ids and actions kept, empty rows skipped", () => {
    load(renderExample("SummaryList", "test ids, sub-rows, actions and skipped rows"));
    expect($$(".summary-list > div").map((row) => [...row.children].map((c) => c.tagName))).toEqual([
      ["DT", "DD"],
      ["DT", "DD"],
      ["DT", "DD", "DD"],
    ]);
    expect($('[data-testid="count-applications"]')?.textContent).toBe("12");
    expect($(".summary-list-row.sub dt")?.textContent).toBe("Draft");
  });

  it("refusal: the title and each reason as given", () => {
    load(renderExample("RefusalBox", "several reasons"));
    expect($("#phase-refusal-title")?.textContent).toBe("The round cannot move to screening yet");
    expect($$(".refusal li").map((li) => li.textContent)).toEqual(["The application deadline has not passed.", "No reviewer is assigned."]);
    expect(renderExample("RefusalBox", "no reasons renders nothing")).toBe("");
  });
});
