import { Form, useLoaderData, useLocation } from "react-router";
import { listOutbox } from "../../../src/services/mail/list-outbox.ts";
import { pageRequestFrom } from "../../../src/services/paging.ts";
import { fieldId } from "../../components/form.tsx";
import { Instant } from "../../components/instant.tsx";
import { Pager } from "../../components/pager.tsx";
import { useI18n } from "../../lib/i18n.tsx";
import { requestContext, run } from "../../lib/request.server.ts";
import type { Route } from "./+types/outbox";

export async function loader({ request, params }: Route.LoaderArgs) {
  const { rt, actor, locale } = await requestContext(request, params);
  const sp = new URL(request.url).searchParams;
  const to = sp.get("to")?.trim() || undefined;
  const mails = await run(request, locale, () => listOutbox(rt, actor, { to }, pageRequestFrom(sp, 20)));
  return { mails, to: to ?? "" };
}

/** The development outbox: every e-mail the platform sent, readable by operators. */
export default function Outbox() {
  const { t } = useI18n();
  const { mails, to } = useLoaderData<typeof loader>();
  const { search } = useLocation();
  return (
    <>
      <h1>{t("outbox.title")}</h1>
      <p>{t("outbox.lead")}</p>
      <Form method="get" className="filters">
        <div className="field">
          <label htmlFor={fieldId("to")}>{t("outbox.to")}</label>
          <input id={fieldId("to")} name="to" type="email" defaultValue={to} />
        </div>
        <button type="submit">{t("audit.applyFilter")}</button>
      </Form>
      {mails.items.map((m) => (
        <article key={m.id} className="mail">
          <h2>{m.subject}</h2>
          <p className="meta">
            {t("outbox.to")}: <span data-testid="mail-to">{m.to}</span> · {m.locale} · <Instant at={m.createdAt} />
          </p>
          <pre className="mail-body">{m.body}</pre>
        </article>
      ))}
      <Pager page={mails.page} pages={mails.pages} total={mails.total} search={search} />
    </>
  );
}
