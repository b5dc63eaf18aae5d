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
  locale?: string;
  email?: string;
  /** Help Center search (how-to answers). */
  helpdesk: Pick<HelpdeskPort, 'searchArticles'>;
  /** Account and order lookups, when configured: answers with the customer's own data. */
  lookups?: Lookups;
  replies: Replies;
  /** Language the message was written in (from triage). */
  language?: string;
  /** Intents Baton already answered automatically on this ticket. */
  answeredBefore: string[];
}

export type PlaybookResult = { reply: string } | { handoff: Reason };
