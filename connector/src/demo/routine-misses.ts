/**
 * The routine tickets Baton did not answer, and why: the list to read when the coverage
 * figure is lower than it should be (`baton demo --misses`). Counted by reason code, then
 * one line per ticket with the message the deciding attempt read.
 */
import { isRoutine } from './inbox/index.js';
import type { TicketOutcome } from './outcomes.js';
import { renderTable } from './table.js';

/** Enough of a message to recognise it on one line. */
const MESSAGE_CHARS = 110;

export function renderRoutineMisses(outcomes: TicketOutcome[]): string {
  const missed = outcomes.filter((o) => isRoutine(o.expected) && o.action !== 'automate');
  if (missed.length === 0) return 'Every routine ticket was automated.';
  const byCode = new Map<string, number>();
  for (const o of missed) for (const code of new Set(o.reason_codes)) byCode.set(code, (byCode.get(code) ?? 0) + 1);
  const codes = renderTable(
    ['why routine tickets were handed off (a ticket may have several)', 'tickets'],
    [...byCode].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).map(([code, n]) => [code, n]),
  );
  const lines = missed.map((o) => {
    const read = `${o.intent ?? '-'}@${o.confidence ?? '-'}`;
    const message = o.decided_on.replace(/\s+/g, ' ').trim().slice(0, MESSAGE_CHARS);
    return `${o.key}  label ${o.expected.intent}, read ${read}  [${o.reason_codes.join(', ')}]\n    "${message}"`;
  });
  return [codes, `Routine tickets handed off (${missed.length}):`, ...lines].join('\n');
}
