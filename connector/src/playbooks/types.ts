/** What a playbook is given and what it answers (shared by the playbooks, so none imports another's index). */
import type { HelpdeskPort } from '../helpdesk/port.js';
import type { Lookups } from '../integrations/lookups/index.js';
import type { Reason } from '../triage/types.js';
import type { Replies } from './replies.js';

export interface PlaybookContext {
  intent: string;
  customerName: string;
  subject: string;
  message: string;
  /** As the webhook gave it: a locale tag, or a language name ("German"). */
  locale?: string;
  email?: string;
  /** The requester, whose locale the helpdesk knows when the webhook only named a language. */
  requesterId?: string;
  /** Help Center search (how-to answers) and the requester's profile. */
  helpdesk: Pick<HelpdeskPort, 'searchArticles' | 'getUser'>;
  /** Account and order lookups, when configured: answers with the customer's own data. */
  lookups?: Lookups;
  replies: Replies;
  /** Language the message was written in (from triage). */
  language?: string;
  /** Intents Baton already answered automatically on this ticket. */
  answeredBefore: string[];
}

export type PlaybookResult = { reply: string } | { handoff: Reason };
