import { Form, redirect, useActionData, useLoaderData, useSearchParams } from "react-router";
import { getScreeningBoard } from "#src/services/screening/get-screening-board.ts";
import { inviteReviewerToRound } from "#src/services/screening/invite-reviewer-to-round.ts";
import { runReviewAssignment } from "#src/services/screening/run-review-assignment.ts";
import { sendScreeningReminders } from "#src/services/screening/send-screening-reminders.ts";
import { ErrorSummary, Field, Select, SummaryList, useFormState } from "../../../components/forms/index.ts";
import { Instant } from "../../../components/instant.tsx";
import { Refusal } from "../../../components/refusal.tsx";
import { formatNumber, useI18n } from "../../../lib/i18n.tsx";
import { readForm, requestContext, run, runForm } from "../../../lib/request.server.ts";
import type { Route } from "./+types/board";
import { PageTitle } from "../../../components/page-title.tsx";

/** The operator's screening board of a round: reviewers and their progress, inviting, the assignment (preview, then commit). */
export async function loader({ request, params }: Route.LoaderArgs) {
  const { rt, actor, locale } = await requestContext(request, params);
  return run(request, locale, async () => ({ board: await getScreeningBoard(rt, actor, params.roundId) }));
}

export async function action({ request, params }: Route.ActionArgs) {
  const { rt, actor, locale } = await requestContext(request, params);
  const form = await request.formData();
  const base = `/${locale}/operator/rounds/${params.roundId}/screening`;
  if (form.get("_form") === "invite") {
    const out = await runForm(request, locale, form, () => inviteReviewerToRound(rt, actor, params.roundId, readForm(form)));
    if (!out.ok) return out.response;
    return redirect(`${base}?invited=${out.result.invited}`);
  }
  if (form.get("_form") === "remind") {
    const out = await runForm(request, locale, form, () => sendScreeningReminders(rt, actor, params.roundId));
    if (!out.ok) return out.response;
    return redirect(`${base}?reminded=${out.result.queued}&already=${out.result.alreadyReminded}`);
  }
  const out = await runForm(request, locale, form, () => runReviewAssignment(rt, actor, params.roundId, readForm(form)));
  if (!out.ok) return out.response;
  if (out.result.committed) return redirect(`${base}?assigned=${out.result.added}`);
  return { ok: true as const, preview: out.result };
}

export default function ScreeningBoard() {
  const { t, locale } = useI18n();
  const { board } = useLoaderData<typeof loader>();
  const posted = useActionData<typeof action>();
  const preview = posted && "preview" in posted ? posted.preview : null;
  const formState = useFormState();
  const [search] = useSearchParams();
  const n = (x: number) => formatNumber(x, locale);
  const names = new Map(board.reviewers.map((r) => [r.userId, r.name ?? r.email]));
  return (
    <>
      <PageTitle title={t("screening.board.title", { round: locale === "ja" ? board.round.nameJa : board.round.nameEn })} />
      <h1>{t("screening.board.title", { round: locale === "ja" ? board.round.nameJa : board.round.nameEn })}</h1>
      {search.get("invited") ? (
        <p className="notice" role="status">
          {t(search.get("invited") === "existing" ? "screening.board.invitedExisting" : "screening.board.invitedNew")}
        </p>
      ) : null}
      {search.get("assigned") !== null ? (
        <p className="notice" role="status" data-testid="assigned-notice">
          {t("screening.board.assigned", { added: Number(search.get("assigned")) })}
        </p>
      ) : null}
      <p>
        <a href={`/${locale}/operator/rounds/${board.round.id}`}>{t("screening.board.backToRound")}</a> ·{" "}
        <a href={`/${locale}/operator/rounds/${board.round.id}/screening/ranking`}>{t("screening.ranking.link")}</a> ·{" "}
        <a href={`/${locale}/operator/rounds/${board.round.id}/screening/applications`}>{t("screeningOps.applications.link")}</a> ·{" "}
        <a href={`/${locale}/operator/rounds/${board.round.id}/screening/rubric`}>{t("screeningOps.rubric.link")}</a> ·{" "}
        <a href={`/${locale}/operator/screening/aliases`}>{t("screeningOps.aliases.link")}</a>
      </p>
      <Refusal title={t("screening.refusedTitle")} />
      <ErrorSummary state={formState} labels={{ email: t("screening.board.email"), reads: t("screening.board.reads") }} />
      <h2>{t("screening.board.progressTitle")}</h2>
      <SummaryList
        rows={[
          { key: "phase", label: t("screening.board.phase"), value: t(`phases.${board.round.phase}`) },
          { key: "deadline", label: t("screening.reviewer.deadline"), value: board.deadline ? <Instant at={board.deadline} /> : t("screening.notSet") },
          { key: "reads", label: t("screening.board.reads"), value: n(board.settings.reads), testId: "reads-setting" },
          { key: "eligible", label: t("screening.board.eligible"), value: n(board.applications.eligible), testId: "eligible-count" },
          { key: "assigned", label: t("screening.board.fullyAssigned"), value: n(board.applications.fullyAssigned), testId: "fully-assigned" },
          { key: "scored", label: t("screening.board.fullyScored"), value: n(board.applications.fullyScored), testId: "fully-scored" },
          {
            key: "closed",
            label: t("screening.board.closed"),
            value: board.settings.closedAt ? <Instant at={board.settings.closedAt} /> : t("screening.board.open"),
          },
        ]}
      />
      <h2>{t("screening.board.reviewersTitle")}</h2>
      {board.reviewers.length === 0 ? (
        <p>{t("screening.board.noReviewers")}</p>
      ) : (
        <table>
          <caption>{t("screening.board.reviewersCaption")}</caption>
          <thead>
            <tr>
              <th scope="col">{t("screening.board.reviewer")}</th>
              <th scope="col">{t("screening.board.profile")}</th>
              <th scope="col">{t("screening.profile.capacity")}</th>
              <th scope="col">{t("screening.board.assignedCount")}</th>
              <th scope="col">{t("screening.states.draft")}</th>
              <th scope="col">{t("screening.states.submitted")}</th>
            </tr>
          </thead>
          <tbody>
            {board.reviewers.map((r) => (
              <tr key={r.email} data-testid="board-reviewer">
                <th scope="row">
                  {r.name ?? r.email}
                  {r.name ? <div className="hint">{r.email}</div> : null}
                </th>
                <td>
                  {!r.joined
                    ? t("screening.board.invitationOpen")
                    : r.profileSaved
                      ? [r.languages.join(", "), r.fields.join(", "), r.affiliations.join("; ")].filter(Boolean).join(" · ")
                      : t("screening.board.noProfile")}
                </td>
                <td>{r.capacity === null || !r.profileSaved ? "—" : n(r.capacity)}</td>
                <td>{n(r.assigned)}</td>
                <td>{n(r.drafts)}</td>
                <td>{n(r.submitted)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <section aria-labelledby="remind-title">
        <h2 id="remind-title">{t("screeningOps.remind.title")}</h2>
        {search.get("reminded") !== null ? (
          <p className="notice" role="status" data-testid="reminded-notice">
            {t("screeningOps.remind.done", { queued: Number(search.get("reminded")), already: Number(search.get("already") ?? 0) })}
          </p>
        ) : null}
        <p>{t("screeningOps.remind.lead")}</p>
        <Form method="post">
          <input type="hidden" name="_form" value="remind" />
          <button type="submit">{t("screeningOps.remind.submit")}</button>
        </Form>
      </section>
      <h2>{t("screening.board.inviteTitle")}</h2>
      <Form method="post" noValidate>
        <input type="hidden" name="_form" value="invite" />
        <Field name="email" label={t("screening.board.email")} type="email" state={formState} required />
        <Select
          name="locale"
          label={t("screening.board.inviteLocale")}
          state={formState}
          defaultValue={locale}
          options={[
            { value: "ja", label: "日本語" },
            { value: "en", label: "English" },
          ]}
        />
        <button type="submit">{t("screening.board.inviteSubmit")}</button>
      </Form>
      <h2>{t("screening.board.assignTitle")}</h2>
      <p>{t("screening.board.assignLead")}</p>
      <Form method="post" noValidate>
        <input type="hidden" name="_form" value="assign" />
        {/* after a preview, the reads previewed (remounted so the value shows with JavaScript on too) */}
        <Field
          key={preview ? `preview-${preview.reads}` : "saved"}
          name="reads"
          label={t("screening.board.reads")}
          type="number"
          width="short"
          state={formState}
          required
          defaultValue={preview?.reads ?? board.settings.reads}
        />
        <div className="actions">
          <button type="submit" name="commit" value="preview">
            {t("screening.board.preview")}
          </button>{" "}
          <button type="submit" name="commit" value="commit">
            {t("screening.board.commit")}
          </button>
        </div>
      </Form>
      {preview ? (
        <section aria-labelledby="preview-title" data-testid="assignment-preview">
          <h3 id="preview-title">{t("screening.board.previewTitle")}</h3>
          <p>
            {t("screening.board.previewSummary", {
              applications: preview.applications,
              reviewers: preview.reviewers,
              kept: preview.kept,
              added: preview.added,
              conflicts: preview.conflicts,
              language: preview.languageMatches,
            })}
          </p>
          <table>
            <caption>{t("screening.board.loadsCaption")}</caption>
            <thead>
              <tr>
                <th scope="col">{t("screening.board.reviewer")}</th>
                <th scope="col">{t("screening.profile.capacity")}</th>
                <th scope="col">{t("screening.board.kept")}</th>
                <th scope="col">{t("screening.board.added")}</th>
                <th scope="col">{t("screening.board.total")}</th>
              </tr>
            </thead>
            <tbody>
              {preview.loads.map((l) => (
                <tr key={l.reviewer}>
                  <th scope="row">{names.get(l.reviewer) ?? l.reviewer}</th>
                  <td>{n(l.capacity)}</td>
                  <td>{n(l.kept)}</td>
                  <td>{n(l.added)}</td>
                  <td>{n(l.total)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      ) : null}
    </>
  );
}
