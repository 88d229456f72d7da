import { Form, redirect, useActionData, useLoaderData } from "react-router";
import { roleGrants } from "#src/domain/roles.ts";
import { listRounds } from "#src/services/rounds/list-rounds.ts";
import { cancelSession } from "#src/services/sessions/cancel-session.ts";
import { updateSession } from "#src/services/sessions/update-session.ts";
import { markAttendance } from "#src/services/sessions/mark-attendance.ts";
import { markAttendanceFromCsv } from "#src/services/sessions/mark-attendance-from-csv.ts";
import { getOperatorSession } from "#src/services/sessions/get-operator-session.ts";
import { FileUpload, SummaryList, useFormState } from "../../../components/forms/index.ts";
import { Instant } from "../../../components/instant.tsx";
import { countryName } from "../../../lib/countries.ts";
import { useI18n } from "../../../lib/i18n.tsx";
import { readForm, requestContext, run, runForm } from "../../../lib/request.server.ts";
import type { Route } from "./+types/detail";
import { SessionForm } from "./session-form.tsx";
import { PageTitle } from "../../../components/page-title.tsx";

export async function loader({ request, params }: Route.LoaderArgs) {
  const { rt, actor, locale } = await requestContext(request, params);
  return run(request, locale, async () => {
    const session = await getOperatorSession(rt, actor, params.id, locale);
    const rounds = await listRounds(rt, actor, { page: 1, size: 100 });
    const notice = new URL(request.url).searchParams.get("done");
    return {
      session,
      rounds: rounds.items.map((r) => ({ id: r.id, name: locale === "ja" ? r.nameJa : r.nameEn })),
      canManage: actor ? roleGrants(actor.role, "round.manage") : false,
      notice: notice === "created" || notice === "saved" || notice === "cancelled" || notice === "attendance" ? notice : null,
    };
  });
}

export async function action({ request, params }: Route.ActionArgs) {
  const { rt, actor, locale } = await requestContext(request, params);
  const form = await request.formData();
  const intent = String(form.get("intent") ?? "");
  const back = (done: string) => redirect(`/${locale}/operator/sessions/${params.id}?done=${done}`);
  if (intent === "cancel") {
    await run(request, locale, () => cancelSession(rt, actor, params.id));
    return back("cancelled");
  }
  if (intent === "attendanceCsv") {
    const file = form.get("csv");
    const text = file instanceof File && file.size > 0 && file.size <= 2_000_000 ? await file.text() : "";
    if (!text) return { csv: null, csvError: true };
    const result = await run(request, locale, () => markAttendanceFromCsv(rt, actor, params.id, text));
    return { csv: result, csvError: false };
  }
  if (intent === "attendance") {
    const ids = form.getAll("attended").map(String);
    await run(request, locale, () => markAttendance(rt, actor, params.id, ids));
    return back("attendance");
  }
  const out = await runForm(request, locale, form, () => updateSession(rt, actor, params.id, readForm(form)));
  if (!out.ok) return out.response;
  return back("saved");
}

export default function OperatorSession() {
  const { t, locale } = useI18n();
  const { session, rounds, canManage, notice } = useLoaderData<typeof loader>();
  const state = useFormState();
  const csvResult = useActionData<typeof action>() as { csv: { matched: number; unknown: string[] } | null; csvError: boolean } | undefined;
  const s = session.summary;
  return (
    <>
      <PageTitle title={s.title} />
      <h1>{s.title}</h1>
      {notice ? (
        <p className="notice" role="status">
          {t(`sessionsStaff.done.${notice}`)}
        </p>
      ) : null}
      <SummaryList
        rows={[
          { key: "startsAt", label: t("sessionsStaff.startsAt"), value: <Instant at={s.startsAt} /> },
          {
            key: "status",
            label: t("sessionsStaff.status"),
            value: s.cancelled ? t("sessionsStaff.cancelled") : t("sessionsStaff.scheduled"),
            testId: "session-status",
          },
          { key: "publicPage", label: t("sessionsStaff.publicPage"), value: <a href={`/${locale}/sessions/${s.id}`}>{`/${locale}/sessions/${s.id}`}</a> },
        ]}
      />

      <h2 id="registrations-title">{t("sessionsStaff.registrationsTitle")}</h2>
      <p data-testid="registration-counts">{t("securityStaff.registrationCounts", session.counts)}</p>
      {session.registrations === null ? (
        <p>{t("securityStaff.peopleHidden")}</p>
      ) : session.registrations.length === 0 ? (
        <p>{t("sessionsStaff.noRegistrations")}</p>
      ) : (
        <Form method="post" aria-labelledby="registrations-title">
          <input type="hidden" name="intent" value="attendance" />
          <table>
            <caption>{t("sessionsStaff.attendanceCaption")}</caption>
            <thead>
              <tr>
                <th scope="col">{t("sessionsStaff.attended")}</th>
                <th scope="col">{t("sessionsStaff.name")}</th>
                <th scope="col">{t("sessionsStaff.email")}</th>
                <th scope="col">{t("sessionsStaff.country")}</th>
                <th scope="col">{t("sessionsStaff.affiliation")}</th>
                <th scope="col">{t("sessionsStaff.status")}</th>
              </tr>
            </thead>
            <tbody>
              {session.registrations.map((r) => (
                <tr key={r.id}>
                  <td>
                    {r.status === "cancelled" ? (
                      "—"
                    ) : (
                      <input
                        type="checkbox"
                        name="attended"
                        value={r.id}
                        id={`attended-${r.id}`}
                        defaultChecked={r.attended}
                        aria-label={t("sessionsStaff.attendedLabel", { name: r.name })}
                      />
                    )}
                  </td>
                  <td>{r.name}</td>
                  <td>{r.email}</td>
                  <td>{countryName(r.countryCode, locale)}</td>
                  <td>{r.affiliation ?? ""}</td>
                  <td>{t(`sessionsStaff.registrationStatus.${r.status}`)}</td>
                </tr>
              ))}
            </tbody>
          </table>
          {canManage ? <button type="submit">{t("sessionsStaff.saveAttendance")}</button> : null}
        </Form>
      )}

      {csvResult?.csvError ? (
        <p className="error-message" role="alert">
          {t("sessionsStaff.csvMissing")}
        </p>
      ) : null}
      {csvResult?.csv ? (
        <div className="notice" role="status" data-testid="csv-result">
          <p>{t("sessionsStaff.csvDone", { matched: csvResult.csv.matched })}</p>
          {csvResult.csv.unknown.length > 0 ? <p>{t("sessionsStaff.csvUnknown", { list: csvResult.csv.unknown.join(", ") })}</p> : null}
        </div>
      ) : null}
      {canManage && session.registrations && session.registrations.length > 0 ? (
        <Form method="post" encType="multipart/form-data" aria-labelledby="csv-title">
          <h3 id="csv-title">{t("sessionsStaff.csvTitle")}</h3>
          <input type="hidden" name="intent" value="attendanceCsv" />
          <FileUpload name="csv" label={t("sessionsStaff.csvFile")} hint={t("sessionsStaff.csvHint")} accept={[".csv", "text/csv"]} maxSizeMb={2} />
          <button type="submit">{t("sessionsStaff.csvUpload")}</button>
        </Form>
      ) : null}

      {canManage && !s.cancelled ? (
        <>
          <h2>{t("sessionsStaff.editTitle")}</h2>
          <SessionForm state={state} rounds={rounds} values={session.values} submitLabel={t("sessionsStaff.save")} />
          <h2>{t("sessionsStaff.cancelTitle")}</h2>
          <p>{t("sessionsStaff.cancelHint")}</p>
          <Form method="post">
            <input type="hidden" name="intent" value="cancel" />
            <button type="submit" className="danger">
              {t("sessionsStaff.cancelSession")}
            </button>
          </Form>
        </>
      ) : null}
      <p>
        <a href={`/${locale}/operator/audit?entityType=information_session&entityId=${s.id}`}>{t("sessionsStaff.auditLink")}</a>
      </p>
    </>
  );
}
