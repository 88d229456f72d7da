/**
 * What an anonymous public page depends on, as version numbers (migration 0024,
 * ADR 0032): the page cache keys each render by them, so a change to a round, a
 * session, a case study or a published report makes the next request render
 * anew. Read on every cacheable request (one small indexed read).
 */
import { sql } from "kysely";
import type { ServiceContext } from "../context.ts";

export type PublicContent = "rounds" | "sessions" | "cases" | "statistics";

export type PublicPageVersions = Readonly<Record<PublicContent, string>>;

export async function readPublicPageVersions(ctx: Pick<ServiceContext, "db">): Promise<PublicPageVersions> {
  const rows = await ctx.db
    .selectFrom("public_page_versions")
    .select(["name", sql<string>`version::text`.as("version")])
    .execute();
  const versions: Record<string, string> = { rounds: "0", sessions: "0", cases: "0", statistics: "0" };
  for (const r of rows) versions[r.name] = r.version;
  return versions as PublicPageVersions;
}
