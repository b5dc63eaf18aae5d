/**
 * The page's count charts: bars per intent / team (automated | handed off) and columns per
 * week. Labels are HTML beside the bars, so a long intent name wraps instead of being cut
 * at the edge of an SVG. Every chart has an axis with its unit, the count on each bar, a
 * text alternative, and greys out what rests on too few tickets to judge; a partial week is
 * hatched and labelled, so it never reads as a collapse.
 */
import { getColor } from '@zendeskgarden/react-theming';
import styled, { useTheme } from 'styled-components';
import { useI18n } from '../i18n/TranslationProvider';
import { enough } from './sample';

export interface StackRow {
  key: string;
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
    subtle: getColor({ theme, variable: 'foreground.subtle' }),
    grid: getColor({ theme, variable: 'border.default' }),
    few: getColor({ theme, variable: 'border.emphasis' }),
  };
}

/** 0, half and the top of a scale, rounded to whole units: enough ticks for a handful of bars. */
export function ticksFor(max: number): number[] {
  const top = Math.max(1, Math.ceil(max));
  const half = Math.round(top / 2);
  return [...new Set([0, half, top])];
}

const Rows = styled.div`
  display: grid;
  grid-template-columns: minmax(90px, max-content) minmax(120px, 1fr) max-content;
  gap: ${(p) => p.theme.space.xxs} ${(p) => p.theme.space.xs};
  align-items: center;
  font-size: ${(p) => p.theme.fontSizes.sm};
  .label {
    overflow-wrap: anywhere;
  }
  .few {
    color: ${(p) => getColor({ theme: p.theme, variable: 'foreground.subtle' })};
  }
  .axis {
    display: flex;
    justify-content: space-between;
    border-top: 1px solid ${(p) => getColor({ theme: p.theme, variable: 'border.default' })};
    color: ${(p) => getColor({ theme: p.theme, variable: 'foreground.subtle' })};
  }
`;

const Track = styled.div<{ $few: boolean }>`
  display: flex;
  height: 14px;
  opacity: ${(p) => (p.$few ? 0.45 : 1)};
`;

export function StackedBars({ rows, title, labels, testId = 'stacked-bars' }: { rows: StackRow[]; title: string; labels: { automated: string; handedOff: string }; testId?: string }) {
  const { t } = useI18n();
  const hue = useHues();
  const max = Math.max(1, ...rows.map((r) => r.automated + r.handedOff));
  const ticks = ticksFor(max);
  const top = ticks.at(-1)!;
  return (
    <figure role="group" aria-label={title} style={{ margin: 0 }} data-testid={testId}>
      <Rows>
        {rows.map((r) => {
          const total = r.automated + r.handedOff;
          const few = !enough('tickets', total);
          const detail = `${labels.automated} ${r.automated}, ${labels.handedOff} ${r.handedOff}`;
          return (
            <div key={r.key} style={{ display: 'contents' }} data-testid="bar-row" data-few={few}>
              <span className={few ? 'label few' : 'label'}>{r.label}</span>
              <Track $few={few} role="img" aria-label={`${r.label}: ${detail}`}>
                <span style={{ width: `${(r.automated / top) * 100}%`, background: hue.automated }} />
                <span style={{ width: `${(r.handedOff / top) * 100}%`, background: hue.handedOff }} />
              </Track>
              <span className={few ? 'few' : undefined}>
                {total}
                {few ? ` · ${t('analytics.too_few_short')}` : ''}
              </span>
            </div>
          );
        })}
        <span />
        <div className="axis" aria-hidden data-testid="bar-axis">
          {ticks.map((v) => (
            <span key={v}>{v}</span>
          ))}
        </div>
        <span className="few">{t('analytics.unit_tickets')}</span>
      </Rows>
    </figure>
  );
}

export interface WeekColumn {
  weekStart: string;
  label: string;
  automated: number;
  handedOff: number;
  partial: boolean;
}

export function WeeklyColumns({ rows, title, labels }: { rows: WeekColumn[]; title: string; labels: { automated: string; handedOff: string } }) {
  const { t } = useI18n();
  const hue = useHues();
  const ticks = ticksFor(Math.max(1, ...rows.map((r) => r.automated + r.handedOff)));
  const top = ticks.at(-1)!;
  const axisW = 34;
  const colW = 52;
  const chartH = 140;
  const padTop = 16;
  const width = axisW + Math.max(rows.length, 3) * colW + 8;
  const y = (v: number) => padTop + chartH - (v / top) * chartH;
  return (
    <>
      <svg role="img" aria-label={title} viewBox={`0 0 ${width} ${padTop + chartH + 34}`} width={width} height={padTop + chartH + 34} style={{ maxWidth: '100%', height: 'auto' }} data-testid="weekly-columns">
        <title>{title}</title>
        <defs>
          <pattern id="baton-partial" width="6" height="6" patternUnits="userSpaceOnUse" patternTransform="rotate(45)">
            <rect width="3" height="6" fill={hue.grid} />
          </pattern>
        </defs>
        <text x={0} y={10} fontSize="10" fill={hue.subtle}>
          {t('analytics.unit_tickets')}
        </text>
        {ticks.map((v) => (
          <g key={v}>
            <line x1={axisW} x2={width} y1={y(v)} y2={y(v)} stroke={hue.grid} strokeDasharray={v === 0 ? undefined : '2 3'} />
            <text x={axisW - 4} y={y(v) + 3} fontSize="10" textAnchor="end" fill={hue.subtle} data-testid="y-tick">
              {v}
            </text>
          </g>
        ))}
        {rows.map((r, i) => {
          const x = axisW + 8 + i * colW;
          const w = colW - 16;
          const total = r.automated + r.handedOff;
          return (
            <g key={r.weekStart} opacity={r.partial ? 0.55 : 1} data-testid="week-column" data-partial={r.partial}>
              <rect x={x} y={y(r.automated)} width={w} height={chartH + padTop - y(r.automated)} fill={hue.automated}>
                <title>{`${r.label}: ${labels.automated} ${r.automated}`}</title>
              </rect>
              <rect x={x} y={y(total)} width={w} height={y(r.automated) - y(total)} fill={hue.handedOff}>
                <title>{`${r.label}: ${labels.handedOff} ${r.handedOff}`}</title>
              </rect>
              {r.partial && <rect x={x} y={y(total)} width={w} height={chartH + padTop - y(total)} fill="url(#baton-partial)" opacity={0.6} />}
              <text x={x + w / 2} y={y(total) - 3} fontSize="10" textAnchor="middle" fill={hue.text}>
                {total}
              </text>
              <text x={x + w / 2} y={padTop + chartH + 13} fontSize="10" textAnchor="middle" fill={hue.text}>
                {r.label}
              </text>
              {r.partial && (
                <text x={x + w / 2} y={padTop + chartH + 26} fontSize="12" textAnchor="middle" fill={hue.subtle} data-testid="partial-mark">
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

/** The key of the "*" under a partial week: in HTML, where a long translation can wrap. */
export function PartialNote({ show }: { show: boolean }) {
  const { t } = useI18n();
  if (!show) return null;
  return (
    <p style={{ margin: 0, fontSize: 12 }} data-testid="partial-note">
      * {t('analytics.partial_week')}
    </p>
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
 * a marker at the rate (grey when too few tickets to judge). The text beside it says the same.
 */
export function RangeGauge({ rate, min, max, label, few }: { rate: number | null; min: number; max: number; label: string; few: boolean }) {
  const hue = useHues();
  const w = 220;
  return (
    <svg role="img" aria-label={label} viewBox={`0 0 ${w} 24`} width={w} height={24} style={{ display: 'block', margin: '4px 0', maxWidth: '100%' }} data-testid="range-gauge">
      <rect x={0} y={9} width={w} height={6} rx={3} fill={hue.grid} />
      <rect x={min * w} y={9} width={(max - min) * w} height={6} fill={few ? hue.few : hue.automated} />
      {rate !== null && <rect x={Math.min(Math.max(rate * w - 2, 0), w - 4)} y={2} width={4} height={20} rx={1} fill={few ? hue.subtle : hue.text} />}
    </svg>
  );
}

