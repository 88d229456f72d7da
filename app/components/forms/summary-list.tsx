/**
 * Answers or facts as label–value rows (a description list). Side by side
 * on wide screens, the label over its value on narrow ones; long values
 * (e-mail addresses, URLs) wrap instead of widening the page.
 */
import type { ReactNode } from "react";

export interface SummaryRow {
  /** Unique within the list (React key). */
  key: string;
  label: ReactNode;
  value: ReactNode;
  /** data-testid of the value, for the browser tests. */
  testId?: string;
  /** A link or button for this row (e.g. "Change"). */
  action?: ReactNode;
  /** An indented row that details the one above it. */
  sub?: boolean;
}

export function SummaryList({ rows, className }: { rows: readonly (SummaryRow | null | false | undefined)[]; className?: string }) {
  return (
    <dl className={className ? `summary-list ${className}` : "summary-list"}>
      {rows
        .filter((r): r is SummaryRow => Boolean(r))
        .map((r) => (
          <div key={r.key} className={r.sub ? "summary-list-row sub" : "summary-list-row"}>
            <dt>{r.label}</dt>
            <dd data-testid={r.testId}>{r.value}</dd>
            {r.action ? <dd className="summary-list-action">{r.action}</dd> : null}
          </div>
        ))}
    </dl>
  );
}
