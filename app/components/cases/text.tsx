/**
 * A case study's text as it was typed: paragraphs at blank lines, line
 * breaks kept, everything printed as text (React escapes it), so markup
 * someone typed shows as characters and never runs.
 */
export function Paragraphs({ text, lang }: { text: string; lang?: string }) {
  const paragraphs = text.split(/\n{2,}/).filter((p) => p.trim() !== "");
  return (
    <>
      {paragraphs.map((p, i) => (
        <p key={i} lang={lang}>
          {p.split("\n").map((line, j) => (
            <span key={j}>
              {j > 0 ? <br /> : null}
              {line}
            </span>
          ))}
        </p>
      ))}
    </>
  );
}

/** The URL of a case image in one of its two sizes. */
export function caseImageUrl(id: string, size: "small" | "large"): string {
  return `/case-images/${id}/${size}`;
}
