import { useLoaderData } from "react-router";
import { getCaseForEditing } from "#src/services/cases/get-case-for-editing.ts";
import { CaseEditor } from "../../../components/cases/case-editor.tsx";
import { requestContext, run } from "../../../lib/request.server.ts";
import { caseEditorAction } from "../../cases/editor.server.ts";
import type { Route } from "./+types/edit";

/** The host's editor of one of its case studies (another host's case: 403). */
export async function loader({ request, params }: Route.LoaderArgs) {
  const { rt, actor, locale } = await requestContext(request, params);
  return run(request, locale, () => getCaseForEditing(rt, actor, params.id));
}

export async function action({ request, params }: Route.ActionArgs) {
  return caseEditorAction(request, await requestContext(request, params), params.id, "host");
}

export default function HostCaseEdit() {
  return <CaseEditor c={useLoaderData<typeof loader>()} />;
}
