/** `jip import-published`: loads the shipped FY2016–2018 published figures as published report years (loading twice changes nothing). */
import { importPublishedYears } from "../../services/report/import-published-years.ts";
import { withRuntime } from "../with-runtime.ts";

export const summary = "load the published FY2016-2018 report figures as published years (idempotent)";

export async function run(argv: string[]): Promise<number> {
  if (argv.length > 0) {
    process.stderr.write("usage: jip import-published\n");
    return 2;
  }
  return withRuntime(async (rt) => {
    const { loaded, unchanged } = await importPublishedYears(rt, "system");
    process.stdout.write(`loaded: ${loaded.join(", ") || "none"}; already loaded: ${unchanged.join(", ") || "none"}\n`);
    return 0;
  });
}
