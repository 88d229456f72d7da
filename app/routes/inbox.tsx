import { useLoaderData } from "react-router";
import { listInbox } from "#src/services/messages/list-inbox.ts";
import { Instant } from "../components/instant.tsx";
import { useI18n } from "../lib/i18n.tsx";
import { requestContext, run } from "../lib/request.server.ts";
import type { Route } from "./+types/inbox";
import { PageTitle } from "../components/page-title.tsx";

/** The signed-in user's messages from the program office, newest first. */
export async function loader({ request, params }: Route.LoaderArgs) {
  const { rt, actor, locale } = await requestContext(request, params);
  return run(request, locale, async () => ({ messages: await listInbox(rt, actor) }));
}

export default function Inbox() {
  const { t, locale } = useI18n();
  const { messages } = useLoaderData<typeof loader>();
  return (
    <>
      <PageTitle title={t("inbox.title")} />
      <h1>{t("inbox.title")}</h1>
      {messages.length === 0 ? (
        <p>{t("inbox.empty")}</p>
      ) : (
        <ul className="inbox" aria-label={t("inbox.listLabel")}>
          {messages.map((m) => (
            <li key={m.id} data-testid="inbox-item">
              <a href={`/${locale}/inbox/${m.id}`} lang={m.locale}>
                {m.read ? m.subject : <strong>{m.subject}</strong>}
              </a>{" "}
              {m.read ? null : <span className="badge">{t("inbox.unread")}</span>} <Instant at={m.sentAt} />
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
