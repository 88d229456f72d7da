import { useLoaderData } from "react-router";
import { openInboxMessage } from "#src/services/messages/open-inbox-message.ts";
import { Instant } from "../components/instant.tsx";
import { useI18n } from "../lib/i18n.tsx";
import { requestContext, run } from "../lib/request.server.ts";
import type { Route } from "./+types/inbox-message";
import { PageTitle } from "../components/page-title.tsx";

/** One message of the inbox, in the version chosen for the recipient; opening it marks it read. */
export async function loader({ request, params }: Route.LoaderArgs) {
  const { rt, actor, locale } = await requestContext(request, params);
  return run(request, locale, async () => ({ message: await openInboxMessage(rt, actor, params.id) }));
}

export default function InboxMessage() {
  const { t, locale } = useI18n();
  const { message } = useLoaderData<typeof loader>();
  return (
    <>
      <article lang={message.locale}>
        <PageTitle title={message.subject} />
        <h1>{message.subject}</h1>
        <p className="mail-body" data-testid="message-body">
          {message.body}
        </p>
      </article>
      <p>
        {t("inbox.sentAt")}: <Instant at={message.sentAt} />
      </p>
      <p>
        <a href={`/${locale}/inbox`}>{t("inbox.back")}</a>
      </p>
    </>
  );
}
