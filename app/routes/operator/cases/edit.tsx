import { useLoaderData } from "react-router";
import { getCaseForEditing } from "#src/services/cases/get-case-for-editing.ts";
import { CaseEditor } from "../../../components/cases/case-editor.tsx";
import { requestContext, run } from "../../../lib/request.server.ts";
import { caseEditorAction } from "../../cases/editor.server.ts";
import type { Route } from "./+types/edit";

/** The program office's editor: both languages side by side, comments, return, approve, publish, withdraw. */
export async function loader({ request, params }: Route.LoaderArgs) {
  const { rt, actor, locale } = await requestContext(request, params);
  return run(request, locale, () => getCaseForEditing(rt, actor, params.id));
}

export async function action({ request, params }: Route.ActionArgs) {
  return caseEditorAction(request, await requestContext(request, params), params.id, "operator");
}

export default function OperatorCaseEdit() {
  return <CaseEditor c={useLoaderData<typeof loader>()} />;
}
