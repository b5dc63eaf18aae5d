/**
 * Writing a ticket on Freshdesk, where there is no optimistic lock: no If-Match, no
 * updated_stamp, no safe_update; the last write wins (FACTS.md §3), and tags are replaced by
 * the list sent, so adding one tag is read, merge, write. Properties go through
 * PUT /tickets/[id]; text needs its own POST (/reply or /notes): two calls, two credits.
 *
 * How a concurrent change is detected and resolved:
 * 1. The write is built from a base ticket. If the base is older than `maxBaseAgeMs`, it is
 *    read again right before the write, and its `updated_at` compared with the base's.
 * 2. Changed: someone (a human, an app) wrote in between. The write is rebuilt from the
 *    fresh ticket, so their tags survive the merge, and an assignment (group or agent) made
 *    by them is kept: Baton's routing never overrides a person's.
 * 3. What remains is the window of one round-trip between that read and the PUT: a tag
 *    written there is lost (last write wins). Status, priority and assignment are safe in
 *    that window only when Baton does not set them itself; they are per-field on Freshdesk.
 *
 * Text goes first and the property update (which carries Baton's marker tag) second, so a
 * retry after a crash that sees the marker knows both happened; a retry without it checks
 * the ticket's conversations for the same text before posting again. When the account refuses
 * the property update, the note posted for it is deleted again (the caller rewrites without
 * the refused part); a public reply, already sent to the customer, cannot be.
 */
import { isBatonError } from '../../errors.js';
import type { FreshdeskGateway } from './gateway.js';
import { htmlToText } from './html.js';
import type { FdConversation, FdTicket, FdTicketUpdate } from './types.js';

export interface FdWrite {
  update: FdTicketUpdate;
  /** HTML of a private note. */
  note?: string;
  /** HTML of a public reply to the requester. */
  reply?: string;
}

export interface GuardedWriteOptions {
  /** The ticket as last read and when (ms); absent: read it now. */
  known?: { ticket: FdTicket; readAt: number };
  /** Older bases are read again before writing (default 2000 ms). */
  maxBaseAgeMs?: number;
  /** True when an earlier try may have got through (checks text already posted). */
  recovering?: boolean;
  /**
   * With `recovering`: the earlier try began at `at` (ms), and Baton posts as `authorId`. A
   * note or reply of Baton's since then, with the same visibility, is this write's even when
   * its words differ (the wait it promises is computed again on the retry).
   */
  postedSince?: { at: number; authorId: number };
  /** The fresh ticket already shows this write (e.g. its marker tag): write nothing. */
  done?: (fresh: FdTicket) => boolean;
  now?: () => number;
}

export interface GuardedWriteResult {
  ticket: FdTicket;
  /** A change by someone else was found between the base and the write. */
  concurrentChange: boolean;
  /** Nothing written: the ticket already showed this write. */
  alreadyDone: boolean;
}

export async function guardedWrite(gateway: FreshdeskGateway, ticketId: string, build: (fresh: FdTicket) => FdWrite, opts: GuardedWriteOptions = {}): Promise<GuardedWriteResult> {
  const now = opts.now ?? Date.now;
  const known = opts.known;
  let base = known?.ticket;
  let concurrentChange = false;
  let humanAssigned = false;
  if (!base || now() - known!.readAt > (opts.maxBaseAgeMs ?? 2000)) {
    const fresh = await gateway.getTicket(ticketId);
    if (base && fresh.updated_at !== base.updated_at) {
      concurrentChange = true;
      humanAssigned = fresh.responder_id !== base.responder_id || fresh.group_id !== base.group_id;
    }
    base = fresh;
  }
  if (opts.done?.(base)) return { ticket: base, concurrentChange, alreadyDone: true };
  const write = build(base);
  if (humanAssigned) {
    // Someone assigned the ticket since Baton decided: their assignment stands.
    const { group_id: _g, responder_id: _r, ...rest } = write.update;
    write.update = rest;
  }
  const conversations = opts.recovering && (write.note || write.reply) ? await gateway.listConversations(ticketId) : [];
  const note = write.note && !alreadyPosted(conversations, write.note, true, opts.postedSince) ? await gateway.note(ticketId, write.note, true) : undefined;
  if (write.reply && !alreadyPosted(conversations, write.reply, false, opts.postedSince)) await gateway.reply(ticketId, write.reply);
  let ticket = base;
  try {
    if (Object.keys(write.update).length > 0) ticket = await gateway.updateTicket(ticketId, { ...write.update });
  } catch (err) {
    // The account refused the properties (an agent who cannot take the ticket): the note just
    // posted describes a write that did not happen, and the caller writes again without the
    // refused part, with its own note. Take this one back so the agent reads one true note.
    if (note && isBatonError(err, 'HELPDESK_REFUSED')) await gateway.deleteConversation(note.id);
    throw err;
  }
  return { ticket, concurrentChange, alreadyDone: false };
}

/**
 * What a lost answer to our own POST looks like: the same text and visibility, by an agent;
 * or, when the earlier try's start is known, anything of that visibility Baton posted since
 * (a ticket's jobs run one at a time, so nothing else of Baton's lands on it meanwhile). The
 * helpdesk's clock stamps `created_at` in whole seconds and the connector's stamped the
 * start: two seconds of slack, for the rounding and for clocks kept by NTP.
 */
function alreadyPosted(conversations: FdConversation[], html: string, isPrivate: boolean, since?: { at: number; authorId: number }): boolean {
  const text = plain(html);
  return conversations.some(
    (c) => !c.incoming && c.private === isPrivate && (plain(c.body) === text || (since !== undefined && c.user_id === since.authorId && Date.parse(c.created_at) >= since.at - CLOCK_SLACK_MS)),
  );
}

const CLOCK_SLACK_MS = 2000;

const plain = (html: string) => htmlToText(html).replace(/\s+/g, ' ');
