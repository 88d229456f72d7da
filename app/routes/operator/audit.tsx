import { Form, useLoaderData, useLocation } from "react-router";
import { listAuditLog } from "#src/services/audit/list-audit-log.ts";
import { pageRequestFrom } from "#src/services/paging.ts";
import { Instant } from "../../components/instant.tsx";
import { Pager } from "../../components/pager.tsx";
import { Field } from "../../components/forms/index.ts";
import { useI18n } from "../../lib/i18n.tsx";
import { requestContext, run } from "../../lib/request.server.ts";
import type { Route } from "./+types/audit";
import { PageTitle } from "../../components/page-title.tsx";

const FILTERS = ["action", "entityType", "entityId", "actorEmail", "from", "to"] as const;

export async function loader({ request, params }: Route.LoaderArgs) {
  const { rt, actor, locale } = await requestContext(request, params);
  const sp = new URL(request.url).searchParams;
  const filter = Object.fromEntries(FILTERS.map((f) => [f, sp.get(f)?.trim() || undefined]));
  const log = await run(request, locale, () => listAuditLog(rt, actor, filter, pageRequestFrom(sp)));
  return { log, filter };
}

function Change({ before, after }: { before: unknown; after: unknown }) {
  const fmt = (v: unknown) => (v === null || v === undefined ? "—" : JSON.stringify(v));
  return (
    <span className="change">
      <code>{fmt(before)}</code> → <code>{fmt(after)}</code>
    </span>
  );
}

export default function AuditLog() {
  const { t } = useI18n();
  const { log, filter } = useLoaderData<typeof loader>();
  const { search } = useLocation();
  return (
    <>
      <PageTitle title={t("audit.title")} />
      <h1>{t("audit.title")}</h1>
      <Form method="get" className="filters">
        {FILTERS.map((f) => (
          <Field key={f} name={f} label={t(`audit.filter.${f}`)} type={f === "from" || f === "to" ? "date" : "text"} defaultValue={filter[f] ?? ""} />
        ))}
        <button type="submit">{t("audit.applyFilter")}</button>
      </Form>
      <table>
        <caption>{t("audit.caption", { total: log.total })}</caption>
        <thead>
          <tr>
            <th scope="col">{t("audit.at")}</th>
            <th scope="col">{t("audit.actor")}</th>
            <th scope="col">{t("audit.action")}</th>
            <th scope="col">{t("audit.entity")}</th>
            <th scope="col">{t("audit.change")}</th>
          </tr>
        </thead>
        <tbody>
          {log.items.map((row) => (
            <tr key={row.id}>
              <td>
                <Instant at={row.at} />
              </td>
              <td>{row.actorEmail ?? t("audit.system")}</td>
              <td>
                <code>{row.action}</code>
              </td>
              <td>
                {row.entityType}
                {row.entityId ? <code className="entity-id"> {row.entityId}</code> : null}
              </td>
              <td>
                <Change before={row.before} after={row.after} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <Pager page={log.page} pages={log.pages} total={log.total} search={search} />
    </>
  );
}
