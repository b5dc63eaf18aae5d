/**
 * Erasure of one customer's data on request (`baton erase --requester EMAIL`), in one
 * transaction on either backend.
 *
 * Rows are anonymised rather than deleted where their existence still matters:
 *  - a webhook event's id is what makes a late redelivery a duplicate; deleting the row
 *    would let a re-sent webhook be triaged and answered a second time. Its payload keeps
 *    its shape (triage reads earlier events as conversation history) with every personal
 *    field blanked;
 *  - an attempt's decision (intent, action, team, confidence) feeds metrics and calibration
 *    and says nothing about the person; its texts (message, reply, summary) go;
 *  - a ticket's automation state stays so the AI keeps its hands off a handed-off ticket;
 *    its subject and requester id go.
 * Agents' flag comments and CSAT comments on those tickets are cleared. Queued jobs of those
 * tickets are cancelled; jobs running right now are left alone and reported.
 * Kept raw webhook bodies are emptied on those tickets, and wherever else they hold the e-mail:
 * a body kept because it could not be read may never have become an event (no ticket in it, or
 * its comment not read yet), so the events alone do not find it.
 * The helpdesk's own copy (Zendesk's user and tickets) is erased in Zendesk, not here.
 */
import { sql, type Kysely, type Transaction } from 'kysely';
import type { Store } from '../store/db.js';
import type { Database } from '../store/schema.js';
import { findRequesterData, likeLiteral, type TicketRef } from './find-requester.js';

export interface ErasureReport {
  email: string;
  dryRun: boolean;
  tickets: TicketRef[];
  webhookEvents: number;
  attempts: number;
  feedbackComments: number;
  ticketRows: number;
  satisfactionComments: number;
  /** Kept raw webhook bodies of these tickets, emptied. */
  rawDeliveries: number;
  jobsCancelled: number;
  jobsScrubbed: number;
  /** Jobs of these tickets running at this moment: not touched; run the erasure again after. */
  jobsRunning: number;
}

export interface EraseOptions {
  email: string;
  /** Only this tenant (e.g. 'zendesk:acme'); default every tenant. */
  tenantId?: string;
  /** Count what would be erased, change nothing. */
  dryRun?: boolean;
  now?: number;
}

class DryRun extends Error {
  constructor(readonly report: ErasureReport) {
    super('dry run');
  }
}

export async function eraseRequester(store: Store, opts: EraseOptions): Promise<ErasureReport> {
  const email = opts.email.trim();
  if (!/^[^\s@]+@[^\s@]+$/.test(email)) throw new Error(`"${opts.email}" is not an e-mail address.`);
  try {
    return await store.db.transaction().execute(async (trx) => {
      const report = await eraseIn(trx, store.dialect, { ...opts, email });
      if (opts.dryRun) throw new DryRun(report); // roll back: the counts are real, the changes are not
      return report;
    });
  } catch (err) {
    if (err instanceof DryRun) return err.report;
    throw err;
  }
}

async function eraseIn(trx: Transaction<Database>, dialect: Store['dialect'], opts: EraseOptions): Promise<ErasureReport> {
  const found = await findRequesterData(trx, opts.email, opts.tenantId);
  const stamp = new Date(opts.now ?? Date.now()).toISOString();
  const report: ErasureReport = {
    email: opts.email,
    dryRun: opts.dryRun === true,
    tickets: found.tickets,
    webhookEvents: 0,
    attempts: 0,
    feedbackComments: 0,
    ticketRows: 0,
    satisfactionComments: 0,
    rawDeliveries: 0,
    jobsCancelled: 0,
    jobsScrubbed: 0,
    jobsRunning: 0,
  };

  for (const id of found.eventIds) {
    const row = await trx.selectFrom('webhook_events').select('payload').where('id', '=', id).executeTakeFirst();
    if (!row) continue;
    await trx.updateTable('webhook_events').set({ payload: anonymisedPayload(row.payload), note: `personal data erased ${stamp}` }).where('id', '=', id).execute();
    report.webhookEvents++;
  }

  const hasRatings = await tableExists(trx, dialect, 'satisfaction_ratings');
  for (const t of found.tickets) {
    report.attempts += n(
      await trx.updateTable('attempts').set({ customer_message: '', reply: null, summary: null }).where('tenant_id', '=', t.tenantId).where('ticket_id', '=', t.ticketId).executeTakeFirst(),
    );
    report.feedbackComments += n(
      await trx.updateTable('feedback').set({ comment: null }).where('tenant_id', '=', t.tenantId).where('ticket_id', '=', t.ticketId).where('comment', 'is not', null).executeTakeFirst(),
    );
    report.ticketRows += n(
      await trx.updateTable('tickets').set({ subject: null, requester_id: null }).where('tenant_id', '=', t.tenantId).where('ticket_id', '=', t.ticketId).executeTakeFirst(),
    );
    report.rawDeliveries += n(
      await trx.updateTable('raw_deliveries').set({ body: '', partial: null }).where('tenant_id', '=', t.tenantId).where('ticket_id', '=', t.ticketId).where('body', '!=', '').executeTakeFirst(),
    );
    if (hasRatings) {
      const res = await sql`update satisfaction_ratings set comment = null where tenant_id = ${t.tenantId} and ticket_id = ${t.ticketId} and comment is not null`.execute(trx);
      report.satisfactionComments += Number(res.numAffectedRows ?? 0);
    }
    await eraseJobs(trx, t, report);
  }
  report.rawDeliveries += await eraseRawBodiesNaming(trx, opts.email, opts.tenantId);
  return report;
}

/**
 * A ticket's jobs: its queue group (`t:<tenant>:<ticket>`), and notification jobs, whose
 * payload carries the customer's name, the subject and the summary.
 */
async function eraseJobs(trx: Transaction<Database>, t: TicketRef, report: ErasureReport): Promise<void> {
  const rows = await trx
    .selectFrom('jobs')
    .select(['id', 'kind', 'status', 'payload'])
    .where('tenant_id', '=', t.tenantId)
    .where((eb) =>
      eb.or([
        eb('group_key', '=', `t:${t.tenantId}:${t.ticketId}`),
        eb(sql`payload`, 'like', sql`${likeLiteral(`"ticketId":${JSON.stringify(t.ticketId)}`)} escape '\\'`),
      ]),
    )
    .execute();
  for (const job of rows) {
    if (job.status === 'running') {
      report.jobsRunning++;
      continue;
    }
    const carriesPersonalData = job.payload.includes('"customer"') || job.payload.includes('"subject"') || job.payload.includes('"summary"');
    await trx
      .updateTable('jobs')
      .set({
        status: job.status === 'queued' ? 'cancelled' : job.status,
        last_error: null,
        ...(carriesPersonalData ? { payload: JSON.stringify({ erased: true }) } : {}),
      })
      .where('id', '=', job.id)
      .execute();
    if (job.status === 'queued') report.jobsCancelled++;
    report.jobsScrubbed++;
  }
}

/**
 * Raw bodies that hold the e-mail anywhere, whoever's ticket they were about: the body is
 * emptied, not the ticket erased (a body that quotes someone's address is still that person's
 * data; the ticket may be another customer's). Only the text goes: the row stays for its job.
 */
async function eraseRawBodiesNaming(trx: Transaction<Database>, email: string, tenantId: string | undefined): Promise<number> {
  const wanted = email.toLowerCase();
  let q = trx.selectFrom('raw_deliveries').select(['id', 'body', 'partial']).where('body', '!=', '');
  if (tenantId) q = q.where('tenant_id', '=', tenantId);
  // SQLite's lower() folds ASCII only: a non-ASCII address is compared here, on every kept body (few).
  if (/^[\x20-\x7e]*$/.test(wanted)) q = q.where(sql<boolean>`(lower(body) like ${likeLiteral(wanted)} escape '\\' or lower(coalesce(partial, '')) like ${likeLiteral(wanted)} escape '\\')`);
  let erased = 0;
  for (const row of await q.execute()) {
    if (!`${row.body}\u0000${row.partial ?? ''}`.toLowerCase().includes(wanted)) continue;
    await trx.updateTable('raw_deliveries').set({ body: '', partial: null }).where('id', '=', row.id).execute();
    erased++;
  }
  return erased;
}

/** The event keeps its shape and ids; every text that could name or describe the person goes. */
export function anonymisedPayload(payload: string): string {
  let e: Record<string, any>;
  try {
    e = JSON.parse(payload) as Record<string, any>;
  } catch {
    return JSON.stringify({ erased: true });
  }
  if (typeof e !== 'object' || e === null) return JSON.stringify({ erased: true });
  if (e.ticket && typeof e.ticket === 'object') e.ticket = { ...e.ticket, subject: '', tags: [], requesterId: '' };
  if (e.requester && typeof e.requester === 'object') e.requester = { id: '', name: '', tags: [] };
  if (e.message && typeof e.message === 'object') e.message = { ...e.message, body: '' };
  if (e.organization && typeof e.organization === 'object') e.organization = { ...e.organization, name: '', fields: {} };
  e.erased = true;
  return JSON.stringify(e);
}

async function tableExists(db: Kysely<Database> | Transaction<Database>, dialect: Store['dialect'], name: string): Promise<boolean> {
  const res =
    dialect === 'postgres'
      ? await sql<{ t: string | null }>`select to_regclass(${name})::text as t`.execute(db)
      : await sql<{ t: string | null }>`select name as t from sqlite_master where type = 'table' and name = ${name}`.execute(db);
  return res.rows.length > 0 && res.rows[0]!.t !== null;
}

const n = (r: { numUpdatedRows: bigint } | undefined) => Number(r?.numUpdatedRows ?? 0);
