/**
 * A horizontal bar chart that is a table underneath: screen readers read the labels and values,
 * the bars are decoration (aria-hidden) drawn to the largest value.
 */
export function BarChart({ caption, label, value, rows }: { caption: string; label: string; value: string; rows: { key: string; label: string; value: number; note?: string }[] }) {
  const max = Math.max(1, ...rows.map((r) => r.value));
  return (
    <figure className="bar-chart">
      <table>
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{label}</th>
            <th scope="col">{value}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.key}>
              <th scope="row">{r.label}</th>
              <td>
                <div className="bar-cell">
                  <span className="bar" aria-hidden="true" style={{ width: `${(r.value / max) * 70}%` }} />
                  <span className="bar-value">{r.value}</span>
                  {r.note && <span className="bar-note"> {r.note}</span>}
                </div>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </figure>
  );
}
