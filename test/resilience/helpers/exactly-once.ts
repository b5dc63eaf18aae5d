/**
 * The outcome every resilience test checks, whatever it broke on the way: each customer
 * message was triaged once and written back once. Returned as a list of problems (empty
 * when all is well) so a failure names the ticket and what is wrong with it.
 */
import type { Sandbox } from '../../../connector/src/sandbox/index.js';
import type { Store } from '../../../connector/src/store/db.js';
import { INTAKE_JOB_KINDS } from '../../../connector/src/intake/raw-deliveries.js';

const SIGNAL_EVENT = 'ticket.signal';

export interface WriteBackCheck {
  /** Automated tickets whose silence timer must have fired (one extra internal note). */
  silenceFired?: boolean;
}

export async function writeBackProblems(sandbox: Sandbox, store: Store, ticketIds: number[], opts: WriteBackCheck = {}): Promise<string[]> {
  const problems: string[] = [];
  const bot = sandbox.apiUser.id;
  for (const id of ticketIds) {
    const t = `ticket ${id}`;
    const events = await store.db.selectFrom('webhook_events').select(['id', 'status', 'type']).where('ticket_id', '=', String(id)).execute();
    // A Freshdesk signal ("ticket N changed") is only the notice; the message it is read into is the event.
    const messages = events.filter((e) => e.type !== SIGNAL_EVENT);
    if (messages.length !== 1) problems.push(`${t}: ${messages.length} stored message events, expected 1`);
    for (const e of events) if (e.status !== 'processed') problems.push(`${t}: event status ${e.status}`);
    const attempts = await store.db.selectFrom('attempts').select(['event_id', 'action', 'write_status', 'mode']).where('ticket_id', '=', String(id)).execute();
    const forEvents = attempts.filter((a) => !a.event_id.startsWith('timer:'));
    const timers = attempts.filter((a) => a.event_id.startsWith('timer:silence:'));
    if (forEvents.length !== 1) {
      problems.push(`${t}: ${forEvents.length} attempts for its message, expected 1`);
      continue;
    }
    const a = forEvents[0]!;
    if (a.write_status !== 'written') problems.push(`${t}: attempt write_status ${a.write_status}`);
    const comments = sandbox.state.commentsFor(id);
    const replies = comments.filter((c) => c.public && c.authorId === bot).length;
    const notes = comments.filter((c) => !c.public).length;
    if (a.mode === 'live' && a.action === 'automate') {
      const silence = opts.silenceFired ? 1 : 0;
      if (replies !== 1) problems.push(`${t}: ${replies} automated replies, expected 1`);
      if (notes !== silence) problems.push(`${t}: ${notes} internal notes, expected ${silence}`);
      if (timers.length !== silence) problems.push(`${t}: ${timers.length} silence handoffs, expected ${silence}`);
    } else if (a.mode === 'live' && a.action === 'handoff') {
      if (notes !== 1) problems.push(`${t}: ${notes} handoff notes, expected 1`);
      if (replies !== 1) problems.push(`${t}: ${replies} customer wait messages, expected 1`);
      if (timers.length !== 0) problems.push(`${t}: silence timer fired on a handed-off ticket`);
    } else if (replies + notes > 1) {
      problems.push(`${t}: ${replies} replies and ${notes} notes for a ${a.mode} ${a.action}`);
    }
  }
  const stuck = await store.db.selectFrom('jobs').select(['id', 'kind', 'status', 'last_error']).where('kind', 'in', INTAKE_JOB_KINDS).where('status', 'not in', ['done', 'dead']).execute();
  for (const j of stuck) problems.push(`job ${j.id} (${j.kind}) left ${j.status}${j.last_error ? `: ${j.last_error}` : ''}`);
  const dead = await store.db.selectFrom('jobs').select(['id', 'kind', 'last_error']).where('status', '=', 'dead').execute();
  for (const j of dead) problems.push(`job ${j.id} (${j.kind}) is a dead letter: ${j.last_error}`);
  return problems;
}

/** Intake jobs (a delivery's comment read, then the event) not yet finished (queued or running). */
export async function unfinishedEventJobs(store: Store): Promise<number> {
  const row = await store.db
    .selectFrom('jobs')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('kind', 'in', INTAKE_JOB_KINDS)
    .where('status', 'in', ['queued', 'running'])
    .executeTakeFirst();
  return Number(row?.n ?? 0);
}

/**
 * The process-event jobs of customer messages (optionally of one ticket's job group), without
 * the jobs that read Freshdesk signals into those messages.
 */
export async function messageJobs(store: Store, groupKey?: string): Promise<{ status: string; attempts: number }[]> {
  const signals = new Set((await store.db.selectFrom('webhook_events').select('id').where('type', '=', SIGNAL_EVENT).execute()).map((e) => e.id));
  let q = store.db.selectFrom('jobs').select(['status', 'attempts', 'payload']).where('kind', '=', 'process-event');
  if (groupKey) q = q.where('group_key', '=', groupKey);
  const jobs = await q.orderBy('id').execute();
  return jobs.filter((j) => !signals.has((JSON.parse(j.payload) as { eventId: string }).eventId)).map(({ status, attempts }) => ({ status, attempts }));
}
