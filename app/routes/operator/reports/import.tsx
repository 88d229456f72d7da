import { Form, redirect, useActionData, useLoaderData } from "react-router";
import { IMPORT_KINDS } from "#src/domain/report-import.ts";
import { commitStagedImport } from "#src/services/report-import/commit-import.ts";
import { listImportBatches } from "#src/services/report-import/list-import-batches.ts";
import { previewImport, type ImportPreview } from "#src/services/report-import/preview-import.ts";
import { rollbackImport } from "#src/services/report-import/rollback-import.ts";
import { ErrorSummary, Field, FileUpload, RefusalBox, Select, type FormState, useFormState } from "../../../components/forms/index.ts";
import { PageTitle } from "../../../components/page-title.tsx";
import { formatInstant, formatNumber, useI18n } from "../../../lib/i18n.tsx";
import { requestContext, run, runForm } from "../../../lib/request.server.ts";
import type { Route } from "./+types/import";

/** The largest CSV file taken, in bytes (the server's upload limit is 11 MB). */
const MAX_FILE_BYTES = 10_000_000;

/**
 * The historical import (issue 17 item 3, ADR 0030): upload a CSV of one
 * kind of records for a past fiscal year, see the dry run (counts and every
 * problem by line and column), commit the checked file, and roll back any
 * import. Works without JavaScript: the checked file is kept on the server
 * for the commit.
 */
export async function loader({ request, params }: Route.LoaderArgs) {
  const { rt, actor, locale } = await requestContext(request, params);
  const batches = await run(request, locale, () => listImportBatches(rt, actor));
  const url = new URL(request.url);
  const committed = url.searchParams.get("committed");
  const unchanged = url.searchParams.get("unchanged") === "1";
  const rolledBack = url.searchParams.get("rolledBack");
  return {
    batches,
    committed: batches.find((b) => b.id === committed) ?? null,
    unchanged,
    rolledBack: batches.find((b) => b.id === rolledBack && b.rolledBackAt) ?? null,
    timeZone: actor?.timeZone ?? "Asia/Tokyo",
  };
}

export async function action({ request, params }: Route.ActionArgs) {
  const { rt, actor, locale } = await requestContext(request, params);
  const form = await request.formData();
  const intent = String(form.get("intent") ?? "");
  const here = `/${locale}/operator/reports/import`;
  if (intent === "commit") {
    const out = await runForm(request, locale, form, () => commitStagedImport(rt, actor, String(form.get("uploadId") ?? "")));
    if (!out.ok) return out.response;
    return redirect(`${here}?committed=${encodeURIComponent(out.result.batchId)}${out.result.unchanged ? "&unchanged=1" : ""}`);
  }
  if (intent === "rollback") {
    const batchId = String(form.get("batchId") ?? "");
    const out = await runForm(request, locale, form, () => rollbackImport(rt, actor, batchId));
    if (!out.ok) return out.response;
    return redirect(`${here}?rolledBack=${encodeURIComponent(batchId)}`);
  }
  const file = form.get("file");
  const bytes = file instanceof File && file.size > 0 && file.size <= MAX_FILE_BYTES ? new Uint8Array(await file.arrayBuffer()) : null;
  const out = await runForm(request, locale, form, () =>
    previewImport(rt, actor, {
      kind: String(form.get("kind") ?? ""),
      round: String(form.get("round") ?? ""),
      fileName: file instanceof File ? file.name.slice(0, 200) : "",
      bytes,
      stage: true,
    }),
  );
  if (!out.ok) return out.response;
  return { ok: true as const, preview: out.result };
}

export default function ReportImportPage() {
  const { t, locale } = useI18n();
  const { batches, committed, unchanged, rolledBack, timeZone } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>() as { ok: true; preview: ImportPreview } | (FormState & { ok: false; refusals?: string[] }) | undefined;
  const state = useFormState();
  const preview = result && result.ok === true ? result.preview : null;
  const labels = { kind: t("reportImport.form.kind"), round: t("reportImport.form.round"), file: t("reportImport.form.file") };
  const kindName = (k: string) => t(`reportImport.kinds.${k}`);
  return (
    <>
      <PageTitle title={t("reportImport.title")} />
      <p>
        <a href={`/${locale}/operator/reports`}>{t("reportPage.title")}</a>
      </p>
      <h1>{t("reportImport.title")}</h1>
      <p>{t("reportImport.intro")}</p>
      {committed ? (
        <p className="notice" role="status" data-testid="import-done">
          {unchanged
            ? t("reportImport.unchanged", { importId: committed.id })
            : t("reportImport.committed", { rows: committed.rows, year: String(committed.fiscalYear), importId: committed.id })}{" "}
          <a href={`/${locale}/operator/reports/${committed.fiscalYear}`}>{t("reportImport.batches.report", { year: String(committed.fiscalYear) })}</a>
        </p>
      ) : null}
      {rolledBack ? (
        <p className="notice" role="status" data-testid="import-done">
          {t("reportImport.rolledBack", { deleted: rolledBack.rows })}
        </p>
      ) : null}
      <ErrorSummary state={state} labels={labels} />
      <RefusalBox title={t("reportImport.preview.refused")} reasons={result && result.ok === false ? (result.refusals ?? []) : []} />

      {preview ? (
        <section aria-labelledby="preview-title" data-testid="import-preview">
          <h2 id="preview-title">{t("reportImport.preview.title", { file: preview.fileName })}</h2>
          <p>
            {t("reportImport.preview.summary", {
              year: String(preview.fiscalYear),
              kind: kindName(preview.kind),
              rows: preview.rows,
              valid: preview.valid,
              problems: preview.problems.length,
            })}
          </p>
          <p>
            {preview.encoding ? `${t("reportImport.preview.encoding", { encoding: preview.encoding === "shift_jis" ? "Shift_JIS" : "UTF-8" })} ` : null}
            {t("reportImport.preview.fileHash")}: <code>{preview.fileSha256}</code>
          </p>
          {preview.sameBatchId ? (
            <p className="notice">{t("reportImport.preview.sameBatch", { year: String(preview.fiscalYear), importId: preview.sameBatchId })}</p>
          ) : preview.problems.length > 0 ? (
            <>
              <p className="notice">{t("reportImport.preview.refused")}</p>
              <table data-testid="import-problems">
                <caption>{t("reportImport.preview.problemsCaption")}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t("reportImport.preview.line")}</th>
                    <th scope="col">{t("reportImport.preview.column")}</th>
                    <th scope="col">{t("reportImport.preview.problem")}</th>
                  </tr>
                </thead>
                <tbody>
                  {preview.problems.map((p, i) => (
                    <tr key={i}>
                      <td>{p.line === 0 ? t("reportImport.preview.wholeFile") : formatNumber(p.line, locale)}</td>
                      <td>{p.column ?? ""}</td>
                      <td>{t(`reportImport.problems.${p.code}`, { column: p.column ?? "", value: p.value ?? "" })}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </>
          ) : preview.uploadId ? (
            <>
              <p>{t("reportImport.preview.ready")}</p>
              <Form method="post">
                <input type="hidden" name="intent" value="commit" />
                <input type="hidden" name="uploadId" value={preview.uploadId} />
                <button type="submit">{t("reportImport.preview.commit", { rows: preview.valid })}</button>
              </Form>
            </>
          ) : null}
        </section>
      ) : null}

      <h2 id="upload-title">{t("reportImport.form.legend")}</h2>
      <Form method="post" encType="multipart/form-data" noValidate aria-labelledby="upload-title">
        <input type="hidden" name="intent" value="preview" />
        <Select
          name="kind"
          label={labels.kind}
          state={state}
          required
          placeholder={t("reportImport.form.kindPlaceholder")}
          options={IMPORT_KINDS.map((k) => ({ value: k, label: kindName(k) }))} />
        <Field name="round" label={labels.round} hint={t("reportImport.form.roundHint")} state={state} required width="medium" />
        <FileUpload
          name="file"
          label={labels.file}
          hint={t("reportImport.form.fileHint")}
          state={state}
          accept={[".csv", "text/csv"]}
          types="CSV"
          maxSizeMb={10}
          required
        />
        <button type="submit">{t("reportImport.form.dryRun")}</button>
      </Form>

      <h2 id="batches-title">{t("reportImport.batches.caption")}</h2>
      {batches.length === 0 ? (
        <p>{t("reportImport.batches.none")}</p>
      ) : (
        <table data-testid="import-batches" aria-labelledby="batches-title">
          <thead>
            <tr>
              <th scope="col">{t("reportImport.batches.when")}</th>
              <th scope="col">{t("reportImport.batches.year")}</th>
              <th scope="col">{t("reportImport.batches.kind")}</th>
              <th scope="col">{t("reportImport.batches.file")}</th>
              <th scope="col">{t("reportImport.batches.rows")}</th>
              <th scope="col">{t("reportImport.batches.who")}</th>
              <th scope="col">{t("reportImport.batches.status")}</th>
            </tr>
          </thead>
          <tbody>
            {batches.map((b) => (
              <tr key={b.id}>
                <td>{formatInstant(b.importedAt, locale, timeZone)}</td>
                <td>
                  <a href={`/${locale}/operator/reports/${b.fiscalYear}`}>{b.fiscalYear}</a>
                </td>
                <td>{kindName(b.kind)}</td>
                <td>
                  {b.fileName}
                  <br />
                  <code title={t("reportImport.preview.fileHash")}>{b.fileSha256.slice(0, 12)}</code>
                </td>
                <td>{formatNumber(b.rows, locale)}</td>
                <td>{b.importedBy ?? t("reportImport.batches.system")}</td>
                <td>
                  {b.rolledBackAt ? (
                    t("reportImport.batches.rolledBackAt", {
                      at: formatInstant(b.rolledBackAt, locale, timeZone),
                      who: b.rolledBackBy ?? t("reportImport.batches.system"),
                    })
                  ) : (
                    <Form method="post">
                      <input type="hidden" name="intent" value="rollback" />
                      <input type="hidden" name="batchId" value={b.id} />
                      {t("reportImport.batches.active")}{" "}
                      <button type="submit" aria-label={t("reportImport.batches.rollbackLabel", { file: b.fileName, year: String(b.fiscalYear) })}>
                        {t("reportImport.batches.rollback")}
                      </button>
                    </Form>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </>
  );
}
