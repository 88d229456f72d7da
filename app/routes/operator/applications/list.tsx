import { Form, useLoaderData, useLocation } from "react-router";
import { JLPT_LEVELS } from "#src/domain/languages.ts";
import { personName } from "#src/domain/person-name.ts";
import { listApplications } from "#src/services/applications/list-applications.ts";
import { pageRequestFrom } from "#src/services/paging.ts";
import { Field, Select } from "../../../components/forms/index.ts";
import { Instant } from "../../../components/instant.tsx";
import { Pager } from "../../../components/pager.tsx";
import { countryName, countryOptions } from "../../../lib/countries.ts";
import { useI18n } from "../../../lib/i18n.tsx";
import { requestContext, run } from "../../../lib/request.server.ts";
import type { Route } from "./+types/list";
import { PageTitle } from "../../../components/page-title.tsx";

const STATUSES = ["draft", "submitted", "withdrawn", "under_review", "interview", "selected", "waitlisted", "rejected", "matched", "placed", "completed"];

export function filterFrom(sp: URLSearchParams) {
  const get = (k: string) => sp.get(k)?.trim() || undefined;
  const eligibility = get("eligibility");
  return {
    q: get("q"),
    nationality: get("nationality"),
    status: get("status"),
    jlpt: get("jlpt"),
    roundId: get("round"),
    eligibility: eligibility === "eligible" || eligibility === "ineligible" ? eligibility : undefined,
  } as const;
}

export async function loader({ request, params }: Route.LoaderArgs) {
  const { rt, actor, locale } = await requestContext(request, params);
  const sp = new URL(request.url).searchParams;
  const filter = filterFrom(sp);
  const list = await run(request, locale, () => listApplications(rt, actor, filter, pageRequestFrom(sp)));
  return { list, filter };
}

export default function ApplicationsList() {
  const { t, locale } = useI18n();
  const { list, filter } = useLoaderData<typeof loader>();
  const { search } = useLocation();
  const select = (name: string, options: { value: string; label: string }[], value: string | undefined) => (
    <Select name={name} label={t(`applications.filter.${name}`)} placeholder={t("applications.filter.any")} options={options} defaultValue={value ?? ""} />
  );
  return (
    <>
      <PageTitle title={t("applications.title")} />
      <h1>{t("applications.title")}</h1>
      <Form method="get" className="filters">
        <Field name="q" label={t("applications.filter.q")} type="search" defaultValue={filter.q ?? ""} />
        {select("nationality", countryOptions(locale), filter.nationality)}
        {select(
          "status",
          STATUSES.map((s) => ({ value: s, label: t(`applicationStatus.${s}`) })),
          filter.status,
        )}
        {select(
          "eligibility",
          [
            { value: "eligible", label: t("applications.eligible") },
            { value: "ineligible", label: t("applications.ineligible") },
          ],
          filter.eligibility,
        )}
        {select(
          "jlpt",
          JLPT_LEVELS.map((l) => ({ value: l, label: l })),
          filter.jlpt,
        )}
        <button type="submit">{t("audit.applyFilter")}</button>
      </Form>
      <p>
        <a href={`/${locale}/operator/applications/export.csv${search}`} download>
          {t("applications.exportCsv")}
        </a>
      </p>
      <table>
        <caption>{t("applications.caption", { total: list.total })}</caption>
        <thead>
          <tr>
            <th scope="col">{t("applications.receipt")}</th>
            <th scope="col">{t("applications.name")}</th>
            <th scope="col">{t("applications.nationality")}</th>
            <th scope="col">{t("applications.status")}</th>
            <th scope="col">{t("applications.eligibility")}</th>
            <th scope="col">JLPT</th>
            <th scope="col">{t("applications.submittedAt")}</th>
          </tr>
        </thead>
        <tbody>
          {list.items.map((a) => (
            <tr key={a.id}>
              <td>{a.receiptNumber ?? "—"}</td>
              <td>
                <a href={`/${locale}/operator/applications/${a.id}`}>{personName(a) ?? a.email ?? a.id}</a>
              </td>
              <td>{countryName(a.nationality, locale)}</td>
              <td>{t(`applicationStatus.${a.status}`)}</td>
              <td>{a.eligibilityUnmet.length === 0 ? t("applications.eligible") : t("applications.unmetCount", { count: a.eligibilityUnmet.length })}</td>
              <td>{a.jlptLevel ?? "—"}</td>
              <td>{a.submittedAt ? <Instant at={a.submittedAt} /> : "—"}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <Pager page={list.page} pages={list.pages} total={list.total} search={search} />
    </>
  );
}
