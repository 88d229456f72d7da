import { useLoaderData } from "react-router";
import { listMessages } from "#src/services/messages/list-messages.ts";
import { Instant } from "../../../components/instant.tsx";
import { formatNumber, useI18n } from "../../../lib/i18n.tsx";
import { requestContext, run } from "../../../lib/request.server.ts";
import type { Route } from "./+types/list";
import { PageTitle } from "../../../components/page-title.tsx";

/** Every message to a group, newest first, with its delivery counts. */
export async function loader({ request, params }: Route.LoaderArgs) {
  const { rt, actor, locale } = await requestContext(request, params);
  return run(request, locale, async () => ({ messages: await listMessages(rt, actor, locale) }));
}

export default function OperatorMessages() {
  const { t, locale } = useI18n();
  const { messages } = useLoaderData<typeof loader>();
  return (
    <>
      <PageTitle title={t("messagesStaff.title")} />
      <h1>{t("messagesStaff.title")}</h1>
      <p>
        <a className="button" href={`/${locale}/operator/messages/new`}>
          {t("messagesStaff.newTitle")}
        </a>
      </p>
      {messages.length === 0 ? (
        <p>{t("messagesStaff.none")}</p>
      ) : (
        <table>
          <caption>{t("messagesStaff.caption")}</caption>
          <thead>
            <tr>
              <th scope="col">{t("messagesStaff.subject")}</th>
              <th scope="col">{t("messagesStaff.audience")}</th>
              <th scope="col">{t("messagesStaff.sentAt")}</th>
              <th scope="col">{t("messagesStaff.counts.pending")}</th>
              <th scope="col">{t("messagesStaff.counts.sent")}</th>
              <th scope="col">{t("messagesStaff.counts.failed")}</th>
            </tr>
          </thead>
          <tbody>
            {messages.map((m) => (
              <tr key={m.id}>
                <th scope="row">
                  <a href={`/${locale}/operator/messages/${m.id}`}>{m.subject}</a>
                </th>
                <td>{t(`messagesStaff.audiences.${m.audience}`)}</td>
                <td>
                  <Instant at={m.createdAt} />
                </td>
                <td>{formatNumber(m.counts.pending, locale)}</td>
                <td>{formatNumber(m.counts.sent, locale)}</td>
                <td>{formatNumber(m.counts.failed, locale)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </>
  );
}
