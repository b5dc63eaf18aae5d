/** Plain-text tables for the terminal (demo summary, benchmarks). */
export function renderTable(headers: string[], rows: (string | number)[][], opts: { alignRight?: boolean[] } = {}): string {
  const cells = [headers, ...rows.map((r) => r.map(String))];
  const widths = headers.map((_, i) => Math.max(...cells.map((r) => (r[i] ?? '').length)));
  const line = (r: string[]) =>
    r.map((c, i) => (opts.alignRight?.[i] ?? (i > 0 && /^[\d.,%×x\- ]+$/.test(c)) ? c.padStart(widths[i]!) : c.padEnd(widths[i]!))).join('  ');
  return [line(cells[0]!), widths.map((w) => '─'.repeat(w)).join('  '), ...cells.slice(1).map(line)].join('\n');
}
