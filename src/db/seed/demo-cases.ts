/**
 * Demo case studies (issue 18): five published cases of clearly fictional
 * companies in Japanese and English, one published in Japanese only (its
 * English "in translation"), and one draft in review for the FY2027 round;
 * plus a host company and an operator kept for the case-study browser test.
 * Made through the real use cases (draft, image, submit, approve, consent,
 * publish), each at a fixed instant so the data is the same on every machine.
 */
import sharp from "sharp";
import { tokyoLocalToInstant } from "../../domain/time.ts";
import { approveCase } from "../../services/cases/approve-case.ts";
import { createCase } from "../../services/cases/create-case.ts";
import { publishCase } from "../../services/cases/publish-case.ts";
import { recordInternConsent } from "../../services/cases/record-intern-consent.ts";
import { saveCaseDraft } from "../../services/cases/save-case-draft.ts";
import { submitCase } from "../../services/cases/submit-case.ts";
import { uploadCaseImage } from "../../services/cases/upload-case-image.ts";
import { createVerifiedUser } from "../../services/auth/create-verified-user.ts";
import type { Actor, ServiceContext } from "../../services/context.ts";

const PASSWORD = "demo-password-2026";

/** The browser test of case studies signs in as these (nobody else uses them). */
export const DEMO_CASE_LOGINS = {
  host: "cases@kobe-textile.demo.jip.example",
  operator: "operator-cases@demo.jip.example",
};

interface DemoOrg {
  id: string;
  name_ja: string;
  name_en: string;
  prefecture_code: string;
  jsic_division: string;
  employees: number;
  legal_form: string;
  member: { email: string; name: string };
}

const ORGS: DemoOrg[] = [
  {
    id: "00000000-0000-4000-8000-00000000a011",
    name_ja: "北星ソフトウェア株式会社",
    name_en: "Hokusei Software Inc.",
    prefecture_code: "01",
    jsic_division: "G",
    employees: 40,
    legal_form: "株式会社",
    member: { email: "admin@hokusei-soft.demo.jip.example", name: "北村 大地" },
  },
  {
    id: "00000000-0000-4000-8000-00000000a012",
    name_ja: "瀬戸内マリン工業株式会社",
    name_en: "Setouchi Marine Industries Co., Ltd.",
    prefecture_code: "34",
    jsic_division: "E",
    employees: 230,
    legal_form: "株式会社",
    member: { email: "admin@setouchi-marine.demo.jip.example", name: "村上 直子" },
  },
  {
    id: "00000000-0000-4000-8000-00000000a013",
    name_ja: "京町家ホテル合同会社",
    name_en: "Kyomachiya Hotel LLC",
    prefecture_code: "26",
    jsic_division: "M",
    employees: 18,
    legal_form: "合同会社",
    member: { email: "admin@kyomachiya-hotel.demo.jip.example", name: "松井 和也" },
  },
  {
    id: "00000000-0000-4000-8000-00000000a014",
    name_ja: "土佐グリーンファーム株式会社",
    name_en: "Tosa Green Farm Co., Ltd.",
    prefecture_code: "39",
    jsic_division: "A",
    employees: 9,
    legal_form: "株式会社",
    member: { email: "admin@tosa-green.demo.jip.example", name: "坂本 勇" },
  },
  {
    id: "00000000-0000-4000-8000-00000000a015",
    name_ja: "神戸テキスタイル株式会社",
    name_en: "Kobe Textile Co., Ltd.",
    prefecture_code: "28",
    jsic_division: "E",
    employees: 60,
    legal_form: "株式会社",
    member: { email: DEMO_CASE_LOGINS.host, name: "西田 陽子" },
  },
];

interface Text {
  title: string;
  summary: string;
  company: string;
  challenge: string;
  internWork: string;
  results: string;
  quotes: { text: string; by: string }[];
}

interface DemoCase {
  org: string;
  theme: "overseas_expansion" | "new_business" | "cross_cultural";
  nationality: string;
  at: string;
  colour: [number, number, number];
  alt: { ja: string; en: string };
  ja: Text;
  en: Text | null;
  state: "published" | "in_review";
}

const CASES: DemoCase[] = [
  {
    org: "00000000-0000-4000-8000-00000000a001",
    theme: "overseas_expansion",
    nationality: "VN",
    at: "2026-03-12T10:00",
    colour: [38, 99, 160],
    alt: { ja: "精密部品の検査ラインで打合せをする社員とインターン生", en: "Staff and the intern meeting at the precision parts inspection line" },
    state: "published",
    ja: {
      title: "ベトナム市場調査から初の商談へ：精密部品メーカーの海外展開",
      summary: "海外の販路がなかった長野県の精密部品メーカーが、ベトナム出身のインターン生と現地市場を調べ、ハノイの2社との商談につなげました。",
      company:
        "長野県松本市で自動車・医療機器向けの精密部品を製造する従業員85名の企業です。取引先は国内の大手メーカーが中心で、海外への直接販売はありませんでした。",
      challenge:
        "取引先の海外移転が進むなか、東南アジアでの販路づくりが課題でした。しかし、現地の商習慣や見込み客の情報がなく、何から始めればよいか分からない状態でした。",
      internWork:
        "インターン生はハノイ周辺の部品加工・組立企業約200社の公開情報を調べ、当社の技術に合う30社を選びました。ベトナム語の会社案内を作成し、オンライン面談の日程調整と通訳も担当しました。\n\n毎週の報告会では、現地の支払い条件や意思決定の進め方を社員に説明し、営業資料の見直しにも加わりました。",
      results: "3か月で8社とオンライン面談を行い、ハノイの2社と試作品の見積りに進みました。翌年度には社員2名がベトナムを訪問する予定です。",
      quotes: [
        { text: "社内だけでは10年かかったかもしれない一歩を、3か月で踏み出せました。", by: "代表取締役" },
        { text: "日本のものづくりの品質へのこだわりを、ベトナムの企業に伝える橋渡しができました。", by: "ベトナム出身のインターン生" },
      ],
    },
    en: {
      title: "From market research in Vietnam to first sales talks: a precision parts maker goes abroad",
      summary:
        "A precision parts maker in Nagano with no overseas sales researched the Vietnamese market with its intern and opened talks with two companies in Hanoi.",
      company:
        "An 85-employee maker of precision parts for cars and medical devices in Matsumoto, Nagano. Its customers were mostly large Japanese manufacturers; it had never sold abroad directly.",
      challenge:
        "As its customers moved production abroad, the company needed sales channels in Southeast Asia, but it knew little about local business customs or potential customers.",
      internWork:
        "The intern screened public information on about 200 machining and assembly companies around Hanoi and picked 30 that matched the company's technology. She wrote a company brochure in Vietnamese, arranged online meetings and interpreted.\n\nAt the weekly review she explained local payment terms and how decisions are made, and helped rework the sales materials.",
      results:
        "In three months the company met eight companies online and two in Hanoi asked for quotes on prototypes. Two employees will visit Vietnam next year.",
      quotes: [
        { text: "We took in three months a step that might have taken us ten years alone.", by: "President" },
        { text: "I could be a bridge that explains Japanese attention to quality to Vietnamese companies.", by: "Intern from Vietnam" },
      ],
    },
  },
  {
    org: "00000000-0000-4000-8000-00000000a002",
    theme: "new_business",
    nationality: "ID",
    at: "2026-04-20T10:00",
    colour: [180, 110, 40],
    alt: { ja: "ハラール対応の明太子商品の試作品", en: "Prototype of a halal-friendly mentaiko product" },
    state: "published",
    ja: {
      title: "インドネシア出身のインターン生と開発したハラール対応の新商品",
      summary: "福岡の食品販売会社が、インドネシア出身のインターン生の視点を取り入れ、ムスリムの旅行者向けの新商品を開発しました。",
      company: "福岡市で明太子などの博多の名産品を販売する従業員12名の企業です。店舗とオンラインで販売しています。",
      challenge: "増えるムスリムの旅行者から「食べられる商品はないか」と聞かれても、原材料の確認方法が分からず、応えられませんでした。",
      internWork:
        "インターン生は原材料と製造工程を一つずつ確認し、ハラール認証の要件を整理しました。ムスリムの留学生20人への試食調査を企画し、味と包装の改善点をまとめました。",
      results: "アルコールを使わない調味液の新商品を発売し、空港の店舗で外国人のお客様の売上が前年の1.4倍になりました。",
      quotes: [{ text: "お客様の声を直接聞ける仲間がいることの大切さを学びました。", by: "店長" }],
    },
    en: {
      title: "A halal-friendly product developed with an intern from Indonesia",
      summary: "A food retailer in Fukuoka brought in its Indonesian intern's point of view and developed a new product for Muslim travellers.",
      company: "A 12-employee company in Fukuoka that sells mentaiko and other Hakata specialities in its shops and online.",
      challenge: "More and more Muslim travellers asked which products they could eat, but the staff did not know how to check the ingredients.",
      internWork:
        "The intern checked every ingredient and production step and summarised what halal certification requires. She organised a tasting with 20 Muslim students and reported how to improve taste and packaging.",
      results: "A new product with an alcohol-free seasoning went on sale; sales to foreign customers at the airport shop rose to 1.4 times the year before.",
      quotes: [{ text: "We learnt how much it matters to have a colleague who hears our customers directly.", by: "Shop manager" }],
    },
  },
  {
    org: "00000000-0000-4000-8000-00000000a011",
    theme: "cross_cultural",
    nationality: "IN",
    at: "2026-06-05T10:00",
    colour: [60, 140, 90],
    alt: { ja: "英語で行う朝会の様子", en: "The morning meeting held in English" },
    state: "published",
    ja: {
      title: "英語の朝会が変えた開発チーム：札幌のソフトウェア会社",
      summary: "インド出身のインターン生を迎えたことをきっかけに、開発チームが英語で情報を共有するようになり、海外の技術者の採用も始めました。",
      company: "札幌市で業務用ソフトウェアを開発・販売する従業員40名の企業です。",
      challenge: "社員は英語の資料を読むことはできても、話すことに苦手意識があり、海外の人材を採用する話は進んでいませんでした。",
      internWork:
        "インターン生は在庫管理システムの機能追加を担当しました。チームは毎朝15分の英語の朝会を始め、インターン生が進め方を提案しました。設計書の一部も英語で書くようにしました。",
      results: "インターンシップの後も英語の朝会は続いています。翌年、インドとベトナムの技術者2名を採用しました。",
      quotes: [{ text: "完璧な英語でなくても伝わる、と全員が実感できたことが一番の成果です。", by: "開発部長" }],
    },
    en: {
      title: "How morning meetings in English changed a development team in Sapporo",
      summary: "Hosting an intern from India got a software team sharing information in English, and the company began hiring engineers from abroad.",
      company: "A 40-employee company in Sapporo that develops and sells business software.",
      challenge: "The engineers could read English documents but were shy to speak it, and plans to hire talent from abroad had not moved.",
      internWork:
        "The intern added features to an inventory management system. The team started a 15-minute morning meeting in English, run the way the intern proposed, and began writing part of the design documents in English.",
      results: "The morning meetings in English continue. The next year the company hired two engineers, from India and Vietnam.",
      quotes: [{ text: "The biggest result: everyone now knows that English does not have to be perfect to work.", by: "Head of development" }],
    },
  },
  {
    org: "00000000-0000-4000-8000-00000000a012",
    theme: "overseas_expansion",
    nationality: "PH",
    at: "2026-07-15T10:00",
    colour: [20, 90, 120],
    alt: { ja: "造船所で船舶用部品を確認するインターン生", en: "The intern checking marine parts at the shipyard" },
    state: "published",
    ja: {
      title: "フィリピンの造船所へ：船舶部品メーカーの販路開拓",
      summary: "広島の船舶部品メーカーが、フィリピン出身のインターン生と現地の造船所を調べ、代理店契約を結びました。",
      company: "広島県尾道市で船舶用の配管部品を製造する従業員230名の企業です。",
      challenge: "国内の造船需要が減るなか、フィリピンの造船所向けの販路を探していましたが、現地の調達の仕組みが分かりませんでした。",
      internWork:
        "インターン生はフィリピンの主要な造船所と部品代理店を調べ、調達担当者との面談を設定しました。英語の技術資料の作成と、現地の規格の調査も担当しました。",
      results: "マニラの代理店と契約を結び、最初の注文を受けました。",
      quotes: [{ text: "現地の人の目で市場を見ることができました。", by: "海外営業課長" }],
    },
    en: {
      title: "To the shipyards of the Philippines: a marine parts maker finds new buyers",
      summary: "A marine parts maker in Hiroshima researched shipyards in the Philippines with its intern and signed an agency agreement.",
      company: "A 230-employee maker of piping parts for ships in Onomichi, Hiroshima.",
      challenge: "With less shipbuilding in Japan, the company looked for buyers at Philippine shipyards but did not know how they purchase parts.",
      internWork:
        "The intern researched the main shipyards and parts agents in the Philippines and set up meetings with their buyers. He also wrote technical documents in English and studied the local standards.",
      results: "The company signed with an agent in Manila and received its first order.",
      quotes: [{ text: "We could look at the market through local eyes.", by: "Overseas sales manager" }],
    },
  },
  {
    org: "00000000-0000-4000-8000-00000000a013",
    theme: "cross_cultural",
    nationality: "TH",
    at: "2026-09-01T10:00",
    colour: [150, 60, 80],
    alt: { ja: "町家の客室でお客様を案内するスタッフ", en: "Staff showing guests a room in the machiya" },
    state: "published",
    ja: {
      title: "タイ出身のインターン生と見直した町家ホテルのおもてなし",
      summary: "京都の小さな町家ホテルが、タイ出身のインターン生と一緒に外国人のお客様への案内を見直し、口コミの評価が上がりました。",
      company: "京都市で町家を改装した客室6室のホテルを営む従業員18名の企業です。",
      challenge: "外国人のお客様が宿泊者の6割を占めるようになりましたが、館内の案内や朝食の説明が日本語中心で、問い合わせが多くなっていました。",
      internWork:
        "インターン生はお客様への聞き取りを行い、分かりにくい点を一覧にしました。タイ語と英語の案内を作り、スタッフ向けの短い英会話の練習会を開きました。",
      results: "口コミサイトの評価が4.3から4.7に上がり、タイからの団体予約も入るようになりました。",
      quotes: [{ text: "日本のおもてなしを、言葉の壁を越えて伝える方法を一緒に考えられました。", by: "支配人" }],
    },
    en: null,
  },
  {
    org: "00000000-0000-4000-8000-00000000a014",
    theme: "new_business",
    nationality: "KE",
    at: "2027-11-20T10:00",
    colour: [90, 130, 40],
    alt: { ja: "ゆずの畑で作業するインターン生", en: "The intern working in the yuzu field" },
    state: "in_review",
    ja: {
      title: "ゆずの加工品をケニアの視点で：高知の農園の新事業",
      summary: "高知の小さな農園が、ケニア出身のインターン生と、規格外のゆずを使った新しい加工品を試作しています。",
      company: "高知県でゆずを栽培する従業員9名の農業法人です。",
      challenge: "収穫量の3割を占める規格外のゆずを、十分に活用できていませんでした。",
      internWork: "インターン生は規格外品の量と品質を記録し、ケニアでの果物の加工方法をもとに、乾燥ゆずとジャムの試作を提案しました。",
      results: "2種類の試作品を作り、地元の道の駅で試験販売を始めました。",
      quotes: [],
    },
    en: null,
  },
];

function svg(c: DemoCase, name: string): string {
  const [r, g, b] = c.colour;
  return `<svg xmlns="http://www.w3.org/2000/svg" width="1200" height="800"><rect width="1200" height="800" fill="rgb(${r},${g},${b})"/><circle cx="900" cy="260" r="180" fill="rgba(255,255,255,0.25)"/><rect x="120" y="520" width="960" height="160" rx="24" fill="rgba(255,255,255,0.85)"/><text x="160" y="620" font-family="sans-serif" font-size="56" fill="rgb(${r},${g},${b})">${name.replace(/&/g, "&amp;")}</text></svg>`;
}

function versionForm(t: Text | null) {
  if (!t) return {};
  return { ...t, quotes: Object.fromEntries(t.quotes.map((q, i) => [String(i + 1), q])) };
}

export async function seedDemoCases(ctx: ServiceContext, roundId: string): Promise<void> {
  const db = ctx.db;
  const operatorUser = await createVerifiedUser(ctx, {
    email: DEMO_CASE_LOGINS.operator,
    name: "小林 愛 (Operator)",
    password: PASSWORD,
    role: "operator",
    locale: "en",
  });
  const operator: Actor = {
    userId: operatorUser.id,
    email: DEMO_CASE_LOGINS.operator,
    name: "小林 愛 (Operator)",
    role: "operator",
    locale: "en",
    timeZone: null,
    twoFactorEnabled: true,
    ip: null,
    recentlyAuthenticated: true,
  };
  const hosts = new Map<string, Actor>();
  for (const o of ORGS) {
    const { member, ...org } = o;
    await db
      .insertInto("host_organizations")
      .values({ ...org, kind: "sme", overseas_status: "ongoing", overseas_countries: [], work_languages: ["ja", "en"] })
      .execute();
    const { id } = await createVerifiedUser(ctx, { email: member.email, name: member.name, password: PASSWORD, role: "host", locale: "ja" });
    await db.insertInto("host_memberships").values({ organization_id: o.id, user_id: id, org_role: "admin" }).execute();
    hosts.set(o.id, {
      userId: id,
      email: member.email,
      name: member.name,
      role: "host",
      locale: "ja",
      timeZone: null,
      twoFactorEnabled: false,
      ip: null,
      recentlyAuthenticated: true,
    });
  }
  for (const m of await db
    .selectFrom("host_memberships")
    .innerJoin("user", "user.id", "host_memberships.user_id")
    .select(["host_memberships.organization_id", "user.id", "user.email", "user.name"])
    .where("host_memberships.org_role", "=", "admin")
    .execute()) {
    if (!hosts.has(m.organization_id))
      hosts.set(m.organization_id, {
        userId: m.id,
        email: m.email,
        name: m.name,
        role: "host",
        locale: "ja",
        timeZone: null,
        twoFactorEnabled: false,
        ip: null,
        recentlyAuthenticated: true,
      });
  }
  for (const c of CASES) {
    const at = tokyoLocalToInstant(c.at)!;
    const timed: ServiceContext = { ...ctx, clock: () => at };
    const host = hosts.get(c.org)!;
    const created = await createCase(timed, host, { theme: c.theme, roundId: c.state === "in_review" ? roundId : "" });
    const form = { theme: c.theme, internName: "", internNationality: c.nationality, ja: versionForm(c.ja), en: versionForm(c.en) };
    await saveCaseDraft(timed, host, { caseId: created.id, form });
    const orgName = ORGS.find((o) => o.id === c.org)?.name_en ?? (c.org.endsWith("a001") ? "Sakura Seiki" : "Hakata Foods");
    const png = await sharp(Buffer.from(svg(c, orgName)))
      .jpeg({ quality: 80 })
      .toBuffer();
    await uploadCaseImage(timed, host, {
      caseId: created.id,
      file: new File([new Uint8Array(png)], "photo.jpg", { type: "image/jpeg" }),
      altJa: c.alt.ja,
      altEn: c.alt.en,
      showsIntern: "no",
    });
    await submitCase(timed, host, { caseId: created.id });
    if (c.state === "in_review") continue;
    await approveCase(timed, operator, { caseId: created.id });
    await recordInternConsent(timed, operator, { caseId: created.id, form: { named: "no", shown: "no", note: "" } });
    await publishCase(timed, operator, { caseId: created.id, form: { languages: c.en ? ["ja", "en"] : ["ja"] } });
  }
}
