/**
 * Plain SVG charts that put a few values side by side: one bar per item (CSAT by path,
 * resolution time automated vs human) and grouped columns per week (CSAT by path). A
 * missing value (no ratings, no timed tickets) draws no bar and says '—', never a 0 bar
 * that would read as "0%". Each chart has a text alternative, each bar a <title>.
 */
import { useHues } from './charts';

export interface CompareItem {
  label: string;
  value: number | null;
  /** The value as people read it: "80%", "2.5 hr". */
  text: string;
  color: string;
}

/** Horizontal bars, label above each; `max` is the value a full bar stands for (1 for a share). */
export function CompareBars({ items, title, max, testId }: { items: CompareItem[]; title: string; max: number; testId: string }) {
  const hue = useHues();
  const width = 240;
  const barW = 170;
  const rowH = 34;
  const top = Math.max(max, ...items.map((i) => i.value ?? 0), Number.MIN_VALUE);
  return (
    <svg role="img" aria-label={title} viewBox={`0 0 ${width} ${items.length * rowH}`} width={width} height={items.length * rowH} style={{ maxWidth: '100%', height: 'auto', display: 'block' }} data-testid={testId}>
      <title>{title}</title>
      {items.map((item, i) => {
        const y = i * rowH;
        const w = item.value === null ? 0 : (item.value / top) * barW;
        return (
          <g key={item.label}>
            <text x={0} y={y + 11} fontSize="11" fill={hue.text}>
              {item.label}
            </text>
            <rect x={0} y={y + 15} width={barW} height={12} rx={2} fill={hue.grid} opacity={0.35} />
            {item.value !== null && (
              <rect x={0} y={y + 15} width={w} height={12} rx={2} fill={item.color}>
                <title>{`${item.label}: ${item.text}`}</title>
              </rect>
            )}
            <text x={barW + 6} y={y + 25} fontSize="11" fill={hue.text}>
              {item.text}
            </text>
          </g>
        );
      })}
    </svg>
  );
}

export interface Series {
  label: string;
  color: string;
}

export interface GroupRow {
  label: string;
  /** One value per series, in the order of `series`; null draws nothing. */
  values: (number | null)[];
  texts: string[];
}

/** Grouped vertical columns, one group per row (week), one column per series. */
export function GroupedColumns({ rows, series, title, max, testId }: { rows: GroupRow[]; series: Series[]; title: string; max: number; testId: string }) {
  const hue = useHues();
  const colW = 9;
  const groupW = series.length * colW + 16;
  const chartH = 110;
  const width = Math.max(rows.length * groupW + 20, 240);
  const top = Math.max(max, ...rows.flatMap((r) => r.values.map((v) => v ?? 0)), Number.MIN_VALUE);
  return (
    <svg role="img" aria-label={title} viewBox={`0 0 ${width} ${chartH + 30}`} width={width} height={chartH + 30} style={{ maxWidth: '100%', height: 'auto' }} data-testid={testId}>
      <title>{title}</title>
      <line x1={0} y1={chartH} x2={width} y2={chartH} stroke={hue.grid} />
      {rows.map((r, i) => {
        const x = 10 + i * groupW;
        return (
          <g key={r.label}>
            {series.map((s, j) =>
              r.values[j] === null || r.values[j] === undefined ? null : (
                <rect key={s.label} x={x + j * colW} y={chartH - (r.values[j]! / top) * chartH} width={colW - 2} height={(r.values[j]! / top) * chartH} fill={s.color}>
                  <title>{`${r.label}: ${s.label} ${r.texts[j] ?? ''}`}</title>
                </rect>
              ),
            )}
            <text x={x + (series.length * colW) / 2} y={chartH + 16} fontSize="10" textAnchor="middle" fill={hue.text}>
              {r.label.slice(5)}
            </text>
          </g>
        );
      })}
    </svg>
  );
}

/** The colour key of a comparison chart. */
export function SeriesLegend({ series }: { series: Series[] }) {
  const swatch = (c: string) => <span aria-hidden style={{ display: 'inline-block', width: 10, height: 10, background: c, marginRight: 4 }} />;
  return (
    <p style={{ margin: 0, fontSize: 12 }}>
      {series.map((s) => (
        <span key={s.label} style={{ marginRight: 12 }}>
          {swatch(s.color)}
          {s.label}
        </span>
      ))}
    </p>
  );
}
