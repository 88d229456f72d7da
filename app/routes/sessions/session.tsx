import { Form, useActionData, useLoaderData } from "react-router";
import { registerForSession } from "#src/services/sessions/register-for-session.ts";
import { getPublicSession } from "#src/services/sessions/get-public-session.ts";
import { ErrorSummary, Field, Select, useFormState } from "../../components/forms/index.ts";
import { countryOptions } from "../../lib/countries.ts";
import { useI18n } from "../../lib/i18n.tsx";
import { clientIp, readForm, requestContext, run, runForm } from "../../lib/request.server.ts";
import type { Route } from "./+types/session";
import { SessionFacts } from "./session-parts.tsx";
import { Refusal } from "../../components/refusal.tsx";
import { PageTitle } from "../../components/page-title.tsx";

/** One session: what, when, where; registration with or without an account. */
export async function loader({ request, params }: Route.LoaderArgs) {
  const { rt, actor, locale } = await requestContext(request, params);
  const session = await run(request, locale, () => getPublicSession(rt, actor, params.id, locale));
  return { session, me: actor ? { name: actor.name, email: actor.email } : null };
}

export async function action({ request, params }: Route.ActionArgs) {
  const { rt, actor, locale } = await requestContext(request, params);
  const form = await request.formData();
  const out = await runForm(request, locale, form, () => registerForSession(rt, actor, { ...readForm(form), sessionId: params.id, locale }, clientIp(request)));
  if (!out.ok) return out.response;
  return { ok: true as const, ...out.result, email: actor?.email ?? String(form.get("email") ?? "").trim() };
}

export default function SessionPage() {
  const { t, locale } = useI18n();
  const { session: s, me } = useLoaderData<typeof loader>();
  const state = useFormState();
  const done = useActionData<typeof action>() as { ok: true; status: "registered" | "waitlisted"; again: boolean; email: string } | undefined;
  const labels = {
    name: t("sessions.form.name"),
    email: t("sessions.form.email"),
    countryCode: t("sessions.form.country"),
    affiliation: t("sessions.form.affiliation"),
  };
  const open = !s.cancelled && !s.past;
  return (
    <>
      <p>
        <a href={`/${locale}/sessions`}>{t("sessions.backToCalendar")}</a>
      </p>
      <PageTitle title={s.title} />
      <h1>{s.title}</h1>
      <Refusal />
      {s.cancelled ? (
        <p className="notice" role="status">
          {t("sessions.cancelledNotice")}
        </p>
      ) : null}
      {s.description ? <p className="lead">{s.description}</p> : null}
      <SessionFacts s={s} />
      {s.meetingUrl ? (
        <p>
          {t("sessions.meetingLink")}: <a href={s.meetingUrl}>{s.meetingUrl}</a>
        </p>
      ) : null}
      {done?.ok ? (
        <div className="notice" role="status" data-testid="registration-result">
          <p>{t(done.status === "registered" ? "sessions.registeredNotice" : "sessions.waitlistedNotice", { email: done.email })}</p>
          {done.again ? <p>{t("sessions.againNotice")}</p> : null}
        </div>
      ) : s.myStatus ? (
        <p className="notice" role="status">
          {t(s.myStatus === "registered" ? "sessions.youAreRegistered" : "sessions.youAreWaitlisted")}
        </p>
      ) : open ? (
        <section aria-labelledby="register-title">
          <h2 id="register-title">{s.full ? t("sessions.waitlistTitle") : t("sessions.registerTitle")}</h2>
          {s.full ? <p>{t("sessions.fullExplain")}</p> : null}
          <p className="hint">{s.mode === "online" ? t("sessions.linkAfterRegistering") : t("sessions.registerHint")}</p>
          <ErrorSummary state={state} labels={labels} />
          <Form method="post" noValidate>
            <Field name="name" label={labels.name} state={state} required autoComplete="name" defaultValue={me?.name} />
            <Field
              name="email"
              label={labels.email}
              state={state}
              required
              type="email"
              autoComplete="email"
              defaultValue={me?.email}
              hint={me ? t("sessions.form.accountEmail") : undefined}
            />
            <Select
              name="countryCode"
              label={labels.countryCode}
              state={state}
              required
              placeholder={t("sessions.form.chooseCountry")}
              options={countryOptions(locale)}
            />
            <Field name="affiliation" label={labels.affiliation} hint={t("sessions.form.affiliationHint")} state={state} autoComplete="organization" />
            <button type="submit">{s.full ? t("sessions.form.joinWaitlist") : t("sessions.form.register")}</button>
          </Form>
        </section>
      ) : null}
    </>
  );
}
