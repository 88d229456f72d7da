/**
 * What a host sees of a candidate: no name, no contact details, no date of birth, no address —
 * the receipt number as the candidate's code, nationality, education, languages, interests and
 * motivation (issue 15: limited profiles).
 */
import type { Kysely } from "kysely";
import type { Database } from "../../db/schema.ts";

export interface CandidateProfile {
  applicationId: string;
  code: string;
  nationalityJa: string | null;
  nationalityEn: string | null;
  education: { degree: string; field: string; graduationYear: number | null }[];
  jlptLevel: string | null;
  englishTests: { test: string; score: string | null }[];
  englishSelfLevel: string | null;
  preferredFields: string[];
  preferredRegions: string[];
  motivationLearn: string | null;
}

export async function candidateProfiles(db: Kysely<Database>, applicationIds: readonly string[]): Promise<CandidateProfile[]> {
  if (applicationIds.length === 0) return [];
  const apps = await db
    .selectFrom("applications as a")
    .leftJoin("countries as c", "c.code", "a.nationality")
    .select(["a.id", "a.receipt_number", "c.name_ja", "c.name_en", "a.english_self_level", "a.preferred_fields", "a.preferred_regions", "a.motivation_learn"])
    .where("a.id", "in", [...applicationIds])
    .execute();
  const education = await db
    .selectFrom("application_education")
    .select(["application_id", "degree", "field", "graduation_year"])
    .where("application_id", "in", [...applicationIds])
    .execute();
  const languages = await db
    .selectFrom("application_languages")
    .select(["application_id", "kind", "jlpt_level", "english_test", "score"])
    .where("application_id", "in", [...applicationIds])
    .execute();
  const byId = new Map(apps.map((a) => [a.id, a]));
  return applicationIds.flatMap((id) => {
    const a = byId.get(id);
    if (!a) return [];
    const langs = languages.filter((l) => l.application_id === id);
    return [
      {
        applicationId: id,
        code: a.receipt_number ?? id.slice(0, 8),
        nationalityJa: a.name_ja,
        nationalityEn: a.name_en,
        education: education.filter((e) => e.application_id === id).map((e) => ({ degree: e.degree, field: e.field, graduationYear: e.graduation_year })),
        jlptLevel: langs.find((l) => l.kind === "jlpt")?.jlpt_level ?? null,
        englishTests: langs
          .filter((l) => l.kind === "english_test" && l.english_test)
          .map((l) => ({ test: l.english_test!, score: l.score === null ? null : String(l.score) })),
        englishSelfLevel: a.english_self_level,
        preferredFields: a.preferred_fields,
        preferredRegions: a.preferred_regions,
        motivationLearn: a.motivation_learn,
      },
    ];
  });
}
