/**
 * Walks the audit log from its first entry and checks every link of the hash
 * chain (./audit-chain.ts, ADR 0026), then that the last entry is the one the
 * chain head names (so entries cut from the end are noticed too). Reports the
 * first broken link, or how many entries hold and how many personal values
 * were erased. Run by `bin/jip audit verify` (no caller: whoever runs the
 * command already reads the database).
 */
import type { ServiceContext } from "../context.ts";
import { GENESIS_HASH, type PersonalField, type StoredEntry, checkLink } from "./audit-chain.ts";

export interface ChainReport {
  entries: number;
  /** Entries with a personal value erased (account deletion), by value. */
  erased: Partial<Record<PersonalField, number>>;
  /** The first entry whose link does not hold, or null when the whole chain holds. */
  broken: { id: string; reason: string } | null;
}

const PAGE = 1000;

export async function verifyAuditChain(ctx: Pick<ServiceContext, "db">): Promise<ChainReport> {
  const report: ChainReport = { entries: 0, erased: {}, broken: null };
  let prev = GENESIS_HASH;
  let lastId: string | null = null;
  for (;;) {
    let q = ctx.db.selectFrom("audit_log").selectAll().orderBy("id").limit(PAGE);
    if (lastId !== null) q = q.where("id", ">", lastId);
    const rows = (await q.execute()) as unknown as StoredEntry[];
    for (const e of rows) {
      const check = checkLink(prev, e);
      if (!check.ok) return { ...report, broken: { id: String(e.id), reason: check.reason } };
      for (const f of check.erased) report.erased[f] = (report.erased[f] ?? 0) + 1;
      report.entries++;
      prev = e.hash!;
      lastId = String(e.id);
    }
    if (rows.length < PAGE) break;
  }
  const head = await ctx.db.selectFrom("audit_chain_head").select(["last_id", "last_hash"]).where("id", "=", 1).executeTakeFirst();
  if (!head || head.last_hash !== prev || (head.last_id === null ? null : String(head.last_id)) !== lastId) {
    return {
      ...report,
      broken: {
        id: head?.last_id === null || !head ? "(end)" : String(head.last_id),
        reason: "entries after the last one found were removed (the chain head names another entry)",
      },
    };
  }
  return report;
}
