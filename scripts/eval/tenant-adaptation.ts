/**
 * Tenant adaptation, measured: `baton train` on half of one business's labelled messages,
 * then the other half triaged before (shipped model) and after (tenant model). The halves
 * are split by a hash of the text, so the same message is always on the same side. The
 * tenant model lives in a temporary directory and is deleted: nothing here is shipped.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Policy } from '../../connector/src/triage/policy/schema.js';
import { createLocalTriage } from '../../connector/src/triage/engine/local.js';
import { textBucket } from '../../connector/src/triage/model/corpus.js';
import { shippedIntentModel } from '../../connector/src/triage/model/intent-model.js';
import { TenantModels } from '../../connector/src/triage/model/tenant-models.js';
import { trainTenantModel } from '../../connector/src/triage/model/tenant-training.js';
import type { DevItem } from './dev-sets.js';
import { devFigures, scoreDevItems, type DevFigures } from './dev-figures.js';

export interface AdaptationResult {
  name: string;
  trained: number;
  evaluated: number;
  before: DevFigures;
  after: DevFigures;
}

const inTrainingHalf = (text: string) => textBucket(text, 'baton-tenant-half') < 5_000;

export async function tenantAdaptation(name: string, items: DevItem[], policy: Policy): Promise<AdaptationResult> {
  const train = items.filter((i) => inTrainingHalf(i.text));
  const test = items.filter((i) => !inTrainingHalf(i.text));
  const dir = mkdtempSync(join(tmpdir(), 'baton-eval-tenant-'));
  try {
    await trainTenantModel(
      train.map((i) => ({ text: i.text, label: i.intent })),
      { tenantId: 'eval', modelsDir: dir, policy },
    );
    const tenantModel = new TenantModels(dir).get('eval');
    if (!tenantModel) throw new Error('tenant model was not written');
    const before = devFigures(await scoreDevItems(test, createLocalTriage(policy, { model: shippedIntentModel() })));
    const after = devFigures(await scoreDevItems(test, createLocalTriage(policy, { model: tenantModel })));
    return { name, trained: train.length, evaluated: test.length, before, after };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
