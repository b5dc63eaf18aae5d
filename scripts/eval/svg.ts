/**
 * Charts for the evaluation report, written as SVG strings by hand: no plotting library,
 * no browser, the same bytes for the same numbers.
 */
import type { ReliabilityBin } from '../../connector/src/triage/model/calibration.js';
import type { TradeoffPoint } from './metrics.js';

const W = 520;
const H = 360;
const M = { left: 56, right: 20, top: 36, bottom: 48 };
const PW = W - M.left - M.right;
const PH = H - M.top - M.bottom;

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const f = (x: number) => x.toFixed(1);

function frame(title: string, xLabel: string, yLabel: string, xTicks: { v: number; label: string }[], x: (v: number) => number): string[] {
  const y = (v: number) => M.top + PH - v * PH;
  const parts = [
    `<rect x="0" y="0" width="${W}" height="${H}" fill="white"/>`,
    `<text x="${W / 2}" y="22" text-anchor="middle" font-size="15" font-weight="bold">${esc(title)}</text>`,
    `<line x1="${M.left}" y1="${M.top + PH}" x2="${M.left + PW}" y2="${M.top + PH}" stroke="#333"/>`,
    `<line x1="${M.left}" y1="${M.top}" x2="${M.left}" y2="${M.top + PH}" stroke="#333"/>`,
    `<text x="${M.left + PW / 2}" y="${H - 10}" text-anchor="middle" font-size="12">${esc(xLabel)}</text>`,
    `<text x="16" y="${M.top + PH / 2}" text-anchor="middle" font-size="12" transform="rotate(-90 16 ${M.top + PH / 2})">${esc(yLabel)}</text>`,
  ];
  for (let i = 0; i <= 5; i++) {
    const v = i / 5;
    parts.push(`<line x1="${M.left - 4}" y1="${f(y(v))}" x2="${M.left + PW}" y2="${f(y(v))}" stroke="#eee"/>`);
    parts.push(`<text x="${M.left - 8}" y="${f(y(v) + 4)}" text-anchor="end" font-size="11">${v.toFixed(1)}</text>`);
  }
  for (const t of xTicks) {
    parts.push(`<text x="${f(x(t.v))}" y="${M.top + PH + 16}" text-anchor="middle" font-size="11">${t.label}</text>`);
  }
  return parts;
}

const svg = (parts: string[]) =>
  `<svg xmlns="http://www.w3.org/2000/svg" width="${W}" height="${H}" viewBox="0 0 ${W} ${H}" font-family="sans-serif">\n${parts.join('\n')}\n</svg>\n`;

/** Bars: accuracy per confidence bin; diagonal: perfect calibration; numbers: examples per bin. */
export function reliabilitySvg(title: string, bins: ReliabilityBin[], ece: number): string {
  const x = (v: number) => M.left + v * PW;
  const y = (v: number) => M.top + PH - v * PH;
  const parts = frame(title, 'confidence', 'share correct', [0, 0.2, 0.4, 0.6, 0.8, 1].map((v) => ({ v, label: v.toFixed(1) })), x);
  parts.push(`<line x1="${x(0)}" y1="${y(0)}" x2="${x(1)}" y2="${y(1)}" stroke="#999" stroke-dasharray="4 4"/>`);
  for (const b of bins) {
    if (b.accuracy === null || b.count === 0) continue;
    const bx = x(b.lo) + 2;
    const bw = x(b.hi) - x(b.lo) - 4;
    parts.push(`<rect x="${f(bx)}" y="${f(y(b.accuracy))}" width="${f(bw)}" height="${f(y(0) - y(b.accuracy))}" fill="#4a7fc1" opacity="0.85"/>`);
    if (b.confidence !== null) parts.push(`<circle cx="${f(x(b.confidence))}" cy="${f(y(b.confidence))}" r="3" fill="#d9534f"/>`);
    parts.push(`<text x="${f(bx + bw / 2)}" y="${f(y(b.accuracy) - 4)}" text-anchor="middle" font-size="9" fill="#333">${b.count}</text>`);
  }
  parts.push(`<text x="${M.left + 8}" y="${M.top + 14}" font-size="12">ECE ${ece.toFixed(3)} · bars: share correct · dots: mean confidence · numbers: examples</text>`);
  return svg(parts);
}

/** Coverage (automatable messages automated) and precision of automated decisions vs threshold. */
export function tradeoffSvg(title: string, points: TradeoffPoint[], policyThreshold: number, targets: { coverage: number; precision: number }): string {
  const lo = points[0]?.threshold ?? 0.5;
  const hi = points[points.length - 1]?.threshold ?? 1;
  const x = (v: number) => M.left + ((v - lo) / (hi - lo)) * PW;
  const y = (v: number) => M.top + PH - v * PH;
  const ticks = [0.5, 0.6, 0.7, 0.8, 0.9].filter((v) => v >= lo && v <= hi).map((v) => ({ v, label: v.toFixed(1) }));
  const parts = frame(title, 'confidence threshold', 'share', ticks, x);
  const line = (sel: (p: TradeoffPoint) => number | null, color: string) => {
    const pts = points.filter((p) => sel(p) !== null).map((p) => `${f(x(p.threshold))},${f(y(sel(p)!))}`);
    return `<polyline points="${pts.join(' ')}" fill="none" stroke="${color}" stroke-width="2"/>`;
  };
  parts.push(`<line x1="${x(lo)}" y1="${f(y(targets.precision))}" x2="${x(hi)}" y2="${f(y(targets.precision))}" stroke="#2e7d32" stroke-dasharray="3 3"/>`);
  parts.push(`<line x1="${x(lo)}" y1="${f(y(targets.coverage))}" x2="${x(hi)}" y2="${f(y(targets.coverage))}" stroke="#1565c0" stroke-dasharray="3 3"/>`);
  parts.push(`<line x1="${f(x(policyThreshold))}" y1="${M.top}" x2="${f(x(policyThreshold))}" y2="${M.top + PH}" stroke="#999" stroke-dasharray="2 4"/>`);
  parts.push(line((p) => p.precision, '#2e7d32'));
  parts.push(line((p) => p.coverage, '#1565c0'));
  parts.push(`<text x="${M.left + 8}" y="${M.top + PH - 24}" font-size="12" fill="#2e7d32">precision of automated decisions (target ${targets.precision})</text>`);
  parts.push(`<text x="${M.left + 8}" y="${M.top + PH - 8}" font-size="12" fill="#1565c0">automatable messages automated (target ${targets.coverage})</text>`);
  parts.push(`<text x="${f(x(policyThreshold) + 4)}" y="${f(M.top + PH * 0.45)}" font-size="11" fill="#666">policy ${policyThreshold}</text>`);
  return svg(parts);
}
