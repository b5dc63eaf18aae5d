/**
 * Erasure reaches kept raw webhook bodies that never became an event: a body that named no
 * ticket, or one whose comment has not been read yet. The events do not name the customer
 * there, so only the bodies themselves can be searched; another customer's body stays.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { describeErasure } from '../../connector/src/cli/commands/erase.js';
import { keepRawDelivery } from '../../connector/src/intake/raw-deliveries.js';
import { JobQueue } from '../../connector/src/jobs/queue.js';
import { eraseRequester } from '../../connector/src/privacy/erase.js';
import { BACKENDS, type TestStore } from '../helpers/stores.js';

const ERIN = 'erin.quillfeather@example.com';

describe.each(BACKENDS)('erasure of kept raw webhook bodies on %s', (_name, open) => {
  let ts: TestStore;
  beforeEach(async () => {
    ts = await open();
  });
  afterEach(async () => ts.cleanup());

  async function keep(deliveryId: string, ticketId: string | null, body: string) {
    const queue = new JobQueue(ts.store, { workerId: 'test' });
    expect(await keepRawDelivery(ts.store, queue, { tenantId: 'zendesk:acme', provider: 'zendesk', deliveryId, ticketId, cause: 'malformed_json', body, partial: null })).toBe('kept');
  }
  const bodies = async () => (await ts.store.db.selectFrom('raw_deliveries').select(['delivery_id', 'body']).orderBy('delivery_id').execute()).map((r) => `${r.delivery_id}:${r.body}`);

  it("empties every kept body that holds the customer's e-mail, whichever ticket it names, and no other", async () => {
    // Truncated bodies: the first named no ticket, the second's comment is not read yet (its job waits).
    await keep('a-no-ticket', null, '{"requester":{"name":"Erin Quillfeather","email":"Erin.Quillfeather@Example.com"},"comment":"my zebrafinch');
    await keep('b-unread', '77', '{"ticket":{"id":77},"requester":{"email":"erin.quillfeather@example.com"},"comment":"refund');
    await keep('c-other', null, '{"requester":{"name":"Kasimir Keepsake","email":"kasimir.keepsake@example.com"}');
    const before = await bodies();

    const dry = await eraseRequester(ts.store, { email: ERIN, dryRun: true });
    expect(dry).toMatchObject({ tickets: [], rawDeliveries: 2 });
    expect(await bodies()).toEqual(before);
    expect(await eraseRequester(ts.store, { email: ERIN, tenantId: 'zendesk:other' })).toMatchObject({ rawDeliveries: 0 });
    expect(await bodies()).toEqual(before);

    const report = await eraseRequester(ts.store, { email: 'ERIN.quillfeather@example.COM' });
    expect(report).toMatchObject({ tickets: [], rawDeliveries: 2 });
    expect(await bodies()).toEqual(['a-no-ticket:', 'b-unread:', before[2]]);
    expect(describeErasure(report)).toMatch(/erased personal data in kept webhook bodies only[\s\S]*kept webhook bodies\s+2/);
    expect((await eraseRequester(ts.store, { email: ERIN })).rawDeliveries).toBe(0);
  });
});
