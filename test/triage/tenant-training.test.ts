import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { loadPolicy } from '../../connector/src/triage/policy/load.js';
import { createLocalTriage } from '../../connector/src/triage/engine/local.js';
import { labelFor, trainTenantModel, type SolvedTicket } from '../../connector/src/triage/model/tenant-training.js';
import { tenantModelPath } from '../../connector/src/triage/model/tenant-models.js';
import { ticketInput } from './helpers.js';

const policy = loadPolicy();
const run = promisify(execFile);

/**
 * A tenant whose product words the shipped corpus never saw ("flux capacitor", "hoverboard
 * dock"), tagged the way its agents tag solved tickets.
 */
function tenantTickets(): SolvedTicket[] {
  const parts = ['flux capacitor', 'hoverboard dock', 'chrono display', 'plutonium cell', 'time circuit'];
  const makes = [
    (p: string) => `the ${p} keeps flickering after the firmware update`,
    (p: string) => `${p} shows error 88 and shuts down`,
    (p: string) => `since yesterday my ${p} will not power on at all`,
    (p: string) => `the ${p} overheats within five minutes of use`,
  ];
  const wishes = [
    (p: string) => `would love a ${p} that works with the garage app`,
    (p: string) => `please add a night mode to the ${p}`,
    (p: string) => `could the ${p} support voice control in a future version`,
    (p: string) => `it would be great if the ${p} came in blue`,
  ];
  const out: SolvedTicket[] = [];
  for (const p of parts) {
    for (const m of makes) out.push({ text: m(p), tags: ['bug', 'tier2'] });
    for (const w of wishes) out.push({ text: w(p), tags: ['idea'], group: 'Billing & Finance' });
  }
  out.push({ text: 'no tags at all on this one', tags: ['misc'] });
  out.push({ text: 'labelled with an intent the policy does not have', label: 'time_travel' });
  out.push({ text: '   ' });
  return out;
}

describe('tenant training', () => {
  const modelsDir = mkdtempSync(join(tmpdir(), 'baton-models-'));
  const tenantPolicy = structuredClone(policy);
  tenantPolicy.training.label_map = { bug: 'bug_report', idea: 'feature_request' };

  it('labels tickets from their label, tags or group through the policy map', () => {
    expect(labelFor({ text: 'x', tags: ['foo', 'billing'] }, policy)).toEqual({ intent: 'billing_question', known: true });
    expect(labelFor({ text: 'x', tags: [], group: 'Billing & Finance' }, policy)).toEqual({ intent: 'billing_question', known: true });
    expect(labelFor({ text: 'x', label: 'refund_request', tags: ['billing'] }, policy)).toEqual({ intent: 'refund_request', known: true });
    expect(labelFor({ text: 'x', tags: ['nothing'] }, policy)).toEqual({ intent: null, known: false });
  });

  it("fits a model on the tenant's tickets, reports held-back accuracy and what it skipped", async () => {
    const report = await trainTenantModel(tenantTickets(), { tenantId: 'zendesk:doc-brown', modelsDir, policy: tenantPolicy, includeBaseCorpus: false });
    expect(report.labelled).toBe(40);
    expect(report.perIntent).toEqual({ bug_report: 20, feature_request: 20 });
    expect(report.skipped).toEqual({ empty: 1, unlabelled: 1, unknownIntent: 1 });
    expect(report.heldBack.count).toBeGreaterThan(0);
    expect(report.heldBack.accuracy).not.toBeNull();
    expect(report.path).toBe(tenantModelPath(modelsDir, 'zendesk:doc-brown'));
    expect(report.path).toContain('zendesk_doc-brown');
    expect(existsSync(report.path)).toBe(true);
  });

  it("uses the tenant's model for that tenant and the shipped model for everyone else", async () => {
    const triage = createLocalTriage(policy, { modelsDir });
    const text = 'the time circuit flickers and shows error 88';
    const own = triage.intentSignal(ticketInput(text, { tenantId: 'zendesk:doc-brown' }));
    expect(own.intent).toBe('bug_report');
    expect(['bug_report', 'feature_request']).toContain(triage.intentSignal(ticketInput('hello there', { tenantId: 'zendesk:doc-brown' })).intent);
    const other = triage.intentSignal(ticketInput('I forgot my password', { tenantId: 'someone-else' }));
    expect(other.intent).toBe('password_reset');
  });

  it('runs as `baton train --from FILE` and refuses zendesk until a source is wired', async () => {
    const file = join(modelsDir, 'solved.jsonl');
    writeFileSync(file, tenantTickets().map((t) => JSON.stringify(t)).join('\n'));
    const policyFile = join(modelsDir, 'policy.yaml');
    const { stringify } = await import('yaml');
    writeFileSync(policyFile, stringify(tenantPolicy));
    const cli = join(import.meta.dirname, 'triage-cli.ts');
    const { stdout } = await run(process.execPath, ['--import', 'tsx', cli, 'train', '--from', file, '--tenant', 'acme', '--models-dir', modelsDir, '--policy', policyFile, '--no-base-corpus']);
    expect(stdout).toContain('tenant acme: trained on 40 labelled tickets (bug_report 20, feature_request 20)');
    expect(stdout).toMatch(/held-back tenant tickets: \d+, accuracy \d+\.\d%/);
    expect(existsSync(tenantModelPath(modelsDir, 'acme'))).toBe(true);
    const zendesk = await run(process.execPath, ['--import', 'tsx', cli, 'train', '--from', 'zendesk', '--models-dir', modelsDir]).then(
      () => null,
      (e: { code: number; stderr: string }) => e,
    );
    expect(zendesk?.code).toBe(1);
    expect(zendesk?.stderr).toContain('--from zendesk: no helpdesk source is configured');
  });
});
