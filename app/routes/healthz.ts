import { checkHealth } from "#src/services/health/check-health.ts";
import { getRuntime } from "../lib/runtime.server.ts";

export async function loader() {
  return Response.json(await checkHealth(await getRuntime()));
}
