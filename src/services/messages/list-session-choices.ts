import type { Locale } from "../../i18n/locales.ts";
import { authorize } from "../authorize.ts";
import type { Actor, ServiceContext } from "../context.ts";
import { pickVersion } from "./render.ts";

/** For the operator's form: the sessions of every round, newest first. */
export async function listSessionChoices(ctx: ServiceContext, actor: Actor | null, locale: Locale) {
  authorize(actor, "round.manage");
  const rows = await ctx.db.selectFrom("information_sessions").select(["id", "titles", "starts_at"]).orderBy("starts_at", "desc").limit(200).execute();
  return rows.map((r) => ({ id: r.id, title: `${pickVersion(r.titles, locale)} (${r.starts_at.toISOString().slice(0, 10)})` }));
}
