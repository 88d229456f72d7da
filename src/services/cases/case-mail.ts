/** The e-mail that tells a host's members what the program office did with their case study (in Japanese: host pages are ja-first). */
import type { Kysely } from "kysely";
import type { Database } from "../../db/schema.ts";
import type { ServiceContext } from "../context.ts";
import { type CaseRow, memberEmails } from "./case-access.ts";
import { readContent } from "../../domain/cases/content.ts";

export type CaseMailKind = "comment" | "returned" | "approved" | "published" | "withdrawn";

export async function queueCaseMail(ctx: ServiceContext, trx: Kysely<Database>, row: CaseRow, kind: CaseMailKind, message: string): Promise<void> {
  const content = readContent(row.content);
  const title = content.ja.title || content.en.title || `#${row.number}`;
  const emails = await memberEmails(trx, row.organization_id);
  await ctx.mailer.queueAll(
    emails.map((to) => ({
      to,
      template: "caseUpdate" as const,
      locale: "ja",
      params: {
        kind,
        title,
        number: row.number,
        message: message || "—",
        url: kind === "published" ? `${ctx.publicUrl}/ja/cases/${row.number}` : `${ctx.publicUrl}/ja/host/cases/${row.id}`,
      },
    })),
    trx,
  );
}
