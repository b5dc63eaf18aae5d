/** The demo's closing summary: what the night did, what it cost, and how it compares with the author's labels. */
import { renderTable } from './table.js';
import { isRoutine } from './inbox/index.js';
import type { TicketOutcome } from './outcomes.js';

export interface DemoTotals {
  tickets: number;
  followUps: number;
  wallSeconds: number;
  apiCalls: number;
  /** API calls by `METHOD /route/{id}`: where the calls per ticket go. */
  apiCallsByRoute?: Record<string, number>;
  /** Whose API the calls went to (default Zendesk). */
  helpdesk?: 'zendesk' | 'freshdesk';
  deadLetters: number;
}

const PRIORITIES = ['urgent', 'high', 'normal', 'low'] as const;

export function renderSummary(outcomes: TicketOutcome[], totals: DemoTotals): string {
  const n = outcomes.length || 1;
  const count = (f: (o: TicketOutcome) => boolean) => outcomes.filter(f).length;
  const pct = (x: number) => `${((100 * x) / n).toFixed(1)}%`;
  const helpdesk = totals.helpdesk === 'freshdesk' ? 'Freshdesk' : 'Zendesk';
  const automated = count((o) => o.action === 'automate');
  const handed = count((o) => o.action === 'handoff');
  const ignored = count((o) => o.action === 'ignore');
  const shadow = count((o) => o.action === 'shadow');

  const overview = renderTable(
    ['outcome', 'tickets', 'share'],
    [
      ['automated (answered by Baton)', automated, pct(automated)],
      ['handed off to a team', handed, pct(handed)],
      ['shadow (internal note only)', shadow, pct(shadow)],
      ['ignored (auto-replies, spam)', ignored, pct(ignored)],
      ['not processed', n - automated - handed - ignored - shadow, pct(n - automated - handed - ignored - shadow)],
    ],
  );

  const teams = [...new Set(outcomes.filter((o) => o.action === 'handoff').map((o) => o.team ?? 'none'))].sort();
  const byTeam = renderTable(
    ['handed off to', `group in ${helpdesk}`, ...PRIORITIES, 'total'],
    teams.map((team) => {
      const mine = outcomes.filter((o) => o.action === 'handoff' && (o.team ?? 'none') === team);
      return [team, mine[0]?.group ?? '-', ...PRIORITIES.map((p) => mine.filter((o) => o.priority === p).length), mine.length];
    }),
  );

  const intents = [...new Set(outcomes.filter((o) => o.action === 'automate').map((o) => o.intent ?? '?'))].sort();
  const byIntent = renderTable(
    ['automated intent', 'tickets'],
    intents.map((i) => [i, outcomes.filter((o) => o.action === 'automate' && o.intent === i).length]),
  );

  // Against the inbox author's labels (written with the inbox, never seen by the model).
  const must = outcomes.filter((o) => o.expected.mustEscalate);
  const caught = must.filter((o) => o.action === 'handoff').length;
  const auto = outcomes.filter((o) => o.action === 'automate');
  const autoRight = auto.filter((o) => o.expected.team === null && !o.expected.mustEscalate).length;
  const routine = outcomes.filter((o) => isRoutine(o.expected));
  const routineAutomated = routine.filter((o) => o.action === 'automate').length;
  const english = outcomes.filter((o) => o.language === 'en');
  const unsupported = english.filter((o) => o.reason_codes.includes('language_unsupported')).length;
  const labelled = outcomes.filter((o) => o.intent !== null);
  const intentRight = labelled.filter((o) => o.intent === o.expected.intent).length;
  const checks = renderTable(
    ['against the inbox labels', 'value'],
    [
      ['must-escalate tickets handed off (recall)', `${caught}/${must.length} (${((100 * caught) / (must.length || 1)).toFixed(1)}%)`],
      ['automated tickets that were routine (precision)', `${autoRight}/${auto.length} (${((100 * autoRight) / (auto.length || 1)).toFixed(1)}%)`],
      ['routine tickets automated (coverage)', `${routineAutomated}/${routine.length} (${((100 * routineAutomated) / (routine.length || 1)).toFixed(1)}%)`],
      ['English tickets handed off as unsupported language', `${unsupported}/${english.length}`],
      ['intent matches the label', `${intentRight}/${labelled.length} (${((100 * intentRight) / (labelled.length || 1)).toFixed(1)}%)`],
    ],
  );

  const cost = renderTable(
    ['cost', 'value'],
    [
      ['tickets (+ customer follow-ups)', `${totals.tickets} (+${totals.followUps})`],
      [`${helpdesk} API calls`, totals.apiCalls],
      ['API calls per ticket', (totals.apiCalls / n).toFixed(2)],
      ['wall time', `${totals.wallSeconds.toFixed(1)} s`],
      ['tickets per second', (totals.tickets / totals.wallSeconds).toFixed(1)],
      ['dead letters', totals.deadLetters],
    ],
  );
  const routes = Object.entries(totals.apiCallsByRoute ?? {}).sort((a, b) => b[1] - a[1]);
  const byRoute = routes.length
    ? renderTable(
        [`${helpdesk} API calls by route`, 'calls', 'per ticket'],
        routes.map(([route, calls]) => [route, calls, (calls / n).toFixed(2)]),
      )
    : '';
  return [overview, byTeam, byIntent, checks, cost, byRoute].filter(Boolean).join('\n\n');
}
