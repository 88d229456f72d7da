/** The operator's paged, filtered list of a round's host applications. */
import { authorize } from "../authorize.ts";
import type { Actor, ServiceContext } from "../context.ts";
import { type Page, type PageRequest, fetchPage } from "../paging.ts";
import { type HostListFilter, hostListFilterSchema } from "./host-schemas.ts";
import { type HostApplicationRow, base, rows } from "./host-application-rows.ts";

export async function listHostApplications(
  ctx: ServiceContext,
  actor: Actor | null,
  rawFilter: unknown,
  page: PageRequest,
): Promise<Page<HostApplicationRow> & { filter: HostListFilter }> {
  authorize(actor, "hosts.read");
  const filter = hostListFilterSchema.parse(rawFilter);
  const list = await fetchPage(page, {
    total: base(ctx.db, filter)
      .select((eb) => eb.fn.countAll<string>().as("total"))
      .executeTakeFirstOrThrow(),
    items: rows(ctx.db, filter, page),
  });
  return { ...list, filter };
}
