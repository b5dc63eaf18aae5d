/**
 * A delivery as the rules send it reaches the connector and passes its secret check.
 * Freshdesk has no "test this webhook" API (api-endpoints.md §8 lists none), so the doctor
 * posts from this machine, to each rule's URL with each rule's own headers, a body that is no
 * signal: a connector that accepted the secret answers 400 WEBHOOK_INVALID_PAYLOAD and records
 * nothing; 401 means the secrets differ. It proves the secret, not that Freshdesk reaches
 * the URL from the internet.
 */
import type { RuleAccountSetup } from '../../helpdesk/account-setup.js';
import { DOCTOR_PING } from '../checks/test-delivery.js';
import type { Check } from '../types.js';

export const ruleTestDeliveryCheck: Check<RuleAccountSetup> = {
  id: 'test_delivery',
  title: "A delivery with the rules' secret header is accepted",
  async run(ctx) {
    const targets = new Map<string, Record<string, string>>();
    for (const rule of ctx.found.rules ?? []) for (const w of rule.webhooks) if (!targets.has(w.url)) targets.set(w.url, w.headers);
    if (targets.size === 0) return { status: 'skip', details: ['No rule calls Baton (see above).'] };
    const details: string[] = [];
    const problems: string[] = [];
    for (const [url, headers] of targets) {
      const { status, body } = await ctx.account.deliver(url, headers, DOCTOR_PING);
      const code = /"code"\s*:\s*"([A-Z_]+)"/.exec(body)?.[1];
      if (status === 400 && code === 'WEBHOOK_INVALID_PAYLOAD') details.push(`${url} accepted the rules' secret header (answered the test body with 400 ${code}, as expected).`);
      else if (status === 401) problems.push(`${url} refused the rules' secret header (401 ${code ?? ''}).`);
      else if (status === 0) problems.push(`${url} could not be reached from here: ${body}`);
      else problems.push(`${url} answered ${status}${code ? ` ${code}` : ''}: that is not Baton's Freshdesk intake.`);
    }
    if (problems.length === 0) return { status: 'ok', details };
    return { status: 'fail', details: [...problems, ...details], fix: 'Point the rules at https://<your-connector>/webhooks/freshdesk, and make their X-Baton-Webhook-Secret header equal BATON_WEBHOOK_SECRET on a connector with BATON_HELPDESK=freshdesk.' };
  },
};
