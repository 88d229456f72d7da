import { redirect } from "react-router";
import { getMyApplication } from "#src/services/applications/get-my-application.ts";
import { requestContext, run } from "../../lib/request.server.ts";
import type { Route } from "./+types/index";

/** "My application": resume where the applicant left off, on any device. */
export async function loader({ request, params }: Route.LoaderArgs) {
  const { rt, actor, locale } = await requestContext(request, params);
  const mine = await run(request, locale, () => getMyApplication(rt, actor));
  if (mine.application && mine.application.status !== "draft") return redirect(`/${locale}/application/status`);
  return redirect(`/${locale}/application/${mine.application?.currentStep ?? "personal"}`);
}
