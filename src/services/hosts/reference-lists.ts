import type { ServiceContext } from "../context.ts";

export interface ReferenceLists {
  prefectures: { code: string; nameJa: string; nameEn: string }[];
  jsicDivisions: { code: string; nameJa: string; nameEn: string }[];
}

/** Prefectures and JSIC divisions for the host forms and the screening filters (public reference data). */
export async function getHostReferenceLists(ctx: ServiceContext): Promise<ReferenceLists> {
  const [prefectures, jsic] = await Promise.all([
    ctx.db.selectFrom("prefectures").select(["code", "name_ja", "name_en"]).orderBy("code").execute(),
    ctx.db.selectFrom("jsic_divisions").select(["code", "name_ja", "name_en"]).orderBy("code").execute(),
  ]);
  return {
    prefectures: prefectures.map((p) => ({ code: p.code, nameJa: p.name_ja, nameEn: p.name_en })),
    jsicDivisions: jsic.map((j) => ({ code: j.code, nameJa: j.name_ja, nameEn: j.name_en })),
  };
}
