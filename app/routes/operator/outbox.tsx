import { Form, redirect, useLoaderData, useLocation } from "react-router";
import { EMAIL_STATUSES, isEmailStatus, listOutbox } from "#src/services/mail/list-outbox.ts";
import { retryEmail } from "#src/services/mail/retry-email.ts";
import { pageRequestFrom } from "#src/services/paging.ts";
import { Field, Select } from "../../components/forms/index.ts";
import { Instant } from "../../components/instant.tsx";
import { Pager } from "../../components/pager.tsx";
import { useI18n } from "../../lib/i18n.tsx";
import { requestContext, run, runForm } from "../../lib/request.server.ts";
import type { Route } from "./+types/outbox";
import { Refusal } from "../../components/refusal.tsx";
import { PageTitle } from "../../components/page-title.tsx";

export async function loader({ request, params }: Route.LoaderArgs) {
  const { rt, actor, locale } = await requestContext(request, params);
  const sp = new URL(request.url).searchParams;
  const to = sp.get("to")?.trim() || undefined;
  const wanted = sp.get("status");
  const status = isEmailStatus(wanted) ? wanted : undefined;
  const mails = await run(request, locale, () => listOutbox(rt, actor, { to, status }, pageRequestFrom(sp, 20)));
  return { mails, to: to ?? "", status: status ?? "", retried: sp.get("done") === "retried" };
}

/** Sends one failed e-mail again, then shows the same filtered page. */
export async function action({ request, params }: Route.ActionArgs) {
  const { rt, actor, locale } = await requestContext(request, params);
  const form = await request.formData();
  const out = await runForm(request, locale, form, () => retryEmail(rt, actor, String(form.get("id") ?? "")));
  if (!out.ok) return out.response;
  const back = new URL(request.url);
  back.searchParams.set("done", "retried");
  return redirect(`${back.pathname}${back.search}`);
}

/** Every e-mail the platform queued, where it stands, and why a failed one failed. Operators only. */
export default function Outbox() {
  const { t } = useI18n();
  const { mails, to, status, retried } = useLoaderData<typeof loader>();
  const { pathname, search } = useLocation();
  const here = `${pathname}${search.replace(/([?&])done=retried&?/, "$1").replace(/[?&]$/, "")}`;
  return (
    <>
      <PageTitle title={t("outbox.title")} />
      <h1>{t("outbox.title")}</h1>
      <Refusal />
      <p>{t("outbox.lead")}</p>
      {retried ? (
        <p className="notice" role="status">
          {t("outbox.retried")}
        </p>
      ) : null}
      {mails.failed > 0 ? (
        <p className="notice" data-testid="failed-count">
          {t("outbox.failedCount", { count: mails.failed })} <a href={`?status=failed`}>{t("outbox.showFailed")}</a>
        </p>
      ) : null}
      <Form method="get" className="filters">
        <Field name="to" label={t("outbox.to")} type="email" defaultValue={to} />
        <Select
          name="status"
          label={t("outbox.status")}
          placeholder={t("outbox.anyStatus")}
          options={EMAIL_STATUSES.map((s) => ({ value: s, label: t(`outbox.statuses.${s}`) }))}
          defaultValue={status}
        />
        <button type="submit">{t("audit.applyFilter")}</button>
      </Form>
      {mails.items.length === 0 ? <p>{t("outbox.none")}</p> : null}
      {mails.items.map((m) => (
        <article key={m.id} className="mail" data-testid="mail">
          <h2>{m.subject}</h2>
          <p className="meta">
            {t("outbox.to")}: <span data-testid="mail-to">{m.to}</span> · {m.locale} · <Instant at={m.createdAt} />
          </p>
          <p className="meta" data-testid="mail-status">
            <strong>{t(`outbox.statuses.${m.status}`)}</strong>
            {m.status === "sent" && m.sentAt ? (
              <>
                {" "}
                · <Instant at={m.sentAt} />
              </>
            ) : null}
            {m.attempts > 0 ? <> · {t("outbox.attempts", { count: m.attempts })}</> : null}
            {m.status === "failed" ? (
              <>
                {" "}
                ·{" "}
                {m.nextAttemptAt ? (
                  <>
                    {t("outbox.nextAttempt")} <Instant at={m.nextAttemptAt} />
                  </>
                ) : (
                  t("outbox.givenUp")
                )}
              </>
            ) : null}
          </p>
          {m.status === "failed" && m.error ? (
            <p className="error-message" data-testid="mail-error">
              {t("outbox.reason")}: {m.error}
            </p>
          ) : null}
          {m.status === "failed" ? (
            <Form method="post" action={here}>
              <input type="hidden" name="id" value={m.id} />
              <button type="submit">{t("outbox.retry")}</button>
            </Form>
          ) : null}
          <pre className="mail-body">{m.body}</pre>
        </article>
      ))}
      <Pager page={mails.page} pages={mails.pages} total={mails.total} search={search} />
    </>
  );
}
