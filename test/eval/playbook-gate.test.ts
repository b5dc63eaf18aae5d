/**
 * The eval's "answered" figures run the real playbooks against the sandbox's Help Center: an
 * automated how-to that no article answers becomes a handoff with the playbook's own reason,
 * one an article answers stays automated, and decisions that were not automated are untouched.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { afterPlaybooks, openPlaybookGate, type PlaybookGate } from '../../scripts/eval/playbook-gate.js';

let gate: PlaybookGate;
beforeAll(async () => {
  gate = await openPlaybookGate();
});
afterAll(async () => {
  await gate.close();
});

describe('the playbook gate of the eval', () => {
  it('turns a how-to without a Help Center article into a handoff, with the reason the playbook gave', async () => {
    const [s] = await afterPlaybooks([{ text: 'how do I glaze a ceramic vase', action: 'automate', predicted: 'how_to', reasons: [] }], gate);
    expect(s).toMatchObject({ action: 'handoff', reasons: ['no_article'] });
  });

  it('keeps a how-to that an article answers, and the template playbooks, automated', async () => {
    const out = await afterPlaybooks(
      [
        { text: 'how do I export my data to a spreadsheet', action: 'automate', predicted: 'how_to', reasons: [] },
        { text: 'where is my parcel', action: 'automate', predicted: 'order_status', reasons: [] },
      ],
      gate,
    );
    expect(out.map((s) => s.action)).toEqual(['automate', 'automate']);
  });

  it('leaves handoffs alone', async () => {
    const handoff = { text: 'how do I glaze a ceramic vase', action: 'handoff' as const, predicted: 'how_to', reasons: ['low_confidence'] };
    expect(await afterPlaybooks([handoff], gate)).toEqual([handoff]);
  });
});
