import { Form, redirect, useLoaderData, useLocation } from "react-router";
import type { DiffSegment } from "#src/domain/cases/diff.ts";
import { getCaseRevisionDiff, listCaseRevisions } from "#src/services/cases/list-case-revisions.ts";
import { restoreCaseRevision } from "#src/services/cases/restore-case-revision.ts";
import { pageRequestFrom } from "#src/services/paging.ts";
import { Instant } from "../../../components/instant.tsx";
import { Pager } from "../../../components/pager.tsx";
import { Refusal } from "../../../components/refusal.tsx";
import { useI18n } from "../../../lib/i18n.tsx";
import { requestContext, run, runForm } from "../../../lib/request.server.ts";
import type { Route } from "./+types/revisions";
import { PageTitle } from "../../../components/page-title.tsx";

/**
 * A case's revisions (who, when, what changed), the changes between two of
 * them (?to=N, optionally &from=M; by default the latest against the one
 * before), and restoring an old one as a new revision.
 */
export async function loader({ request, params }: Route.LoaderArgs) {
  const { rt, actor, locale } = await requestContext(request, params);
  const url = new URL(request.url);
  return run(request, locale, async () => {
    const list = await listCaseRevisions(rt, actor, params.id, pageRequestFrom(url.searchParams, 20));
    const to = url.searchParams.get("to") ?? String(list.case.revision);
    const diff =
      Number(to) > 1 || url.searchParams.get("from")
        ? await getCaseRevisionDiff(rt, actor, params.id, { to, from: url.searchParams.get("from") ?? undefined })
        : null;
    return { ...list, diff };
  });
}

export async function action({ request, params }: Route.ActionArgs) {
  const { rt, actor, locale } = await requestContext(request, params);
  const form = await request.formData();
  const out = await runForm(request, locale, form, () => restoreCaseRevision(rt, actor, { caseId: params.id, number: form.get("number") }));
  return out.ok ? redirect(`/${locale}/operator/cases/${params.id}?done=restored&from=${form.get("number")}&revision=${out.result.revision}`) : out.response;
}

function fieldLabel(t: ReturnType<typeof useI18n>["t"], field: string): string {
  const [a, b, c, d] = field.split(".");
  if (!b) return t(`casesStaff.diff.fields.${a}`);
  const lang = t(`casesStaff.languages.${a}`);
  if (b === "quotes")
    return `${t("casesStaff.edit.quote", { n: c ?? "" })}: ${t(d === "by" ? "casesStaff.edit.quoteBy" : "casesStaff.edit.quoteText")} (${lang})`;
  return `${t(`casesStaff.edit.sections.${b}`)} (${lang})`;
}

/** A change shown inline: removed text struck through and added text marked, each announced for screen readers. */
function Segments({ segments }: { segments: DiffSegment[] }) {
  const { t } = useI18n();
  return (
    <p className="diff">
      {segments.map((s, i) =>
        s.op === "equal" ? (
          <span key={i}>{s.text}</span>
        ) : s.op === "delete" ? (
          <del key={i}>
            <span className="visually-hidden">{t("casesStaff.diff.removed")} </span>
            {s.text}
          </del>
        ) : (
          <ins key={i}>
            <span className="visually-hidden">{t("casesStaff.diff.added")} </span>
            {s.text}
          </ins>
        ),
      )}
    </p>
  );
}

export default function CaseRevisions() {
  const { t, locale } = useI18n();
  const { case: c, revisions, diff } = useLoaderData<typeof loader>();
  const { search } = useLocation();
  return (
    <>
      <PageTitle title={t("casesStaff.revisions.title", { number: c.number })} />
      <h1>{t("casesStaff.revisions.title", { number: c.number })}</h1>
      <p>
        <a href={`/${locale}/operator/cases/${c.id}`}>{t("casesStaff.revisions.back")}</a>
      </p>
      <Refusal />
      {diff ? (
        <section aria-labelledby="diff-title">
          <h2 id="diff-title">{t("casesStaff.diff.title", { from: diff.from, to: diff.to })}</h2>
          {diff.changes.length === 0 ? (
            <p>{t("casesStaff.diff.none")}</p>
          ) : (
            <dl className="diff-list" data-testid="diff">
              {diff.changes.map((ch) => (
                <div key={ch.field}>
                  <dt>{fieldLabel(t, ch.field)}</dt>
                  <dd>
                    <Segments segments={ch.segments} />
                  </dd>
                </div>
              ))}
            </dl>
          )}
          <form method="get" className="filters" aria-label={t("casesStaff.diff.compare")}>
            <div className="field">
              <label htmlFor="diff-from">{t("casesStaff.diff.from")}</label>
              <input id="diff-from" name="from" inputMode="numeric" className="width-short" defaultValue={String(diff.from)} />
            </div>
            <div className="field">
              <label htmlFor="diff-to">{t("casesStaff.diff.to")}</label>
              <input id="diff-to" name="to" inputMode="numeric" className="width-short" defaultValue={String(diff.to)} />
            </div>
            <button type="submit">{t("casesStaff.diff.compare")}</button>
          </form>
        </section>
      ) : null}
      <table>
        <caption>{t("casesStaff.revisions.caption")}</caption>
        <thead>
          <tr>
            <th scope="col">{t("casesStaff.revisions.number")}</th>
            <th scope="col">{t("casesStaff.revisions.author")}</th>
            <th scope="col">{t("casesStaff.revisions.at")}</th>
            <th scope="col">{t("casesStaff.revisions.changed")}</th>
            <th scope="col">
              <span className="visually-hidden">{t("casesStaff.revisions.restore", { number: "" })}</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {revisions.items.map((r) => (
            <tr key={r.number}>
              <td>
                {r.number}
                {r.published ? ` (${t("casesStaff.revisions.public")})` : ""}
              </td>
              <td>
                {r.authorName ?? "—"} ({t(`roles.${r.authorRole}`)})
              </td>
              <td>
                <Instant at={r.at} />
              </td>
              <td>
                {r.restoredFrom ? <p>{t("casesStaff.revisions.restoredFrom", { number: r.restoredFrom })}</p> : null}
                {r.number === 1 ? t("casesStaff.revisions.created") : r.changed.map((f) => fieldLabel(t, f)).join(", ")}
                {r.number > 1 ? (
                  <>
                    {" "}
                    <a href={`?to=${r.number}`}>{t("casesStaff.revisions.showDiff", { number: r.number })}</a>
                  </>
                ) : null}
              </td>
              <td>
                {c.canRestore && r.number !== c.revision ? (
                  <Form method="post">
                    <input type="hidden" name="number" value={r.number} />
                    <button type="submit" className="secondary">
                      {t("casesStaff.revisions.restore", { number: r.number })}
                    </button>
                  </Form>
                ) : null}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <Pager page={revisions.page} pages={revisions.pages} total={revisions.total} search={search} />
    </>
  );
}
