import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadReplies, renderReply } from '../../connector/src/playbooks/replies.js';
import { loadPolicy } from '../../connector/src/triage/policy/load.js';

describe('reply templates', () => {
  it('ships a reply for every automatable intent that has no lookup of its own, with English for each', () => {
    const replies = loadReplies();
    for (const intent of ['password_reset', 'account_locked', 'order_status', 'billing_question']) expect(replies[intent]?.en).toBeTruthy();
  });

  it("fills in the first name and uses the customer's language, falling back to English", () => {
    const replies = loadReplies();
    expect(renderReply(replies, 'password_reset', 'de', { first_name: 'Jana' })).toMatch(/^Hallo Jana,\n/);
    expect(renderReply(replies, 'password_reset', 'sv', { first_name: 'Bram' })).toMatch(/^Hi Bram,\n/);
    expect(renderReply(replies, 'refund_request', 'en', { first_name: 'X' })).toBeUndefined();
  });

  it('ships every automated reply in each language triage reads', () => {
    const replies = loadReplies();
    const read = loadPolicy().language.supported;
    for (const intent of ['password_reset', 'account_locked', 'order_status', 'billing_question', 'resolution_confirmed']) {
      expect(Object.keys(replies[intent]!)).toEqual(expect.arrayContaining(read));
    }
  });

  it('refuses a file whose reply lacks English, naming the key', () => {
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'replies-')), 'replies.yaml');
    fs.writeFileSync(file, 'order_status:\n  es: "Hola {first_name}"\n');
    expect(() => loadReplies(file)).toThrow(/replies\.order_status: expected an English \(en\) version/);
  });
});
