/** Runs every check in order (later ones use what earlier ones found) and collects the results. */
import { appInstallationCheck } from './checks/app-installation.js';
import { credentialsCheck } from './checks/credentials.js';
import { helpCenterCheck } from './checks/help-center.js';
import { rateLimitCheck } from './checks/rate-limit.js';
import { teamsCheck } from './checks/teams.js';
import { testDeliveryCheck } from './checks/test-delivery.js';
import { triggersCheck } from './checks/triggers.js';
import { webhookCheck } from './checks/webhook.js';
import type { Check, CheckResult, DoctorContext } from './types.js';

export const CHECKS: Check[] = [credentialsCheck, rateLimitCheck, webhookCheck, triggersCheck, teamsCheck, helpCenterCheck, appInstallationCheck, testDeliveryCheck];

export async function runDoctor<A>(ctx: DoctorContext<A>, checks: Check<A>[] = CHECKS as unknown as Check<A>[]): Promise<CheckResult[]> {
  const results: CheckResult[] = [];
  for (const check of checks) {
    // Without working credentials nothing else can be read.
    if (results[0]?.id === 'credentials' && results[0].status === 'fail') {
      results.push({ id: check.id, title: check.title, status: 'skip', details: ['Skipped: the credentials do not work.'] });
      continue;
    }
    try {
      results.push({ id: check.id, title: check.title, ...(await check.run(ctx)) });
    } catch (err) {
      results.push({ id: check.id, title: check.title, status: 'fail', details: [`The check itself failed: ${(err as Error).message}`] });
    }
  }
  return results;
}

export function renderDoctor(results: CheckResult[]): string {
  const mark = { ok: 'OK  ', warn: 'WARN', fail: 'FAIL', skip: 'SKIP' } as const;
  const lines: string[] = [];
  for (const r of results) {
    lines.push(`${mark[r.status]}  ${r.title}`);
    for (const d of r.details) lines.push(`      ${d}`);
    if (r.fix && r.status !== 'ok') lines.push(`      fix: ${r.fix}`);
  }
  const failed = results.filter((r) => r.status === 'fail').length;
  const warned = results.filter((r) => r.status === 'warn').length;
  lines.push('', failed ? `${failed} problem(s) to fix before going live${warned ? `, ${warned} warning(s)` : ''}.` : warned ? `Ready, with ${warned} warning(s).` : 'Ready to go live.');
  return lines.join('\n') + '\n';
}
