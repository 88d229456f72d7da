/**
 * `jip audit verify`: checks the audit log's hash chain (issue 11 item 11,
 * ADR 0026). Exit 0 when every link holds; 1 with the first broken link on
 * stderr; 2 for bad usage.
 */
import { verifyAuditChain } from "../../services/audit/verify-audit-chain.ts";
import type { ServiceContext } from "../../services/context.ts";
import { withRuntime } from "../with-runtime.ts";

export const summary = "audit verify: check the audit log's hash chain and report the first broken link";

/** The report as printed; the exit code. */
export async function verifyAndReport(ctx: Pick<ServiceContext, "db">, out: (line: string) => void, err: (line: string) => void): Promise<number> {
  const report = await verifyAuditChain(ctx);
  if (report.broken) {
    err(`audit log: broken link at entry ${report.broken.id}: ${report.broken.reason} (${report.entries} entries before it hold)`);
    return 1;
  }
  const erased = Object.entries(report.erased).map(([field, n]) => `${field} ${n}`);
  out(`audit log: ${report.entries} entries, every link holds${erased.length ? `; erased personal values: ${erased.join(", ")}` : ""}`);
  return 0;
}

export async function run(argv: string[]): Promise<number> {
  if (argv[0] !== "verify" || argv.length > 1) {
    process.stderr.write("usage: jip audit verify\n");
    return argv[0] === "--help" || argv[0] === "-h" ? 0 : 2;
  }
  return withRuntime((rt) =>
    verifyAndReport(
      rt,
      (line) => process.stdout.write(`${line}\n`),
      (line) => process.stderr.write(`${line}\n`),
    ),
  );
}
