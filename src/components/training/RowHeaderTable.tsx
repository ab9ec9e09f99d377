/**
 * A training-studio table whose first cell in each row is the row's header (<th scope="row">):
 * the study tables and the baselines table. `rowData` gives each row's data-* attributes.
 */
import type { ReactNode } from 'react';

export function RowHeaderTable({
  testId,
  caption,
  head,
  rows,
  rowData,
}: {
  testId: string;
  caption: string;
  head: readonly string[];
  rows: readonly (readonly ReactNode[])[];
  rowData?: (i: number) => Record<`data-${string}`, string>;
}) {
  return (
    <table className="train-table" data-testid={testId}>
      <caption>{caption}</caption>
      <thead>
        <tr>
          {head.map((h) => (
            <th key={h} scope="col">
              {h}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {rows.map((r, i) => (
          <tr key={i} {...rowData?.(i)}>
            {r.map((c, j) =>
              j === 0 ? (
                <th key={j} scope="row">
                  {c}
                </th>
              ) : (
                <td key={j}>{c}</td>
              ),
            )}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
