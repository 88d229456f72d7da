import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { affiliationConflicts, affiliationKeys, affiliationMatches, buildAffiliationMatcher, normalizeAffiliation } from "#src/domain/screening/index.ts";

/** each group: names of one organization, written the ways people write them */
const SAME: readonly (readonly string[])[] = [
  // case, spacing, articles, word order, abbreviations, full width
  [
    "The University of Tokyo",
    "University of Tokyo",
    "Tokyo University",
    "Univ. of Tokyo",
    "UNIVERSITY  OF   TOKYO",
    "ＴＯＫＹＯ　ＵＮＩＶＥＲＳＩＴＹ",
    "Univ of Tokyo",
  ],
  ["東京大学", "東京大學", "東京 大学", "国立大学法人東京大学", "国立大学法人 東京大学"],
  ["Tokyo Institute of Technology", "Tokyo Inst. of Tech.", "Tokyo Inst of Technology", "Institute of Technology, Tokyo"],
  ["Bandung Institute of Technology", "Institut Teknologi Bandung", "INSTITUT TEKNOLOGI BANDUNG"],
  ["Universitas Indonesia", "University of Indonesia", "Indonesia University", "Univ. Indonesia"],
  ["Universitas Gadjah Mada", "Gadjah Mada University", "Univ. Gadjah Mada"],
  // Vietnamese: diacritics, Đ, ĐH, Trường
  [
    "Đại học Bách khoa Hà Nội",
    "Trường Đại học Bách khoa Hà Nội",
    "ĐH Bách Khoa Hà Nội",
    "Dai hoc Bach khoa Ha Noi",
    "DAI HOC BACH KHOA HA NOI",
    "Trường ĐH Bách khoa Hà Nội",
  ],
  ["Đại học Quốc gia Hà Nội", "ĐHQG Hà Nội", "Dai Hoc Quoc Gia Ha Noi"],
  ["Học viện Ngân hàng", "Hoc vien Ngan hang"],
  // German / Romance diacritics and university words
  ["Technische Universität München", "Technische Universitat Munchen", "TECHNISCHE UNIVERSITÄT MÜNCHEN"],
  ["Universidad de Chile", "Universidad de Chile.", "Univ. de Chile", "University of Chile"],
  ["Université Paris Cité", "Universite Paris Cite", "Université Paris-Cité"],
  // Chinese traditional / simplified
  ["清华大学", "清華大學", "清华 大学"],
  ["北京师范大学", "北京師範大學"],
  ["国立台湾大学", "國立臺灣大學"],
  // Thai
  ["มหาวิทยาลัยเกษตรศาสตร์", "มหาวิทยาลัย เกษตรศาสตร์"],
  ["สถาบันเทคโนโลยีพระจอมเกล้าเจ้าคุณทหารลาดกระบัง", "สถาบัน เทคโนโลยี พระจอมเกล้าเจ้าคุณทหารลาดกระบัง"],
  // companies: legal forms in every program language
  ["Toyota Motor Corporation", "Toyota Motor Co., Ltd.", "TOYOTA MOTOR CORP.", "Toyota Motor Co.,Ltd", "Toyota Motor Inc"],
  ["トヨタ自動車株式会社", "トヨタ自動車(株)", "トヨタ自動車㈱", "トヨタ自動車（株）", "株式会社トヨタ自動車", "トヨタ自動車"],
  ["ソニー株式会社", "ｿﾆｰ株式会社", "ソニー", "ソニーグループ株式会社"],
  ["Sony Group Corporation", "Sony Corp.", "Sony Corporation", "SONY"],
  ["PT Astra International Tbk", "Astra International", "PT. Astra International", "P.T. Astra International Tbk."],
  ["PT Bank Mandiri (Persero) Tbk", "Bank Mandiri", "PT Bank Mandiri"],
  ["Công ty Cổ phần FPT", "FPT Corporation", "Tập đoàn FPT", "FPT JSC", "FPT Joint Stock Company", "Cong ty CP FPT"],
  ["Công ty TNHH Một Thành Viên Xyz", "Công ty TNHH MTV Xyz", "Xyz Co., Ltd.", "XYZ LLC"],
  ["บริษัท ปูนซิเมนต์ไทย จำกัด (มหาชน)", "บริษัทปูนซิเมนต์ไทยจำกัด(มหาชน)", "บมจ.ปูนซิเมนต์ไทย", "ปูนซิเมนต์ไทย"],
  ["阿里巴巴集团控股有限公司", "阿里巴巴集團控股有限公司"],
  ["华为技术有限公司", "華為技術有限公司", "华为技术"],
  ["Mitsui & Co., Ltd.", "Mitsui and Co. Ltd", "MITSUI & CO"],
  ["Example K.K.", "Example KK", "Example Kabushiki Kaisha", "Example Co., Ltd."],
  ["Siemens AG", "Siemens GmbH", "SIEMENS"],
  ["Petronas Sdn Bhd", "Petronas Sdn. Bhd.", "Petronas"],
  ["一般社団法人日本機械学会", "日本機械学会", "(社)日本機械学会"],
  ["独立行政法人日本貿易振興機構", "日本貿易振興機構"],
  // punctuation and apostrophes
  ["St. Paul's University", "Saint Pauls University", "St Pauls Univ."],
  ["Ho Chi Minh City University of Technology", "University of Technology - Ho Chi Minh City", "Ho Chi Minh City Univ. of Tech."],
  ["King Mongkut's Institute of Technology Ladkrabang", "King Mongkuts Inst. of Tech. Ladkrabang"],
];

/** pairs that must stay apart */
const DIFFERENT: readonly (readonly [string, string])[] = [
  ["University of Tokyo", "Tokyo Institute of Technology"],
  ["University of Tokyo", "Tokyo University of Science"],
  ["University of Tokyo", "Tokyo University of Foreign Studies"],
  ["東京大学", "東京工業大学"],
  ["東京大学", "京都大学"],
  ["Tokyo Institute of Technology", "Tokyo Institute of Design"],
  ["Universitas Indonesia", "Universitas Pendidikan Indonesia"],
  ["Đại học Bách khoa Hà Nội", "Đại học Bách khoa TP.HCM"],
  ["Hanoi University", "Hanoi University of Science and Technology"],
  ["Toyota Motor Corporation", "Toyota Tsusho Corporation"],
  ["Mitsui & Co., Ltd.", "Mitsui Fudosan Co., Ltd."],
  ["PT Bank Mandiri", "PT Bank Negara Indonesia"],
  ["清华大学", "华东师范大学"],
  ["มหาวิทยาลัยเกษตรศาสตร์", "มหาวิทยาลัยมหิดล"],
  ["Kyoto University", "Kyoto Sangyo University"],
  ["Institute of Technology Bandung", "Bandung Institute of Technology Research Center"],
  ["Sony", "Sonny"],
];

describe("normalizeAffiliation", () => {
  it.each(SAME.map((g) => [g[0]!, g]))("all ways of writing %s give one key", (_, group) => {
    const keys = group.map(normalizeAffiliation);
    expect(keys[0]).not.toBe("");
    expect(new Set(keys).size, `${group.join(" | ")} → ${keys.join(" | ")}`).toBe(1);
  });

  it.each(DIFFERENT)("%s ≠ %s", (a, b) => {
    expect(normalizeAffiliation(a)).not.toBe(normalizeAffiliation(b));
  });

  it("the groups above are pairwise different organizations", () => {
    const keys = SAME.map((g) => normalizeAffiliation(g[0]!));
    expect(new Set(keys).size).toBe(keys.length);
  });

  it("exact keys: canonical tokens upper case, other words sorted", () => {
    expect(normalizeAffiliation("The University of Tokyo")).toBe("UNIV tokyo");
    expect(normalizeAffiliation("東京大學")).toBe("UNIV 東京");
    expect(normalizeAffiliation("Tokyo Inst. of Tech.")).toBe("INST TECH tokyo");
    expect(normalizeAffiliation("Trường Đại học Bách khoa Hà Nội")).toBe("UNIV bach ha khoa noi");
    expect(normalizeAffiliation("トヨタ自動車株式会社")).toBe("トヨタ自動車");
    expect(normalizeAffiliation("บริษัท ปูนซิเมนต์ไทย จำกัด (มหาชน)")).toBe(normalizeAffiliation("ปูนซิเมนต์ไทย"));
    expect(normalizeAffiliation("Công ty Cổ phần FPT")).toBe("fpt");
  });

  it("names with nothing distinctive have no key (never match)", () => {
    for (const name of [
      "",
      "   ",
      "University",
      "The University",
      "Company Limited",
      "Co., Ltd.",
      "株式会社",
      "Đại học",
      "มหาวิทยาลัย",
      "Institute of Technology",
      "---",
      "PT Tbk",
    ]) {
      expect(normalizeAffiliation(name), name).toBe("");
      expect(affiliationKeys(name), name).toEqual([]);
    }
  });

  it("words named like Object.prototype members are ordinary words", () => {
    expect(normalizeAffiliation("constructor")).toBe("constructor");
    expect(normalizeAffiliation("toString Holdings")).toBe("tostring");
    expect(normalizeAffiliation("__proto__ University")).toBe("UNIV proto");
  });

  it("ignores case, spacing and word order of plain words (property; words outside the vocabulary, two letters or more since single letters are joined)", () => {
    const word = fc.stringMatching(/^[A-Za-z]{2,8}[0-9]$/);
    fc.assert(
      fc.property(fc.array(word, { minLength: 1, maxLength: 5 }), fc.constantFrom(" ", "  ", "\t", "　"), (words, sep) => {
        const name = words.join(" ");
        const key = normalizeAffiliation(name);
        expect(normalizeAffiliation(`  ${words.join(sep)}  `)).toBe(key);
        expect(normalizeAffiliation(name.toUpperCase())).toBe(key);
        expect(normalizeAffiliation(name.toLowerCase())).toBe(key);
        expect(normalizeAffiliation([...words].reverse().join(" "))).toBe(key);
      }),
    );
  });
});

describe("affiliationKeys: the institution behind a sub-unit", () => {
  it.each([
    ["Faculty of Law, Kyoto University", "Kyoto University"],
    ["Graduate School of Engineering, The University of Tokyo", "University of Tokyo"],
    ["Kyoto University Graduate School of Engineering", "Kyoto University"],
    ["京都大学工学部", "京都大学"],
    ["京都大学大学院工学研究科", "京都大学"],
    ["東京大学医学部附属病院", "東京大学"],
    ["清华大学经济管理学院", "清華大學"],
    ["Universitas Gadjah Mada Fakultas Teknik", "Universitas Gadjah Mada"],
    ["Department of Economics (Universitas Indonesia)", "University of Indonesia"],
    ["Khoa Kinh tế; Đại học Quốc gia Hà Nội", "ĐHQG Hà Nội"],
    ["Dept. of Physics / Chulalongkorn University", "Chulalongkorn Univ."],
    ["Fakultas Teknik Universitas Indonesia", "Universitas Indonesia"],
    ["คณะวิศวกรรมศาสตร์ มหาวิทยาลัยเกษตรศาสตร์", "มหาวิทยาลัยเกษตรศาสตร์"],
  ])("%s belongs to %s", (sub, institution) => {
    expect(affiliationKeys(sub)).toContain(normalizeAffiliation(institution));
  });

  it("does not cut an institution's own name", () => {
    expect(affiliationKeys("Tokyo University of Science")).toEqual([normalizeAffiliation("Tokyo University of Science")]);
    expect(affiliationKeys("Tokyo Institute of Technology")).toEqual(["INST TECH tokyo"]);
    expect(affiliationKeys("Toyota Motor Co., Ltd.")).toEqual(["motor toyota"]);
    expect(affiliationKeys("Hanoi University of Science and Technology")).not.toContain(normalizeAffiliation("Hanoi University"));
  });

  it("the whole name's key comes first", () => {
    expect(affiliationKeys("Faculty of Law, Kyoto University")[0]).toBe(normalizeAffiliation("Faculty of Law, Kyoto University"));
  });
});

describe("matcher with the operator's alias table", () => {
  const aliases = [
    { canonical: "The University of Tokyo", aliases: ["東京大学", "UTokyo", "Todai"] },
    { canonical: "Vietnam National University, Hanoi", aliases: ["Đại học Quốc gia Hà Nội", "VNU Hanoi"] },
    { canonical: "Toyota Motor Corporation", aliases: ["トヨタ自動車株式会社"] },
    { canonical: "VNU-Hanoi", aliases: ["VNU Hanoi", "VNU"] },
    { canonical: "Siam Cement Group", aliases: ["The Siam Cement Public Company Limited", "บริษัท ปูนซิเมนต์ไทย จำกัด (มหาชน)", "SCG"] },
  ];
  const m = buildAffiliationMatcher(aliases);

  it("matches names across languages through an entry", () => {
    expect(m.sameOrganization("Univ. of Tokyo", "東京大學")).toBe(true);
    expect(m.sameOrganization("UTokyo", "Faculty of Law, The University of Tokyo")).toBe(true);
    expect(m.sameOrganization("東京大学大学院工学研究科", "Todai")).toBe(true);
    expect(m.sameOrganization("Toyota Motor Co., Ltd.", "トヨタ自動車(株)")).toBe(true);
    expect(m.sameOrganization("SCG", "บมจ.ปูนซิเมนต์ไทย")).toBe(true);
    expect(m.sameOrganization("The Siam Cement Public Co., Ltd.", "SCG")).toBe(true);
  });

  it("entries sharing a name are merged", () => {
    expect(m.sameOrganization("VNU", "Dai hoc Quoc gia Ha Noi")).toBe(true);
    expect(m.keysOf("VNU")).toEqual(m.keysOf("ĐHQG Hà Nội"));
  });

  it("entries with the same canonical name are merged", () => {
    const m2 = buildAffiliationMatcher([
      { canonical: "X", aliases: ["Alpha Corp"] },
      { canonical: "X", aliases: ["Beta Corp"] },
    ]);
    expect(m2.sameOrganization("Alpha", "Beta")).toBe(true);
  });

  it("keeps different organizations apart", () => {
    expect(m.sameOrganization("東京大学", "東京工業大学")).toBe(false);
    expect(m.sameOrganization("Toyota Tsusho", "Toyota Motor")).toBe(false);
    expect(m.sameOrganization("University", "University")).toBe(false);
    expect(m.sameOrganization("", "")).toBe(false);
  });

  it("without aliases, equal keys still match and different languages do not", () => {
    const plain = buildAffiliationMatcher();
    expect(plain.sameOrganization("University of Tokyo", "TOKYO UNIV.")).toBe(true);
    expect(plain.sameOrganization("University of Tokyo", "東京大学")).toBe(false);
  });

  it("affiliationMatches lists every matching pair with its key", () => {
    expect(affiliationMatches(["UTokyo", "Sony Corp."], ["Kyoto University", "東京大学", "SONY"], m)).toEqual([
      { reviewerAffiliation: "UTokyo", applicationOrganization: "東京大学", key: "alias:The University of Tokyo" },
      { reviewerAffiliation: "Sony Corp.", applicationOrganization: "SONY", key: "sony" },
    ]);
    expect(affiliationMatches(["Kyoto Sangyo University"], ["Kyoto University"], m)).toEqual([]);
  });
});

describe("affiliationConflicts: every reviewer × application pair", () => {
  const m = buildAffiliationMatcher([{ canonical: "The University of Tokyo", aliases: ["東京大学"] }]);
  const reviewers = [
    { id: "r2", affiliations: ["Faculty of Engineering, University of Tokyo", "FPT Corporation"] },
    { id: "r1", affiliations: ["Kyoto University"] },
    { id: "r3", affiliations: [] },
  ];
  const applications = [
    { id: "a3", organizations: ["東京大学", "Công ty Cổ phần FPT"] },
    { id: "a1", organizations: ["Kyoto Sangyo University"] },
    { id: "a2", organizations: ["京都大学", "Kyoto Univ."] },
    { id: "a4", organizations: ["Tập đoàn FPT"] },
  ];

  it("finds the pairs, one entry per pair with its evidence, sorted", () => {
    expect(affiliationConflicts(reviewers, applications, m)).toEqual([
      { reviewer: "r1", application: "a2", match: { reviewerAffiliation: "Kyoto University", applicationOrganization: "Kyoto Univ.", key: "UNIV kyoto" } },
      {
        reviewer: "r2",
        application: "a3",
        match: {
          reviewerAffiliation: "Faculty of Engineering, University of Tokyo",
          applicationOrganization: "東京大学",
          key: "alias:The University of Tokyo",
        },
      },
      { reviewer: "r2", application: "a4", match: { reviewerAffiliation: "FPT Corporation", applicationOrganization: "Tập đoàn FPT", key: "fpt" } },
    ]);
  });

  it("agrees with the pairwise check (property)", () => {
    const names = [
      "University of Tokyo",
      "東京大学",
      "Kyoto University",
      "京都大学",
      "FPT JSC",
      "Tập đoàn FPT",
      "Sony",
      "ソニー株式会社",
      "Univ.",
      "Bank Mandiri",
    ];
    const arb = fc.record({
      reviewers: fc.array(fc.subarray(names, { maxLength: 3 }), { maxLength: 5 }),
      applications: fc.array(fc.subarray(names, { maxLength: 3 }), { maxLength: 6 }),
    });
    fc.assert(
      fc.property(arb, ({ reviewers: rs, applications: as }) => {
        const r = rs.map((affiliations, i) => ({ id: `r${i}`, affiliations }));
        const a = as.map((organizations, i) => ({ id: `a${i}`, organizations }));
        const pairs = affiliationConflicts(r, a, m).map((c) => `${c.reviewer}/${c.application}`);
        const expected = r.flatMap((rv) =>
          a.filter((ap) => affiliationMatches(rv.affiliations, ap.organizations, m).length > 0).map((ap) => `${rv.id}/${ap.id}`),
        );
        expect(pairs).toEqual(expected);
      }),
    );
  });
});
