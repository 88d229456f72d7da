import { Form, redirect, useLoaderData } from "react-router";
import { getMyHostApplication } from "#src/services/hosts/get-my-host-application.ts";
import { getMyPosition } from "#src/services/hosts/get-my-position.ts";
import { savePosition } from "#src/services/hosts/save-position.ts";
import { POSITION_LANGUAGES } from "#src/domain/languages.ts";
import { POSITION_MODES } from "#src/domain/host-organization.ts";
import { getHostReferenceLists } from "#src/services/hosts/reference-lists.ts";
import { ErrorSummary, Field, RadioGroup, Select, TextArea, useFormState } from "../../components/forms/index.ts";
import { useI18n } from "../../lib/i18n.tsx";
import { readForm, requestContext, run, runForm } from "../../lib/request.server.ts";
import type { Route } from "./+types/position";
import { Refusal } from "../../components/refusal.tsx";
import { PageTitle } from "../../components/page-title.tsx";

export async function loader({ request, params }: Route.LoaderArgs) {
  const { rt, actor, locale } = await requestContext(request, params);
  return run(request, locale, async () => {
    const view = await getMyHostApplication(rt, actor, params.roundId);
    const position = params.positionId === "new" ? null : await getMyPosition(rt, actor, params.roundId, params.positionId);
    return { round: view.round, editable: view.editable, position, ref: await getHostReferenceLists(rt) };
  });
}

export async function action({ request, params }: Route.ActionArgs) {
  const { rt, actor, locale } = await requestContext(request, params);
  const form = await request.formData();
  const id = params.positionId === "new" ? null : params.positionId;
  const out = await runForm(request, locale, form, () => savePosition(rt, actor, params.roundId, id, readForm(form)));
  if (!out.ok) return out.response;
  return redirect(`/${locale}/host/rounds/${params.roundId}?done=positionSaved#positions`);
}

export default function PositionPage() {
  const { t, locale } = useI18n();
  const { round, position, ref } = useLoaderData<typeof loader>();
  const formState = useFormState();
  const L = (k: string) => t(`hostApplication.${k}`);
  const labels: Record<string, string> = {
    title: L("positionTitle"),
    description: L("description"),
    department: L("department"),
    prefectureCode: L("prefecture"),
    capacity: L("capacity"),
    periodStart: L("periodStart"),
    periodEnd: L("periodEnd"),
    language: L("language"),
    mode: t("hostEdit.mode"),
    fields: L("fields"),
  };
  return (
    <>
      <PageTitle title={position ? L("editPositionTitle") : L("newPositionTitle")} />
      <h1>{position ? L("editPositionTitle") : L("newPositionTitle")}</h1>
      <p>{locale === "ja" ? round.nameJa : round.nameEn}</p>
      <Refusal />
      <ErrorSummary state={formState} labels={labels} />
      <Form method="post" noValidate>
        <Field name="title" label={labels.title!} state={formState} required defaultValue={position?.title} />
        <TextArea name="description" label={labels.description!} state={formState} required defaultValue={position?.description} />
        <Field name="department" label={labels.department!} state={formState} defaultValue={position?.department ?? ""} />
        <Select
          name="prefectureCode"
          label={labels.prefectureCode!}
          state={formState}
          required
          defaultValue={position?.prefectureCode ?? ""}
          placeholder={t("hostOrg.choose")}
          options={ref.prefectures.map((p) => ({ value: p.code, label: locale === "ja" ? p.nameJa : p.nameEn }))}
        />
        <Field
          name="capacity"
          label={labels.capacity!}
          state={formState}
          required
          type="number"
          width="short"
          defaultValue={position ? String(position.capacity) : "1"}
        />
        <Field name="periodStart" label={labels.periodStart!} type="date" state={formState} defaultValue={position?.periodStart ?? ""} />
        <Field name="periodEnd" label={labels.periodEnd!} type="date" state={formState} defaultValue={position?.periodEnd ?? ""} />
        <Select
          name="language"
          label={labels.language!}
          state={formState}
          required
          defaultValue={position?.language ?? "N3"}
          options={POSITION_LANGUAGES.map((l) => ({ value: l, label: L(`languages.${l}`) }))}
        />
        <RadioGroup
          name="mode"
          legend={t("hostEdit.mode")}
          state={formState}
          required
          inline
          defaultValue={position?.mode ?? "in_person"}
          options={POSITION_MODES.map((m) => ({ value: m, label: t(`hostEdit.modes.${m}`) }))}
        />
        <Field name="fields" label={labels.fields!} hint={L("fieldsHint")} state={formState} defaultValue={position?.fields.join(", ") ?? ""} />
        <button type="submit">{L("positionSave")}</button>
      </Form>
      <p>
        <a href={`/${locale}/host/rounds/${round.id}`}>{L("back")}</a>
      </p>
    </>
  );
}
