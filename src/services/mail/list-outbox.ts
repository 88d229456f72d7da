import { authorize } from "../authorize.ts";
import type { Actor, ServiceContext } from "../context.ts";
import { type Page, type PageRequest, pageOf } from "../paging.ts";

export interface OutboxRow {
  id: string;
  to: string;
  subject: string;
  body: string;
  template: string;
  locale: string;
  createdAt: Date;
}

/** E-mails the platform sent (development outbox and SMTP alike), newest first. Operators only. */
export async function listOutbox(
  ctx: ServiceContext,
  actor: Actor | null,
  filter: { to?: string | undefined },
  page: PageRequest,
): Promise<Page<OutboxRow>> {
  authorize(actor, "outbox.read");
  let q = ctx.db.selectFrom("outbound_emails");
  if (filter.to) q = q.where((eb) => eb(eb.fn("lower", ["to_address"]), "=", filter.to!.toLowerCase()));
  const [{ total }, rows] = await Promise.all([
    q.select((eb) => eb.fn.countAll<string>().as("total")).executeTakeFirstOrThrow(),
    q.selectAll().orderBy("created_at", "desc").orderBy("id").limit(page.size).offset((page.page - 1) * page.size).execute(),
  ]);
  return pageOf(
    rows.map((r) => ({
      id: r.id,
      to: r.to_address,
      subject: r.subject,
      body: r.body_text,
      template: r.template,
      locale: r.locale,
      createdAt: r.created_at,
    })),
    Number(total),
    page,
  );
}
