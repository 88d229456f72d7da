/**
 * The case-study editor, the same for the host and the operator: Japanese
 * and English side by side for every section, guidance for the chosen
 * theme, quotes, the intern, images (add with the same Save; JPEG/PNG),
 * the intern's consent, the conversation, and the steps the caller may take.
 * Plain forms: everything works without JavaScript.
 */
import { Form, useSearchParams } from "react-router";
import { CASE_LANGUAGES, CASE_SECTIONS, CASE_THEMES, type CaseLanguage, MAX_IMAGES, MAX_QUOTES, SECTION_LIMITS } from "#src/domain/cases/content.ts";
import type { CaseForEditing } from "#src/services/cases/get-case-for-editing.ts";
import {
  Checkbox,
  CheckboxGroup,
  ErrorSummary,
  Field,
  FileUpload,
  type FormState,
  RadioGroup,
  Select,
  SummaryList,
  TextArea,
  useFormState,
} from "../forms/index.ts";
import { Instant } from "../instant.tsx";
import { Notice } from "../notice.tsx";
import { Refusal } from "../refusal.tsx";
import { countryOptions } from "../../lib/countries.ts";
import { useI18n } from "../../lib/i18n.tsx";
import { Paragraphs, caseImageUrl } from "./text.tsx";
import { PageTitle } from "../page-title.tsx";

/** The form state, only for the form that was posted (several forms share one page). */
function stateFor(state: FormState | undefined, intents: string[]): FormState | undefined {
  const intent = String(state?.values?.intent ?? "save");
  return state && intents.some((i) => intent === i || intent.startsWith(`${i}:`)) ? state : undefined;
}

/** What a successful post says when the page comes back (?done=…). */
const DONE = [
  "saved",
  "nothingChanged",
  "imageAdded",
  "imageRemoved",
  "submitted",
  "consentSaved",
  "commented",
  "returned",
  "approved",
  "published",
  "withdrawn",
  "restored",
];

export function CaseEditor({ c }: { c: CaseForEditing }) {
  const { t, locale } = useI18n();
  const [search] = useSearchParams();
  const all = useFormState();
  const state = stateFor(all, ["save", "remove"]);
  const lang = (l: CaseLanguage) => t(`casesStaff.languages.${l}`);
  const title = c.content.ja.title || c.content.en.title || t("casesStaff.untitled");
  const done = search.get("done") ?? "";
  const notice = !DONE.includes(done)
    ? null
    : done === "published"
      ? t("casesStaff.edit.published", { url: `/${locale}/cases/${c.number}` })
      : t(`casesStaff.edit.${done}`, { revision: search.get("revision") ?? c.revision, number: search.get("from") ?? "" });
  const labels: Record<string, string> = {
    theme: t("casesStaff.new.theme"),
    internName: t("casesStaff.edit.internName"),
    internNationality: t("casesStaff.edit.internNationality"),
    image: t("casesStaff.edit.imageFile"),
  };
  for (const l of CASE_LANGUAGES) {
    for (const s of CASE_SECTIONS) labels[`${l}.${s}`] = `${t(`casesStaff.edit.sections.${s}`)} (${lang(l)})`;
    for (let i = 1; i <= MAX_QUOTES; i++) {
      labels[`${l}.quotes.${i}.text`] = `${t("casesStaff.edit.quote", { n: i })}: ${t("casesStaff.edit.quoteText")} (${lang(l)})`;
      labels[`${l}.quotes.${i}.by`] = `${t("casesStaff.edit.quote", { n: i })}: ${t("casesStaff.edit.quoteBy")} (${lang(l)})`;
    }
  }
  c.images.forEach((img, i) => {
    labels[`images.${img.id}.alt.ja`] = `${t("casesStaff.edit.image", { n: i + 1 })}: ${t("casesStaff.edit.altJa")}`;
    labels[`images.${img.id}.alt.en`] = `${t("casesStaff.edit.image", { n: i + 1 })}: ${t("casesStaff.edit.altEn")}`;
  });
  const missingNames = (l: CaseLanguage) =>
    c.missing[l].map((m) => (m.startsWith("imageAlt") ? t("casesStaff.edit.image", { n: m.slice(8) }) : t(`casesStaff.edit.sections.${m}`))).join(", ");
  return (
    <>
      <PageTitle title={`${t("casesStaff.edit.title", { number: c.number })}: ${title}`} />
      <h1>
        {t("casesStaff.edit.title", { number: c.number })}: <span lang={c.content.ja.title ? "ja" : "en"}>{title}</span>
      </h1>
      <Notice text={notice} />
      <Refusal />
      <ErrorSummary state={all} labels={labels} />
      <SummaryList
        rows={[
          { key: "status", label: t("casesStaff.edit.status"), value: t(`casesStaff.statuses.${c.status}`), testId: "case-status" },
          {
            key: "company",
            label: t("casesStaff.columns.company"),
            value: locale === "ja" ? c.organization.nameJa : (c.organization.nameEn ?? c.organization.nameJa),
          },
          c.round ? { key: "round", label: t("casesStaff.columns.round"), value: locale === "ja" ? c.round.nameJa : c.round.nameEn } : null,
          { key: "revision", label: t("casesStaff.edit.revision"), value: String(c.revision), testId: "case-revision" },
          c.published.at
            ? {
                key: "public",
                label: t("casesStaff.edit.publicPage"),
                value: (
                  <>
                    <a href={`/${locale}/cases/${c.number}`}>{`/${locale}/cases/${c.number}`}</a>
                    {" — "}
                    {c.published.languages.map((l) => lang(l as CaseLanguage)).join(", ")}
                    {CASE_LANGUAGES.filter((l) => !c.published.languages.includes(l)).map((l) => (
                      <span key={l}> ({t("casesStaff.edit.inTranslation", { language: lang(l) })})</span>
                    ))}
                  </>
                ),
              }
            : null,
          ...CASE_LANGUAGES.map((l) => ({
            key: `missing-${l}`,
            label: lang(l),
            value: c.complete[l]
              ? t("casesStaff.edit.complete", { language: lang(l) })
              : t("casesStaff.edit.missing", { language: lang(l), fields: missingNames(l) }),
          })),
        ]}
      />
      {c.side === "operator" ? (
        <p>
          <a href={`/${locale}/operator/cases/${c.id}/revisions`}>{t("casesStaff.edit.revisions")}</a>
        </p>
      ) : null}
      {c.can.edit ? <TextForm c={c} state={state} /> : <ReadOnlyText c={c} />}
      {c.can.submit ? <SubmitForm state={stateFor(all, ["submit"])} /> : null}
      {c.can.consent ? <ConsentForm c={c} state={stateFor(all, ["consent"])} /> : null}
      {c.side === "operator" && (c.can.approve || c.can.return || c.can.publish || c.can.withdraw) ? <OfficeActions c={c} all={all} /> : null}
      <Conversation c={c} state={stateFor(all, ["comment"])} />
    </>
  );
}

function TextForm({ c, state }: { c: CaseForEditing; state: FormState | undefined }) {
  const { t, locale } = useI18n();
  const lang = (l: CaseLanguage) => t(`casesStaff.languages.${l}`);
  const theme = c.content.theme;
  return (
    <Form method="post" encType="multipart/form-data" noValidate className="case-editor">
      <input type="hidden" name="baseRevision" value={c.revision} />
      <RadioGroup
        name="theme"
        legend={t("casesStaff.new.theme")}
        state={state}
        defaultValue={theme}
        options={CASE_THEMES.map((th) => ({ value: th, label: t(`cases.themes.${th}`), hint: t(`casesStaff.new.themeHints.${th}`) }))}
      />
      <h2>{t("casesStaff.edit.textLegend")}</h2>
      <p className="hint">{t("casesStaff.edit.sideBySide")}</p>
      {CASE_SECTIONS.map((s) => {
        const guidance = s === "title" || s === "summary" ? t(`casesStaff.edit.sectionHints.${s}`) : t(`casesStaff.guidance.${theme}.${s}`);
        return (
          <section key={s} className="case-section" aria-labelledby={`section-${s}`}>
            <h3 id={`section-${s}`}>{t(`casesStaff.edit.sections.${s}`)}</h3>
            <p className="hint guidance">{guidance}</p>
            <div className="case-columns">
              {CASE_LANGUAGES.map((l) =>
                s === "title" ? (
                  <Field key={l} name={`${l}.${s}`} label={`${t(`casesStaff.edit.sections.${s}`)} (${lang(l)})`} state={state} defaultValue={c.content[l][s]} />
                ) : (
                  <TextArea
                    key={l}
                    name={`${l}.${s}`}
                    label={`${t(`casesStaff.edit.sections.${s}`)} (${lang(l)})`}
                    state={state}
                    defaultValue={c.content[l][s]}
                    rows={s === "summary" ? 3 : 8}
                    characterCount={SECTION_LIMITS[s]}
                  />
                ),
              )}
            </div>
          </section>
        );
      })}
      <section className="case-section" aria-labelledby="section-quotes">
        <h3 id="section-quotes">{t("casesStaff.edit.quotes")}</h3>
        <p className="hint">{t("casesStaff.edit.quotesHint")}</p>
        {Array.from({ length: MAX_QUOTES }, (_, i) => (
          <div key={i} className="case-columns">
            {CASE_LANGUAGES.map((l) => (
              <div key={l}>
                <TextArea
                  name={`${l}.quotes.${i + 1}.text`}
                  label={`${t("casesStaff.edit.quote", { n: i + 1 })}: ${t("casesStaff.edit.quoteText")} (${lang(l)})`}
                  state={state}
                  defaultValue={c.content[l].quotes[i]?.text ?? ""}
                  rows={3}
                />
                <Field
                  name={`${l}.quotes.${i + 1}.by`}
                  label={`${t("casesStaff.edit.quote", { n: i + 1 })}: ${t("casesStaff.edit.quoteBy")} (${lang(l)})`}
                  state={state}
                  defaultValue={c.content[l].quotes[i]?.by ?? ""}
                />
              </div>
            ))}
          </div>
        ))}
      </section>
      <section className="case-section" aria-labelledby="section-intern">
        <h3 id="section-intern">{t("casesStaff.edit.intern")}</h3>
        <Field
          name="internName"
          label={t("casesStaff.edit.internName")}
          hint={t("casesStaff.edit.internNameHint")}
          state={state}
          defaultValue={c.content.internName}
        />
        <Select
          name="internNationality"
          label={t("casesStaff.edit.internNationality")}
          hint={t("casesStaff.edit.internNationalityHint")}
          state={state}
          placeholder="—"
          options={countryOptions(locale)}
          defaultValue={c.content.internNationality ?? ""}
        />
      </section>
      <section className="case-section" aria-labelledby="section-images">
        <h3 id="section-images">{t("casesStaff.edit.images")}</h3>
        <p className="hint">{t("casesStaff.edit.imagesHint")}</p>
        {c.images.map((img, i) => (
          <fieldset key={img.id} className="group case-image">
            <legend>{t("casesStaff.edit.image", { n: i + 1 })}</legend>
            <img
              src={caseImageUrl(img.id, "small")}
              alt={img.alt[locale === "ja" ? "ja" : "en"]}
              width={240}
              height={Math.round((240 * img.height) / img.width)}
              loading="lazy"
            />
            <div className="case-columns">
              <Field name={`images.${img.id}.alt.ja`} label={t("casesStaff.edit.altJa")} state={state} defaultValue={img.alt.ja} />
              <Field name={`images.${img.id}.alt.en`} label={t("casesStaff.edit.altEn")} state={state} defaultValue={img.alt.en} />
            </div>
            <Checkbox name={`images.${img.id}.showsIntern`} value="yes" label={t("casesStaff.edit.showsIntern")} state={state} checked={img.showsIntern} />
            <button type="submit" name="intent" value={`remove:${img.id}`} className="secondary">
              {t("casesStaff.edit.removeImage", { n: i + 1 })}
            </button>
          </fieldset>
        ))}
        {c.images.length < MAX_IMAGES ? (
          <fieldset className="group">
            <legend>{t("casesStaff.edit.addImage")}</legend>
            <FileUpload
              name="image"
              label={t("casesStaff.edit.imageFile")}
              state={state}
              accept={["image/jpeg", "image/png", ".jpg", ".jpeg", ".png"]}
              types="JPEG, PNG"
              maxSizeMb={10}
            />
            <div className="case-columns">
              <Field name="newAltJa" label={t("casesStaff.edit.altJa")} state={state} />
              <Field name="newAltEn" label={t("casesStaff.edit.altEn")} state={state} />
            </div>
            <Checkbox name="newShowsIntern" value="yes" label={t("casesStaff.edit.showsIntern")} state={state} />
          </fieldset>
        ) : null}
      </section>
      <p>
        <button type="submit" name="intent" value="save">
          {t("casesStaff.edit.save")}
        </button>
      </p>
    </Form>
  );
}

function ReadOnlyText({ c }: { c: CaseForEditing }) {
  const { t, locale } = useI18n();
  return (
    <>
      <p className="notice">{t("casesStaff.edit.readOnly")}</p>
      <div className="case-columns">
        {CASE_LANGUAGES.map((l) => (
          <section key={l} lang={l} aria-label={t(`casesStaff.languages.${l}`)}>
            <h2>{c.content[l].title || t("casesStaff.untitled")}</h2>
            {CASE_SECTIONS.filter((s) => s !== "title").map((s) => (
              <div key={s}>
                <h3 lang={locale}>{t(`casesStaff.edit.sections.${s}`)}</h3>
                <Paragraphs text={c.content[l][s] || "—"} />
              </div>
            ))}
          </section>
        ))}
      </div>
    </>
  );
}

function SubmitForm({ state }: { state: FormState | undefined }) {
  const { t } = useI18n();
  return (
    <Form method="post" className="case-action">
      <h2>{t("casesStaff.edit.submitTitle")}</h2>
      <p>{t("casesStaff.edit.submitLead")}</p>
      <TextArea name="message" label={t("casesStaff.edit.message")} state={state} rows={3} />
      <button type="submit" name="intent" value="submit">
        {t("casesStaff.edit.submit")}
      </button>
    </Form>
  );
}

function ConsentForm({ c, state }: { c: CaseForEditing; state: FormState | undefined }) {
  const { t } = useI18n();
  const yesNo = [
    { value: "yes", label: t("casesStaff.edit.yes") },
    { value: "no", label: t("casesStaff.edit.no") },
  ];
  return (
    <Form method="post" className="case-action">
      <h2>{t("casesStaff.edit.consent")}</h2>
      <p>{t("casesStaff.edit.consentLead")}</p>
      <p data-testid="consent-state">
        {t("casesStaff.edit.consentState", { named: String(c.consent.named), shown: String(c.consent.shown) })}
        {c.consent.recordedAt ? (
          <>
            {" "}
            {t("casesStaff.edit.consentRecorded", { name: c.consent.recordedBy ?? "—" })} <Instant at={c.consent.recordedAt} />
          </>
        ) : null}
      </p>
      <RadioGroup name="named" legend={t("casesStaff.edit.consentNamed")} options={yesNo} inline state={state} defaultValue={c.consent.named ? "yes" : "no"} />
      <RadioGroup name="shown" legend={t("casesStaff.edit.consentShown")} options={yesNo} inline state={state} defaultValue={c.consent.shown ? "yes" : "no"} />
      <Field name="note" label={t("casesStaff.edit.consentNote")} state={state} defaultValue={c.consent.note ?? ""} />
      <button type="submit" name="intent" value="consent">
        {t("casesStaff.edit.saveConsent")}
      </button>
    </Form>
  );
}

function OfficeActions({ c, all }: { c: CaseForEditing; all: FormState | undefined }) {
  const { t } = useI18n();
  return (
    <section className="case-action" aria-labelledby="office-actions">
      <h2 id="office-actions">{t("casesStaff.edit.officeActions")}</h2>
      {c.can.approve ? (
        <Form method="post">
          <button type="submit" name="intent" value="approve">
            {t("casesStaff.edit.approve")}
          </button>
        </Form>
      ) : null}
      {c.can.publish ? (
        <Form method="post">
          <CheckboxGroup
            name="languages"
            legend={t("casesStaff.edit.publishLegend")}
            hint={t("casesStaff.edit.publishHint")}
            state={stateFor(all, ["publish"])}
            inline
            checked={c.published.languages.length > 0 ? c.published.languages : CASE_LANGUAGES.filter((l) => c.complete[l])}
            options={CASE_LANGUAGES.map((l) => ({ value: l, label: t(`casesStaff.languages.${l}`) }))}
          />
          <button type="submit" name="intent" value="publish">
            {t("casesStaff.edit.publish")}
          </button>
        </Form>
      ) : null}
      {c.can.return ? (
        <Form method="post">
          <TextArea name="body" label={t("casesStaff.edit.returnReason")} state={stateFor(all, ["return"])} rows={3} />
          <button type="submit" name="intent" value="return" className="secondary">
            {t("casesStaff.edit.return")}
          </button>
        </Form>
      ) : null}
      {c.can.withdraw ? (
        <Form method="post">
          <TextArea name="body" label={t("casesStaff.edit.withdrawReason")} state={stateFor(all, ["withdraw"])} rows={2} />
          <button type="submit" name="intent" value="withdraw" className="secondary">
            {t("casesStaff.edit.withdraw")}
          </button>
        </Form>
      ) : null}
    </section>
  );
}

function Conversation({ c, state }: { c: CaseForEditing; state: FormState | undefined }) {
  const { t } = useI18n();
  return (
    <section className="case-action" aria-labelledby="conversation">
      <h2 id="conversation">{t("casesStaff.edit.conversation")}</h2>
      {c.events.length === 0 ? (
        <p>{t("casesStaff.edit.noEvents")}</p>
      ) : (
        <ol className="case-events">
          {c.events.map((e) => (
            <li key={e.id}>
              <p>
                <strong>{t(`casesStaff.edit.events.${e.kind}`)}</strong> — <Instant at={e.at} /> —{" "}
                {t("casesStaff.edit.eventBy", { name: e.authorName ?? "—", role: t(`roles.${e.authorRole}`), revision: e.revision })}
              </p>
              {e.body ? <Paragraphs text={e.body} /> : null}
            </li>
          ))}
        </ol>
      )}
      {c.can.comment ? (
        <Form method="post">
          <TextArea name="body" label={t("casesStaff.edit.comment")} state={state} rows={3} />
          <button type="submit" name="intent" value="comment" className="secondary">
            {t("casesStaff.edit.addComment")}
          </button>
        </Form>
      ) : null}
    </section>
  );
}
