/**
 * Why the platform refused what was asked (a 409: a deadline passed, a
 * phase not reached…): a title and the reasons, already in the page's
 * language. The caller translates each refusal code; this box only shows them.
 */
export interface RefusalBoxProps {
  title: string;
  reasons: readonly string[];
  /** The heading's id (pages with two boxes give each its own). */
  id?: string;
}

export function RefusalBox({ title, reasons, id = "refusal-title" }: RefusalBoxProps) {
  if (reasons.length === 0) return null;
  return (
    <div className="error-summary refusal" role="alert" aria-labelledby={id} tabIndex={-1}>
      <h2 id={id}>{title}</h2>
      <ul>
        {reasons.map((r, i) => (
          <li key={i}>{r}</li>
        ))}
      </ul>
    </div>
  );
}
