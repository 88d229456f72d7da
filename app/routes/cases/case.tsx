import { data, useLoaderData } from "react-router";
import { formatDay } from "#src/i18n/format.ts";
import { LOCALES, LOCALE_NAMES, LOCALE_TAGS, type Locale } from "#src/i18n/locales.ts";
import { translator } from "#src/i18n/translator.ts";
import { getPublishedCase } from "#src/services/cases/public-cases.ts";
import { Paragraphs, caseImageUrl } from "../../components/cases/text.tsx";
import { SummaryList } from "../../components/forms/index.ts";
import { countryName } from "../../lib/countries.ts";
import { PROGRAM_TIME_ZONE, useI18n } from "../../lib/i18n.tsx";
import { requestContext, run } from "../../lib/request.server.ts";
import type { Route } from "./+types/case";
import { PageTitle } from "../../components/page-title.tsx";

/**
 * One published case study at its stable address (/<lang>/cases/<number>),
 * with a title and description for sharing (Open Graph), structured data
 * (schema.org Article) and its language alternates. A withdrawn case keeps
 * answering, with 410 and a page that says so.
 */
export async function loader({ request, params }: Route.LoaderArgs) {
  const { rt, locale } = await requestContext(request, params);
  const found = await run(request, locale, () => getPublishedCase(rt, locale, params.number));
  const origin = rt.publicUrl.replace(/\/$/, "");
  if (found.state === "withdrawn") return data({ found, origin, locale }, { status: 410 });
  return { found, origin, locale };
}

export function meta({ loaderData }: Route.MetaArgs) {
  if (!loaderData) return [];
  const { found, origin, locale } = loaderData;
  const t = translator(locale as Locale);
  if (found.state === "withdrawn") return [{ name: "robots", content: "noindex" }];
  const url = `${origin}/${locale}/cases/${found.number}`;
  const image = found.images[0];
  const imageUrl = image ? `${origin}${caseImageUrl(image.id, "large")}` : null;
  const alternates = LOCALES.map((l) => ({ tagName: "link", rel: "alternate", hrefLang: l, href: `${origin}/${l}/cases/${found.number}` }));
  return [
    { name: "description", content: found.version.summary },
    { tagName: "link", rel: "canonical", href: url },
    ...alternates,
    { property: "og:type", content: "article" },
    { property: "og:site_name", content: t("site.name") },
    { property: "og:title", content: found.version.title },
    { property: "og:description", content: found.version.summary },
    { property: "og:url", content: url },
    { property: "og:locale", content: found.language === "ja" ? "ja_JP" : "en_US" },
    ...(imageUrl && image
      ? [
          { property: "og:image", content: imageUrl },
          { property: "og:image:width", content: String(image.width) },
          { property: "og:image:height", content: String(image.height) },
          { property: "og:image:alt", content: image.alt },
        ]
      : []),
    { name: "twitter:card", content: imageUrl ? "summary_large_image" : "summary" },
    { property: "article:published_time", content: new Date(found.publishedAt).toISOString() },
    { property: "article:modified_time", content: new Date(found.modifiedAt).toISOString() },
    {
      "script:ld+json": {
        "@context": "https://schema.org",
        "@type": "Article",
        headline: found.version.title,
        description: found.version.summary,
        inLanguage: found.language,
        url,
        mainEntityOfPage: url,
        datePublished: new Date(found.publishedAt).toISOString(),
        dateModified: new Date(found.modifiedAt).toISOString(),
        ...(imageUrl ? { image: [imageUrl] } : {}),
        about: { "@type": "Organization", name: found.organizationName },
        articleSection: t(`cases.themes.${found.theme}`),
        publisher: { "@type": "Organization", name: t("site.name"), url: origin },
      },
    },
  ];
}

const languageNames = new Map<Locale, Intl.DisplayNames>();

/** A language's name in the page's language ("tiếng Anh" on a Vietnamese page), the formatter built once per locale. */
function languageName(code: string, locale: Locale): string {
  let names = languageNames.get(locale);
  if (!names) languageNames.set(locale, (names = new Intl.DisplayNames([LOCALE_TAGS[locale]], { type: "language" })));
  return names.of(code) ?? code;
}

export default function CasePage() {
  const { t, locale } = useI18n();
  const { found } = useLoaderData<typeof loader>();
  if (found.state === "withdrawn") {
    return (
      <>
        <PageTitle title={t("cases.withdrawn.title")} />
        <h1>{t("cases.withdrawn.title")}</h1>
        <p>{t("cases.withdrawn.body")}</p>
        <p>
          <a href={`/${locale}/cases`}>{t("cases.withdrawn.back")}</a>
        </p>
      </>
    );
  }
  const c = found;
  const lang = c.language;
  const v = c.version;
  const intern =
    c.internName ||
    (c.nationality ? t("cases.page.anonymousIntern", { country: countryName(c.nationality, locale) }) : t("cases.page.anonymousInternNoCountry"));
  const other = c.languages.filter((l) => l !== lang && l !== locale);
  return (
    <article className="case-page">
      <p>
        <a href={`/${locale}/cases`}>{t("cases.page.back")}</a>
      </p>
      {c.inTranslation ? <p className="notice">{t(lang === "ja" ? "cases.inTranslation" : "cases.inTranslationJa")}</p> : null}
      {!c.inTranslation && lang !== locale ? <p className="notice">{t("cases.shownIn", { language: languageName(lang, locale) })}</p> : null}
      <PageTitle title={v.title} />
      <h1 lang={lang}>{v.title}</h1>
      <p className="lead" lang={lang}>
        {v.summary}
      </p>
      <p className="case-facts">
        {t(`cases.themes.${c.theme}`)} · {t("cases.published", { date: formatDay(new Date(c.publishedAt), locale, PROGRAM_TIME_ZONE) })}
      </p>
      {c.images[0] ? (
        <figure>
          <img
            src={caseImageUrl(c.images[0].id, "large")}
            srcSet={`${caseImageUrl(c.images[0].id, "small")} ${c.images[0].smallWidth}w, ${caseImageUrl(c.images[0].id, "large")} ${c.images[0].width}w`}
            sizes="(max-width: 50rem) 100vw, 50rem"
            alt={c.images[0].alt}
            width={c.images[0].width}
            height={c.images[0].height}
            loading="lazy"
            decoding="async"
            lang={lang}
          />
        </figure>
      ) : null}
      <h2>{t("cases.page.facts")}</h2>
      <SummaryList
        rows={[
          { key: "host", label: t("cases.page.host"), value: <span lang={lang}>{c.organizationName}</span> },
          c.industry ? { key: "industry", label: t("cases.industry"), value: t(`jsic.${c.industry}`) } : null,
          c.region ? { key: "region", label: t("cases.region"), value: t(`cases.regions.${c.region}`) } : null,
          c.sizeClass ? { key: "size", label: t("cases.size"), value: t(`cases.sizes.${c.sizeClass}`) } : null,
          { key: "intern", label: t("cases.page.intern"), value: <span lang={c.internName ? lang : undefined}>{intern}</span> },
          c.fiscalYear ? { key: "fy", label: t("cases.page.fiscalYear"), value: t("cases.fiscalYear", { year: c.fiscalYear }) } : null,
        ]}
      />
      <h2>{t("cases.page.company")}</h2>
      <Paragraphs text={v.company} lang={lang} />
      <h2>{t("cases.page.challenge")}</h2>
      <Paragraphs text={v.challenge} lang={lang} />
      <h2>{t("cases.page.internWork")}</h2>
      <Paragraphs text={v.internWork} lang={lang} />
      <h2>{t("cases.page.results")}</h2>
      <Paragraphs text={v.results} lang={lang} />
      {v.quotes.length > 0 ? (
        <>
          <h2>{t("cases.page.quotes")}</h2>
          {v.quotes.map((q, i) => (
            <figure key={i} className="case-quote">
              <blockquote lang={lang}>
                <Paragraphs text={q.text} />
              </blockquote>
              {q.by ? <figcaption lang={lang}>— {q.by}</figcaption> : null}
            </figure>
          ))}
        </>
      ) : null}
      {c.images.length > 1 ? (
        <>
          <h2>{t("cases.page.images")}</h2>
          <div className="case-gallery">
            {c.images.slice(1).map((img) => (
              <img
                key={img.id}
                src={caseImageUrl(img.id, "small")}
                alt={img.alt}
                width={img.smallWidth}
                height={img.smallHeight}
                loading="lazy"
                decoding="async"
                lang={lang}
              />
            ))}
          </div>
        </>
      ) : null}
      <p className="case-facts">{t("cases.page.updated", { date: formatDay(new Date(c.modifiedAt), locale, PROGRAM_TIME_ZONE) })}</p>
      {other.map((l) => (
        <p key={l}>
          <a href={`/${l}/cases/${c.number}`} hrefLang={l} lang={l}>
            {translator(l)("cases.page.otherLanguage", { language: LOCALE_NAMES[l] })}
          </a>
        </p>
      ))}
    </article>
  );
}
