/**
 * Two hand-written SVG charts for the admin reports: one stacked bar of shares, and
 * horizontal bars (optionally stacked) with a label per row. Inline SVG keeps a report one
 * self-contained file that opens anywhere, with no chart library or script.
 */

export const escapeXml = (s: string): string =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');

export interface Segment {
  label: string;
  value: number;
  color: string;
}

const FONT = 'font-family="system-ui, sans-serif" font-size="12"';

/** One bar split into shares, with a legend underneath: "Fully automatable 52% (260)". */
export function shareBar(segments: Segment[], opts: { width?: number; title: string }): string {
  const width = opts.width ?? 640;
  const total = segments.reduce((s, x) => s + x.value, 0);
  let x = 0;
  const rects = segments
    .filter((s) => s.value > 0)
    .map((s) => {
      const w = total === 0 ? 0 : (s.value / total) * width;
      const rect = `<rect x="${x.toFixed(1)}" y="0" width="${w.toFixed(1)}" height="28" fill="${s.color}"><title>${escapeXml(s.label)}: ${s.value}</title></rect>`;
      x += w;
      return rect;
    });
  const legend = segments.map((s, i) => {
    const pct = total === 0 ? 0 : Math.round((s.value / total) * 100);
    const y = 48 + i * 18;
    return `<rect x="0" y="${y - 10}" width="12" height="12" fill="${s.color}"/><text x="18" y="${y}" ${FONT}>${escapeXml(s.label)} ${pct}% (${s.value})</text>`;
  });
  const height = 48 + segments.length * 18;
  return `<svg xmlns="http://www.w3.org/2000/svg" role="img" aria-label="${escapeXml(opts.title)}" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}">${rects.join('')}${legend.join('')}</svg>`;
}

export interface BarRow {
  label: string;
  segments: Segment[];
  /** Text at the end of the bar; default the total. */
  note?: string;
}

/** Horizontal bars, one per row, scaled to the largest row total. */
export function horizontalBars(rows: BarRow[], opts: { width?: number; title: string; labelWidth?: number }): string {
  const width = opts.width ?? 640;
  const labelWidth = opts.labelWidth ?? 170;
  const barSpace = width - labelWidth - 60;
  const rowHeight = 20;
  const max = Math.max(1, ...rows.map((r) => r.segments.reduce((s, x) => s + x.value, 0)));
  const body = rows.map((r, i) => {
    const y = i * rowHeight;
    let x = labelWidth;
    const total = r.segments.reduce((s, seg) => s + seg.value, 0);
    const rects = r.segments
      .filter((s) => s.value > 0)
      .map((s) => {
        const w = (s.value / max) * barSpace;
        const rect = `<rect x="${x.toFixed(1)}" y="${y + 3}" width="${w.toFixed(1)}" height="${rowHeight - 6}" fill="${s.color}"><title>${escapeXml(`${r.label} · ${s.label}: ${s.value}`)}</title></rect>`;
        x += w;
        return rect;
      });
    return (
      `<text x="${labelWidth - 6}" y="${y + 14}" text-anchor="end" ${FONT}>${escapeXml(r.label)}</text>` +
      rects.join('') +
      `<text x="${(x + 4).toFixed(1)}" y="${y + 14}" ${FONT}>${escapeXml(r.note ?? String(total))}</text>`
    );
  });
  const height = Math.max(rowHeight, rows.length * rowHeight);
  return `<svg xmlns="http://www.w3.org/2000/svg" role="img" aria-label="${escapeXml(opts.title)}" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}">${body.join('')}</svg>`;
}
