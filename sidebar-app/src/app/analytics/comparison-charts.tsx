/**
 * Charts that put a few values side by side: one bar per item (CSAT by path; first response
 * automated vs people; resolution automated vs people) and grouped columns per week (CSAT by
 * path). Each has an axis with its unit, and each value says how many tickets or ratings it
 * rests on; a value on too small a sample is drawn grey and says so. A missing value draws
 * no bar and says '—', never a 0 bar that would read as "0%".
 */
import { getColor } from '@zendeskgarden/react-theming';
import styled from 'styled-components';
import { useI18n } from '../i18n/TranslationProvider';
import { PartialNote, useHues } from './charts';

export interface CompareItem {
  label: string;
  value: number | null;
  /** The value as people read it, with its count: "80% (5)", "6 min (7 tickets)". */
  text: string;
  color: string;
  /** Too small a sample to judge: drawn grey. */
  few: boolean;
}

const Bars = styled.figure`
  margin: ${(p) => p.theme.space.xxs} 0;
  display: grid;
  gap: 2px;
  font-size: ${(p) => p.theme.fontSizes.sm};
  line-height: ${(p) => p.theme.lineHeights.sm};
  .few {
    color: ${(p) => getColor({ theme: p.theme, variable: 'foreground.subtle' })};
  }
  .track {
    height: 12px;
    border-radius: 2px;
    margin-bottom: 2px;
    background: ${(p) => getColor({ theme: p.theme, variable: 'background.recessed' })};
  }
  .bar {
    height: 12px;
    border-radius: 2px;
  }
  .axis {
    display: flex;
    justify-content: space-between;
    border-top: 1px solid ${(p) => getColor({ theme: p.theme, variable: 'border.default' })};
    font-size: ${(p) => p.theme.fontSizes.xs};
    color: ${(p) => getColor({ theme: p.theme, variable: 'foreground.subtle' })};
  }
`;

/**
 * Horizontal bars in HTML, so labels and values wrap in any language instead of being cut
 * at the edge of an SVG: the label above each bar, the value (with its count, and "too few
 * to judge" where it applies) below it, an axis under all of them. `ticks` are the axis
 * values, `tickText` writes them with their unit. Every text carries data-chart-text.
 */
export function CompareBars({ items, title, ticks, tickText, testId }: { items: CompareItem[]; title: string; ticks: number[]; tickText(v: number): string; testId: string }) {
  const { t } = useI18n();
  const hue = useHues();
  const top = Math.max(...ticks, Number.MIN_VALUE);
  return (
    <Bars role="group" aria-label={title} data-testid={testId}>
      {items.map((item) => (
        <div key={item.label} data-few={item.few}>
          <div data-chart-text>{item.label}</div>
          <div className="track" role="img" aria-label={`${item.label}: ${item.text}`}>
            {item.value !== null && <div className="bar" style={{ width: `${(Math.min(item.value, top) / top) * 100}%`, background: item.few ? hue.few : item.color, opacity: item.few ? 0.6 : 1 }} />}
          </div>
          <div data-chart-text className={item.few ? 'few' : undefined}>
            {item.few && item.value !== null ? `${item.text} · ${t('analytics.too_few_short')}` : item.text}
          </div>
        </div>
      ))}
      <div className="axis" aria-hidden>
        {ticks.map((v) => (
          <span key={v} data-chart-text data-testid="x-tick">
            {tickText(v)}
          </span>
        ))}
      </div>
    </Bars>
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
  /** Per series: too small a sample to judge. */
  few: boolean[];
  partial: boolean;
}

/** Grouped vertical columns on a 0..1 scale (shares), one group per row (week), one column per series. */
export function GroupedColumns({ rows, series, title, testId, tickText }: { rows: GroupRow[]; series: Series[]; title: string; testId: string; tickText(v: number): string }) {
  const { t } = useI18n();
  const hue = useHues();
  const axisW = 38;
  const colW = 10;
  const groupW = series.length * colW + 22;
  const chartH = 110;
  const padTop = 8;
  const width = axisW + Math.max(rows.length, 3) * groupW + 8;
  const y = (v: number) => padTop + chartH - v * chartH;
  return (
    <>
      <svg role="img" aria-label={title} viewBox={`0 0 ${width} ${padTop + chartH + 32}`} width={width} height={padTop + chartH + 32} style={{ maxWidth: '100%', height: 'auto' }} data-testid={testId}>
        <title>{title}</title>
        {[0, 0.5, 1].map((v) => (
          <g key={v}>
            <line x1={axisW} x2={width} y1={y(v)} y2={y(v)} stroke={hue.grid} strokeDasharray={v === 0 ? undefined : '2 3'} />
            <text x={axisW - 4} y={y(v) + 3} fontSize="10" textAnchor="end" fill={hue.subtle}>
              {tickText(v)}
            </text>
          </g>
        ))}
        {rows.map((r, i) => {
          const x = axisW + 10 + i * groupW;
          return (
            <g key={r.label} opacity={r.partial ? 0.6 : 1}>
              {series.map((s, j) => {
                const v = r.values[j];
                if (v === null || v === undefined) return null;
                const few = r.few[j] ?? false;
                return (
                  <rect key={s.label} x={x + j * colW} y={y(v)} width={colW - 2} height={chartH + padTop - y(v)} fill={few ? hue.few : s.color} opacity={few ? 0.5 : 1} data-few={few}>
                    <title>{`${r.label}: ${s.label} ${r.texts[j] ?? ''}${few ? ` (${t('analytics.too_few_short')})` : ''}`}</title>
                  </rect>
                );
              })}
              <text x={x + (series.length * colW) / 2} y={padTop + chartH + 13} fontSize="10" textAnchor="middle" fill={hue.text}>
                {r.label}
              </text>
              {r.partial && (
                <text x={x + (series.length * colW) / 2} y={padTop + chartH + 26} fontSize="12" textAnchor="middle" fill={hue.subtle} data-testid="partial-mark">
                  *
                </text>
              )}
            </g>
          );
        })}
      </svg>
      <PartialNote show={rows.some((r) => r.partial)} />
    </>
  );
}

/** The colour key of a comparison chart, with the grey of "too few to judge". */
export function SeriesLegend({ series }: { series: Series[] }) {
  const { t } = useI18n();
  const hue = useHues();
  const swatch = (c: string, o = 1) => <span aria-hidden style={{ display: 'inline-block', width: 10, height: 10, background: c, opacity: o, marginRight: 4 }} />;
  return (
    <p style={{ margin: 0, fontSize: 12 }}>
      {series.map((s) => (
        <span key={s.label} style={{ marginRight: 12 }}>
          {swatch(s.color)}
          {s.label}
        </span>
      ))}
      <span>
        {swatch(hue.few, 0.5)}
        {t('analytics.too_few_short')}
      </span>
    </p>
  );
}
