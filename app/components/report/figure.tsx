import type { FigureView } from "#src/services/report/figure-views.ts";

/** One figure: its title and description, the chart (server-rendered SVG) and the accessible table with the same numbers. */
export function ReportFigure({ figure, caption, children }: { figure: FigureView; caption: string; children?: React.ReactNode }) {
  const { table } = figure;
  return (
    <section className="report-figure" aria-labelledby={`figure-${figure.id}`} id={`figure-${figure.id}-section`}>
      <h2 id={`figure-${figure.id}`}>{figure.title}</h2>
      <p>{figure.description}</p>
      <div className="report-chart" dangerouslySetInnerHTML={{ __html: figure.svg }} />
      <div className="table-scroll">
        <table>
          <caption>{caption}</caption>
          <thead>
            <tr>
              {table.columns.map((c) => (
                <th key={c.key} scope="col">
                  {c.label}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {table.rows.map((r, i) => (
              <tr key={`${r.fiscalYear}-${r.key}-${i}`}>
                {r.cells.map((cell, j) =>
                  j === 0 ? (
                    <th key={j} scope="row">
                      {cell}
                    </th>
                  ) : (
                    <td key={j}>{cell}</td>
                  ),
                )}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {table.notes.length > 0 ? (
        <ul className="report-notes">
          {table.notes.map((n) => (
            <li key={n}>{n}</li>
          ))}
        </ul>
      ) : null}
      {children}
    </section>
  );
}
