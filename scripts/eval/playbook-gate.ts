/**
 * After triage, the playbook. In production an automated decision reaches the customer only
 * when the playbook for its intent writes a reply: the how-to playbook searches the Help
 * Center and hands off (`no_article`) unless an article scores well enough to be the answer;
 * the template playbooks hand off when no template exists. Triage alone cannot see that gate,
 * so a triage-level figure counts how-to answers production would never send.
 *
 * This runs the real playbooks (connector/src/playbooks) for every automated decision, against
 * a real Help Center: the sandbox's seeded articles (a SaaS + e-commerce business's), searched
 * over HTTP through the Zendesk adapter, as the connector does. The eval reports both figures:
 * triage-level, and after the playbook (what customers would receive).
 */
import { ZendeskHelpdesk } from '../../connector/src/helpdesk/zendesk/helpdesk.js';
import { runPlaybook } from '../../connector/src/playbooks/index.js';
import { loadReplies } from '../../connector/src/playbooks/replies.js';
import { startSandbox } from '../../connector/src/sandbox/index.js';
import type { Action } from '../../connector/src/triage/types.js';

export interface PlaybookGate {
  /** Where the articles come from, for the report. */
  helpCenter: string;
  /** null: the playbook answered; otherwise the reason code it handed off with. */
  handoffCode(decision: { intent: string; text: string; language?: string }): Promise<string | null>;
  close(): Promise<void>;
}

/** Far above what the eval sends: the gate measures answers, not rate limits. */
const UNLIMITED_PER_MINUTE = 1_000_000;

export async function openPlaybookGate(): Promise<PlaybookGate> {
  const sandbox = await startSandbox({ seed: false, rateLimitPerMinute: UNLIMITED_PER_MINUTE });
  const helpdesk = ZendeskHelpdesk.connect({ baseUrl: sandbox.url, email: sandbox.apiEmail, apiToken: sandbox.apiToken, ratePerMinute: UNLIMITED_PER_MINUTE });
  const replies = loadReplies();
  return {
    helpCenter: `the sandbox's Help Center (${sandbox.state.articles.length} articles of a SaaS + e-commerce business)`,
    async handoffCode({ intent, text, language }) {
      const result = await runPlaybook({ intent, customerName: 'Eval Customer', subject: '', message: text, language, helpdesk, replies, answeredBefore: [] });
      return 'handoff' in result ? result.handoff.code : null;
    },
    close: () => sandbox.close(),
  };
}

/** A scored decision after its playbook ran: automated ones the playbook could not answer become handoffs. */
export async function afterPlaybooks<T extends { text: string; action: Action; predicted: string; reasons: string[]; language?: string }>(scored: T[], gate: PlaybookGate): Promise<T[]> {
  const out: T[] = [];
  for (const s of scored) {
    const code = s.action === 'automate' ? await gate.handoffCode({ intent: s.predicted, text: s.text, language: s.language }) : null;
    out.push(code ? { ...s, action: 'handoff', reasons: [...s.reasons, code] } : s);
  }
  return out;
}
