import { formatDay } from "../../i18n/format.ts";
import type { Locale } from "../../i18n/locales.ts";
import { authorize } from "../authorize.ts";
import type { Actor, ServiceContext } from "../context.ts";
import { pickVersion } from "./render.ts";

/** For the operator's form: the sessions of every round, newest first, each with its day in the session's own zone. */
export async function listSessionChoices(ctx: ServiceContext, actor: Actor | null, locale: Locale) {
  authorize(actor, "round.manage");
  const rows = await ctx.db
    .selectFrom("information_sessions")
    .select(["id", "titles", "starts_at", "time_zone"])
    .orderBy("starts_at", "desc")
    .limit(200)
    .execute();
  return rows.map((r) => ({ id: r.id, title: `${pickVersion(r.titles, locale)} (${formatDay(r.starts_at, locale, r.time_zone)})` }));
}
