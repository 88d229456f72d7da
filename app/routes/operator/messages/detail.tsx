import { useLoaderData } from "react-router";
import { LOCALE_NAMES, type Locale } from "#src/i18n/locales.ts";
import { getMessage } from "#src/services/messages/get-message.ts";
import { SummaryList } from "../../../components/forms/index.ts";
import { Instant } from "../../../components/instant.tsx";
import { formatNumber, useI18n } from "../../../lib/i18n.tsx";
import { requestContext, run } from "../../../lib/request.server.ts";
import type { Route } from "./+types/detail";
import { PageTitle } from "../../../components/page-title.tsx";

/** One message: its delivery counts (pending, sent, failed), the failures with their reasons, and its versions. */
export async function loader({ request, params }: Route.LoaderArgs) {
  const { rt, actor, locale } = await requestContext(request, params);
  return run(request, locale, async () => ({
    message: await getMessage(rt, actor, params.id, locale),
    sent: new URL(request.url).searchParams.get("done") === "sent",
  }));
}

export default function OperatorMessage() {
  const { t, locale } = useI18n();
  const { message, sent } = useLoaderData<typeof loader>();
  return (
    <>
      <PageTitle title={message.subject} />
      <h1>{message.subject}</h1>
      {sent ? (
        <p className="notice" role="status">
          {t("messagesStaff.done.sent")}
        </p>
      ) : null}
      <SummaryList
        rows={[
          { key: "audience", label: t("messagesStaff.audience"), value: t(`messagesStaff.audiences.${message.audience.kind}`) },
          { key: "sentAt", label: t("messagesStaff.sentAt"), value: <Instant at={message.createdAt} /> },
          { key: "pending", label: t("messagesStaff.counts.pending"), value: formatNumber(message.counts.pending, locale), testId: "count-pending" },
          { key: "sent", label: t("messagesStaff.counts.sent"), value: formatNumber(message.counts.sent, locale), testId: "count-sent" },
          { key: "failed", label: t("messagesStaff.counts.failed"), value: formatNumber(message.counts.failed, locale), testId: "count-failed" },
          { key: "read", label: t("messagesStaff.counts.read"), value: formatNumber(message.read, locale), testId: "count-read" },
        ]}
      />
      <p>
        <a href={`/${locale}/operator/messages/${message.id}`}>{t("messagesStaff.refresh")}</a>
      </p>
      <h2>{t("messagesStaff.failuresTitle")}</h2>
      {message.failures.length === 0 ? (
        <p>{t("messagesStaff.noFailures")}</p>
      ) : (
        <>
          <p>{t("messagesStaff.failuresHint")}</p>
          <table>
            <caption>{t("messagesStaff.failuresCaption")}</caption>
            <thead>
              <tr>
                <th scope="col">{t("messagesStaff.recipient")}</th>
                <th scope="col">{t("messagesStaff.reason")}</th>
                <th scope="col">{t("messagesStaff.attempts")}</th>
                <th scope="col">{t("messagesStaff.nextAttempt")}</th>
              </tr>
            </thead>
            <tbody>
              {message.failures.map((f) => (
                <tr key={f.email}>
                  <td>
                    <a href={`/${locale}/operator/outbox?to=${encodeURIComponent(f.email)}&status=failed`}>
                      {f.name} &lt;{f.email}&gt;
                    </a>
                  </td>
                  <td>{f.reason}</td>
                  <td>{formatNumber(f.attempts, locale)}</td>
                  <td>{f.nextAttemptAt ? <Instant at={f.nextAttemptAt} /> : t("messagesStaff.noMoreAttempts")}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
      <h2>{t("messagesStaff.versionsTitle")}</h2>
      {message.versions.map((v) => (
        <section key={v.locale} aria-labelledby={`version-${v.locale}`}>
          <h3 id={`version-${v.locale}`}>{LOCALE_NAMES[v.locale as Locale] ?? v.locale}</h3>
          <div lang={v.locale}>
            <p>
              <strong>{v.subject}</strong>
            </p>
            <p className="mail-body">{v.body}</p>
          </div>
        </section>
      ))}
      <p>
        <a href={`/${locale}/operator/messages`}>{t("messagesStaff.backToList")}</a>
      </p>
    </>
  );
}
