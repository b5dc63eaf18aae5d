/**
 * Two plain SVG charts, enough for a handful of intents, teams and weeks: horizontal
 * stacked bars (automated | handed off) and vertical stacked columns per week. Each chart
 * carries a text alternative, and every bar a <title> with its numbers. The comparisons
 * (CSAT, times) are in comparison-charts.tsx.
 */
import { getColor } from '@zendeskgarden/react-theming';
import { useTheme } from 'styled-components';

export interface StackRow {
  label: string;
  automated: number;
  handedOff: number;
}

/** Green is Baton, yellow a person after a handoff, blue people alone (the baseline), on every chart. */
export function useHues() {
  const theme = useTheme();
  return {
    automated: getColor({ theme, hue: 'green', shade: 600 }),
    handedOff: getColor({ theme, hue: 'yellow', shade: 500 }),
    humanOnly: getColor({ theme, hue: 'blue', shade: 600 }),
    text: getColor({ theme, variable: 'foreground.default' }),
    grid: getColor({ theme, variable: 'border.default' }),
  };
}

export function StackedBars({ rows, title, labels }: { rows: StackRow[]; title: string; labels: { automated: string; handedOff: string } }) {
  const hue = useHues();
  const max = Math.max(1, ...rows.map((r) => r.automated + r.handedOff));
  const rowH = 26;
  const labelW = 150;
  const barW = 300;
  const height = rows.length * rowH + 4;
  return (
    <svg role="img" aria-label={title} viewBox={`0 0 ${labelW + barW + 40} ${height}`} width={labelW + barW + 40} height={height} style={{ maxWidth: '100%', height: 'auto' }} data-testid="stacked-bars">
      <title>{title}</title>
      {rows.map((r, i) => {
        const y = i * rowH + 4;
        const a = (r.automated / max) * barW;
        const h = (r.handedOff / max) * barW;
        return (
          <g key={r.label}>
            <text x={labelW - 8} y={y + 14} textAnchor="end" fontSize="12" fill={hue.text}>
              {r.label}
            </text>
            <rect x={labelW} y={y} width={a} height={18} fill={hue.automated}>
              <title>{`${r.label}: ${labels.automated} ${r.automated}`}</title>
            </rect>
            <rect x={labelW + a} y={y} width={h} height={18} fill={hue.handedOff}>
              <title>{`${r.label}: ${labels.handedOff} ${r.handedOff}`}</title>
            </rect>
            <text x={labelW + a + h + 6} y={y + 14} fontSize="12" fill={hue.text}>
              {r.automated + r.handedOff}
            </text>
          </g>
        );
      })}
    </svg>
  );
}

export function WeeklyColumns({ rows, title, labels }: { rows: StackRow[]; title: string; labels: { automated: string; handedOff: string } }) {
  const hue = useHues();
  const max = Math.max(1, ...rows.map((r) => r.automated + r.handedOff));
  const colW = 44;
  const chartH = 140;
  const width = Math.max(rows.length * colW + 20, 240);
  return (
    <svg role="img" aria-label={title} viewBox={`0 0 ${width} ${chartH + 40}`} width={width} height={chartH + 40} style={{ maxWidth: '100%', height: 'auto' }} data-testid="weekly-columns">
      <title>{title}</title>
      <line x1={0} y1={chartH} x2={width} y2={chartH} stroke={hue.grid} />
      {rows.map((r, i) => {
        const x = 10 + i * colW;
        const a = (r.automated / max) * chartH;
        const h = (r.handedOff / max) * chartH;
        return (
          <g key={r.label}>
            <rect x={x} y={chartH - a} width={colW - 12} height={a} fill={hue.automated}>
              <title>{`${r.label}: ${labels.automated} ${r.automated}`}</title>
            </rect>
            <rect x={x} y={chartH - a - h} width={colW - 12} height={h} fill={hue.handedOff}>
              <title>{`${r.label}: ${labels.handedOff} ${r.handedOff}`}</title>
            </rect>
            <text x={x + (colW - 12) / 2} y={chartH + 16} fontSize="10" textAnchor="middle" fill={hue.text}>
              {r.label.slice(5)}
            </text>
          </g>
        );
      })}
    </svg>
  );
}

export function Legend({ labels }: { labels: { automated: string; handedOff: string } }) {
  const hue = useHues();
  const swatch = (c: string) => <span aria-hidden style={{ display: 'inline-block', width: 10, height: 10, background: c, marginRight: 4 }} />;
  return (
    <p style={{ margin: 0, fontSize: 12 }}>
      {swatch(hue.automated)}
      {labels.automated} &nbsp; {swatch(hue.handedOff)}
      {labels.handedOff}
    </p>
  );
}

/**
 * Where the handoff rate sits against its healthy band: a 0–100% track, the band shaded,
 * a marker at the rate. The text beside it says the same in words.
 */
export function RangeGauge({ rate, min, max, label }: { rate: number | null; min: number; max: number; label: string }) {
  const hue = useHues();
  const w = 220;
  return (
    <svg role="img" aria-label={label} viewBox={`0 0 ${w} 24`} width={w} height={24} style={{ display: 'block', margin: '4px 0' }} data-testid="range-gauge">
      <rect x={0} y={9} width={w} height={6} rx={3} fill={hue.grid} />
      <rect x={min * w} y={9} width={(max - min) * w} height={6} fill={hue.automated} />
      {rate !== null && <rect x={Math.min(Math.max(rate * w - 2, 0), w - 4)} y={2} width={4} height={20} rx={1} fill={hue.text} />}
    </svg>
  );
}
