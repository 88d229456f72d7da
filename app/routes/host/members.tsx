import { Form, redirect, useLoaderData, useSearchParams } from "react-router";
import { getHostHome } from "#src/services/hosts/get-host-home.ts";
import { changeMemberRole } from "#src/services/hosts/change-member-role.ts";
import { inviteMember } from "#src/services/hosts/invite-member.ts";
import { removeMember } from "#src/services/hosts/remove-member.ts";
import { NotFoundError } from "#src/services/errors.ts";
import { ErrorSummary, Field, Select, useFormState } from "../../components/forms/index.ts";
import { Instant } from "../../components/instant.tsx";
import { useI18n } from "../../lib/i18n.tsx";
import { readForm, requestContext, run, runForm } from "../../lib/request.server.ts";
import { Notice } from "../../components/notice.tsx";
import type { Route } from "./+types/members";
import { Refusal } from "../../components/refusal.tsx";
import { PageTitle } from "../../components/page-title.tsx";

export async function loader({ request, params }: Route.LoaderArgs) {
  const { rt, actor, locale } = await requestContext(request, params);
  return run(request, locale, async () => {
    const home = await getHostHome(rt, actor);
    if (!home.organization) throw new NotFoundError("host_organization");
    return {
      members: home.members,
      invitations: home.pendingInvitations,
      isAdmin: home.orgRole === "admin",
      me: actor!.userId,
      name: home.organization.nameJa,
    };
  });
}

export async function action({ request, params }: Route.ActionArgs) {
  const { rt, actor, locale } = await requestContext(request, params);
  const form = await request.formData();
  const input = readForm(form);
  const intent = form.get("intent");
  const fn = async (): Promise<void> => {
    if (intent === "remove") await removeMember(rt, actor, input);
    else if (intent === "role") await changeMemberRole(rt, actor, input);
    else await inviteMember(rt, actor, input);
  };
  const out = await runForm(request, locale, form, fn);
  if (!out.ok) return out.response;
  return redirect(`/${locale}/host/members?done=${intent === "remove" ? "removed" : intent === "role" ? "changed" : "invited"}`);
}

export default function Members() {
  const { t, locale } = useI18n();
  const { members, invitations, isAdmin, me, name } = useLoaderData<typeof loader>();
  const formState = useFormState();
  const [search] = useSearchParams();
  const done = search.get("done");
  const labels = { email: t("auth.email"), orgRole: t("hostOrg.memberRole"), locale: t("hostOrg.language") };
  return (
    <>
      <PageTitle title={`${t("hostOrg.membersTitle")}: ${name}`} />
      <h1>
        {t("hostOrg.membersTitle")}: {name}
      </h1>
      <Notice
        text={
          done === "invited" ? t("hostOrg.invited") : done === "changed" ? t("hostOrg.memberChanged") : done === "removed" ? t("hostOrg.memberRemoved") : null
        }
      />
      <Refusal />
      <ErrorSummary state={formState} labels={labels} />
      <table className="stack-narrow">
        <caption>{t("hostOrg.membersTitle")}</caption>
        <thead>
          <tr>
            <th scope="col">{t("hostOrg.memberName")}</th>
            <th scope="col">{t("hostOrg.memberEmail")}</th>
            <th scope="col">{t("hostOrg.memberRole")}</th>
            {isAdmin ? <th scope="col">{t("hostOrg.actions")}</th> : null}
          </tr>
        </thead>
        <tbody>
          {members.map((m) => (
            <tr key={m.userId}>
              <td data-label={t("hostOrg.memberName")}>{m.name}</td>
              <td data-label={t("hostOrg.memberEmail")}>{m.email}</td>
              <td data-label={t("hostOrg.memberRole")}>{t(`hostOrg.orgRoles.${m.orgRole}`)}</td>
              {isAdmin ? (
                <td data-label={t("hostOrg.actions")}>
                  {m.userId !== me ? (
                    <div className="inline-actions">
                      <Form method="post">
                        <input type="hidden" name="intent" value="role" />
                        <input type="hidden" name="userId" value={m.userId} />
                        <input type="hidden" name="orgRole" value={m.orgRole === "admin" ? "member" : "admin"} />
                        <button type="submit" className="link-button">
                          {m.orgRole === "admin" ? t("hostOrg.makeMember", { name: m.name }) : t("hostOrg.makeAdmin", { name: m.name })}
                        </button>
                      </Form>
                      <Form method="post">
                        <input type="hidden" name="intent" value="remove" />
                        <input type="hidden" name="userId" value={m.userId} />
                        <button type="submit" className="link-button">
                          {t("hostOrg.remove", { name: m.name })}
                        </button>
                      </Form>
                    </div>
                  ) : null}
                </td>
              ) : null}
            </tr>
          ))}
        </tbody>
      </table>
      {invitations.length ? (
        <>
          <h2>{t("hostOrg.pendingTitle")}</h2>
          <ul>
            {invitations.map((i) => (
              <li key={i.email}>
                {i.email} ({t(`hostOrg.orgRoles.${i.orgRole}`)}) — {t("hostOrg.validUntil")}: <Instant at={i.expiresAt} />
              </li>
            ))}
          </ul>
        </>
      ) : null}
      {isAdmin ? (
        <>
          <h2>{t("hostOrg.inviteTitle")}</h2>
          <p>{t("hostOrg.inviteLead")}</p>
          <Form method="post" noValidate>
            <input type="hidden" name="intent" value="invite" />
            <Field name="email" label={labels.email} type="email" state={formState} required />
            <Select
              name="orgRole"
              label={labels.orgRole}
              state={formState}
              required
              defaultValue="member"
              options={[
                { value: "member", label: t("hostOrg.orgRoles.member") },
                { value: "admin", label: t("hostOrg.orgRoles.admin") },
              ]}
            />
            <Select
              name="locale"
              label={labels.locale}
              state={formState}
              defaultValue={locale}
              options={[
                { value: "ja", label: "日本語" },
                { value: "en", label: "English" },
              ]}
            />
            <button type="submit">{t("hostOrg.inviteSubmit")}</button>
          </Form>
        </>
      ) : null}
      <p>
        <a href={`/${locale}/host`}>{t("hostOrg.title")}</a>
      </p>
    </>
  );
}
