import { Form, useActionData, useLoaderData, useParams } from "react-router";
import { cancelRegistration } from "#src/services/sessions/cancel-registration.ts";
import { getRegistrationByToken } from "#src/services/sessions/get-registration-by-token.ts";
import { useI18n } from "../../lib/i18n.tsx";
import { requestContext, run } from "../../lib/request.server.ts";
import type { Route } from "./+types/cancel";
import { PageTitle } from "../../components/page-title.tsx";

/** The cancel link from the e-mail: the page asks to confirm (a GET never changes anything). */
export async function loader({ request, params }: Route.LoaderArgs) {
  const { rt, locale } = await requestContext(request, params);
  return run(request, locale, () => getRegistrationByToken(rt, params.token, locale));
}

export async function action({ request, params }: Route.ActionArgs) {
  const { rt, locale } = await requestContext(request, params);
  await run(request, locale, () => cancelRegistration(rt, params.token));
  return { done: true };
}

export default function CancelRegistration() {
  const { t, locale } = useI18n();
  const reg = useLoaderData<typeof loader>();
  const { token } = useParams();
  const done = useActionData<typeof action>()?.done || reg.status === "cancelled";
  return (
    <>
      <PageTitle title={t("sessions.cancelTitle")} />
      <h1>{t("sessions.cancelTitle")}</h1>
      <p>
        <a href={`/${locale}/sessions/${reg.sessionId}`}>{reg.title}</a>
      </p>
      <p>
        <a href={`/${locale}/sessions/my-data/${token}`}>{t("rights.registrant.link")}</a>
      </p>
      {done ? (
        <p className="notice" role="status">
          {t("sessions.cancelDone")}
        </p>
      ) : (
        <Form method="post">
          <p>{t("sessions.cancelQuestion")}</p>
          <button type="submit">{t("sessions.cancelButton")}</button>
        </Form>
      )}
    </>
  );
}
