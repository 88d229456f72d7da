import { Form, redirect, useActionData, useLoaderData } from "react-router";
import type { DacEntry } from "#src/domain/dac-list-csv.ts";
import { formatDate, formatInstant } from "#src/i18n/format.ts";
import { listDacListVersions } from "#src/services/reference/list-dac-list-versions.ts";
import { loadDacListVersion } from "#src/services/reference/load-dac-list-version.ts";
import { type DacListPreview, previewDacListVersion } from "#src/services/reference/preview-dac-list-version.ts";
import { DAC_CSV_MAX_CHARS } from "#src/services/reference/dac-list-input.ts";
import { ErrorSummary, Field, FileUpload, RefusalBox, TextArea, type FormState, useFormState } from "../../components/forms/index.ts";
import { PageTitle } from "../../components/page-title.tsx";
import { countryName } from "../../lib/countries.ts";
import { useI18n } from "../../lib/i18n.tsx";
import { readForm, requestContext, run, runForm } from "../../lib/request.server.ts";
import type { Route } from "./+types/dac-lists";

/** The largest file taken, in bytes (a list is about 2 KB). */
const MAX_FILE_BYTES = 1_000_000;

/**
 * The OECD DAC list versions (issue 19 item 2): every stored version with its
 * counts, and an upload that loads a new version or corrects one from a CSV —
 * a dry run showing the diff first, then the commit (audited).
 */
export async function loader({ request, params }: Route.LoaderArgs) {
  const { rt, actor, locale } = await requestContext(request, params);
  const versions = await run(request, locale, () => listDacListVersions(rt, actor));
  const done = new URL(request.url).searchParams.get("done");
  return { versions, done: done && versions.some((v) => v.version === done) ? done : null, timeZone: actor?.timeZone ?? "Asia/Tokyo" };
}

export async function action({ request, params }: Route.ActionArgs) {
  const { rt, actor, locale } = await requestContext(request, params);
  const form = await request.formData();
  const intent = String(form.get("intent") ?? "");
  if (intent === "commit") {
    const out = await runForm(request, locale, form, () => loadDacListVersion(rt, actor, readForm(form)));
    if (!out.ok) return out.response;
    return redirect(`/${locale}/operator/dac-lists?done=${encodeURIComponent(out.result.version)}`);
  }
  const file = form.get("csv");
  // A file too large to read is passed on as null: the use case answers with its message.
  const csv = file instanceof File ? (file.size > MAX_FILE_BYTES ? null : await file.text()) : "";
  const out = await runForm(request, locale, form, () => previewDacListVersion(rt, actor, { ...readForm(form), csv }));
  if (!out.ok) return out.response;
  return { ok: true as const, preview: out.result };
}

export default function DacListsPage() {
  const { t, locale } = useI18n();
  const { versions, done, timeZone } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>() as { ok: true; preview: DacListPreview } | (FormState & { ok: false; refusals?: string[] }) | undefined;
  const state = useFormState();
  const preview = result && result.ok === true ? result.preview : null;
  const labels = {
    version: t("dacLists.form.version"),
    effectiveFrom: t("dacLists.form.effectiveFrom"),
    source: t("dacLists.form.source"),
    note: t("dacLists.form.note"),
    csv: t("dacLists.form.csv"),
  };
  return (
    <>
      <PageTitle title={t("dacLists.title")} />
      <h1>{t("dacLists.title")}</h1>
      <p>{t("dacLists.intro")}</p>
      {done ? (
        <p className="notice" role="status" data-testid="dac-done">
          {t("dacLists.done", { version: done })}
        </p>
      ) : null}
      <ErrorSummary state={state} labels={labels} />
      <RefusalBox title={t("dacLists.refusedTitle")} reasons={result && result.ok === false ? (result.refusals ?? []) : []} />

      <table data-testid="dac-versions">
        <caption>{t("dacLists.versionsCaption")}</caption>
        <thead>
          <tr>
            <th scope="col">{t("dacLists.col.version")}</th>
            <th scope="col">{t("dacLists.col.effectiveFrom")}</th>
            <th scope="col">{t("dacLists.col.countries")}</th>
            <th scope="col">{t("dacLists.col.uncertain")}</th>
            <th scope="col">{t("dacLists.col.rounds")}</th>
            <th scope="col">{t("dacLists.col.loaded")}</th>
            <th scope="col">{t("dacLists.col.csv")}</th>
          </tr>
        </thead>
        <tbody>
          {versions.map((v) => (
            <tr key={v.version}>
              <th scope="row">{v.version}</th>
              <td>{formatDate(v.effectiveFrom, locale)}</td>
              <td>{v.countries}</td>
              <td>{v.uncertain}</td>
              <td>{v.rounds}</td>
              <td>
                {v.loadedFrom === "operator"
                  ? t("dacLists.loadedByOperator", { name: v.loadedBy ?? "—", at: v.loadedAt ? formatInstant(v.loadedAt, locale, timeZone) : "—" })
                  : t("dacLists.loadedFromFile")}
              </td>
              <td>
                <a href={`/${locale}/operator/dac-lists/${encodeURIComponent(v.version)}/csv`}>{t("dacLists.download", { version: v.version })}</a>
              </td>
            </tr>
          ))}
        </tbody>
      </table>

      {preview ? <PreviewSection preview={preview} /> : null}

      <h2 id="upload-title">{t("dacLists.uploadTitle")}</h2>
      <p>{t("dacLists.uploadHint")}</p>
      <Form method="post" encType="multipart/form-data" noValidate aria-labelledby="upload-title">
        <input type="hidden" name="intent" value="preview" />
        <Field name="version" label={labels.version} hint={t("dacLists.form.versionHint")} state={state} required width="medium" />
        <Field name="effectiveFrom" label={labels.effectiveFrom} hint={t("dacLists.form.effectiveFromHint")} type="date" state={state} />
        <Field name="source" label={labels.source} hint={t("dacLists.form.sourceHint")} state={state} />
        <TextArea name="note" label={labels.note} state={state} rows={3} characterCount={2000} />
        <FileUpload
          name="csv"
          label={labels.csv}
          hint={t("dacLists.form.csvHint")}
          state={state}
          accept={[".csv", "text/csv"]}
          types="CSV (UTF-8)"
          maxSizeMb={1}
          required
        />
        <button type="submit">{t("dacLists.dryRun")}</button>
      </Form>
    </>
  );
}

function EntryList({ entries, locale }: { entries: readonly DacEntry[]; locale: Parameters<typeof countryName>[1] }) {
  const { t } = useI18n();
  return (
    <ul>
      {entries.map((e) => (
        <li key={e.country}>
          {countryName(e.country, locale)} ({e.country}): {e.group}
          {e.uncertain ? ` ${t("dacLists.uncertainMark")}` : ""}
        </li>
      ))}
    </ul>
  );
}

function PreviewSection({ preview: p }: { preview: DacListPreview }) {
  const { t, locale } = useI18n();
  const groupOf = (e: DacEntry) => `${e.group}${e.uncertain ? ` ${t("dacLists.uncertainMark")}` : ""}`;
  const nothing = p.diff.added.length === 0 && p.diff.removed.length === 0 && p.diff.changed.length === 0;
  return (
    <section aria-labelledby="preview-title" data-testid="dac-preview" className="notice">
      <h2 id="preview-title">{t(p.isNew ? "dacLists.preview.titleNew" : "dacLists.preview.titleCorrect", { version: p.version })}</h2>
      <p>
        {t("dacLists.preview.summary", {
          total: p.total,
          uncertain: p.uncertain,
          added: p.diff.added.length,
          removed: p.diff.removed.length,
          changed: p.diff.changed.length,
          unchanged: p.diff.unchanged,
          date: formatDate(p.effectiveFrom, locale),
        })}
      </p>
      {nothing ? <p>{t("dacLists.preview.noChange")}</p> : null}
      {p.diff.added.length > 0 ? (
        <>
          <h3>{t("dacLists.preview.added", { n: p.diff.added.length })}</h3>
          <EntryList entries={p.diff.added} locale={locale} />
        </>
      ) : null}
      {p.diff.removed.length > 0 ? (
        <>
          <h3>{t("dacLists.preview.removed", { n: p.diff.removed.length })}</h3>
          <EntryList entries={p.diff.removed} locale={locale} />
        </>
      ) : null}
      {p.diff.changed.length > 0 ? (
        <>
          <h3>{t("dacLists.preview.changed", { n: p.diff.changed.length })}</h3>
          <ul>
            {p.diff.changed.map((c) => (
              <li key={c.country}>
                {countryName(c.country, locale)} ({c.country}): {t("dacLists.preview.fromTo", { from: groupOf(c.from), to: groupOf(c.to) })}
              </li>
            ))}
          </ul>
        </>
      ) : null}
      {p.rounds.length > 0 ? (
        <p data-testid="dac-preview-rounds">
          {t("dacLists.preview.rounds", { rounds: p.rounds.map((r) => (locale === "ja" ? r.nameJa : r.nameEn)).join(", ") })}
        </p>
      ) : null}
      <Form method="post">
        <input type="hidden" name="intent" value="commit" />
        <input type="hidden" name="version" value={p.version} />
        <input type="hidden" name="effectiveFrom" value={p.effectiveFrom} />
        <input type="hidden" name="source" value={p.source ?? ""} />
        <input type="hidden" name="note" value={p.note ?? ""} />
        <input type="hidden" name="csv" value={p.csv.slice(0, DAC_CSV_MAX_CHARS)} />
        <input type="hidden" name="basis" value={p.basis} />
        <button type="submit">{t(p.isNew ? "dacLists.commitNew" : "dacLists.commitCorrect", { version: p.version })}</button>
      </Form>
      <p>
        <a href={`/${locale}/operator/dac-lists`}>{t("dacLists.cancel")}</a>
      </p>
    </section>
  );
}
