import { redirect, useLoaderData } from "react-router";
import { listRounds } from "#src/services/rounds/list-rounds.ts";
import { createSession } from "#src/services/sessions/create-session.ts";
import { authorize } from "#src/services/authorize.ts";
import { useFormState } from "../../../components/forms/index.ts";
import { useI18n } from "../../../lib/i18n.tsx";
import { readForm, requestContext, run, runForm } from "../../../lib/request.server.ts";
import type { Route } from "./+types/new";
import { SessionForm } from "./session-form.tsx";
import { PageTitle } from "../../../components/page-title.tsx";

export async function loader({ request, params }: Route.LoaderArgs) {
  const { rt, actor, locale } = await requestContext(request, params);
  return run(request, locale, async () => {
    authorize(actor, "round.manage");
    const rounds = await listRounds(rt, actor, { page: 1, size: 100 });
    const roundId = new URL(request.url).searchParams.get("round") ?? rounds.items[0]?.id ?? "";
    return { rounds: rounds.items.map((r) => ({ id: r.id, name: locale === "ja" ? r.nameJa : r.nameEn })), roundId };
  });
}

export async function action({ request, params }: Route.ActionArgs) {
  const { rt, actor, locale } = await requestContext(request, params);
  const form = await request.formData();
  const out = await runForm(request, locale, form, () => createSession(rt, actor, readForm(form)));
  if (!out.ok) return out.response;
  return redirect(`/${locale}/operator/sessions/${out.result.id}?done=created`);
}

export default function NewSession() {
  const { t } = useI18n();
  const { rounds, roundId } = useLoaderData<typeof loader>();
  const state = useFormState();
  return (
    <>
      <PageTitle title={t("sessionsStaff.newTitle")} />
      <h1>{t("sessionsStaff.newTitle")}</h1>
      <SessionForm
        state={state}
        rounds={rounds}
        values={{ roundId, mode: "in_person", timeZone: "Asia/Tokyo", language: "en", capacity: "50", audience: "applicants" }}
        submitLabel={t("sessionsStaff.create")}
      />
    </>
  );
}
