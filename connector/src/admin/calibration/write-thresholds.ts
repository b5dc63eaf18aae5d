/**
 * Write recommended thresholds into the policy YAML (`intents.<name>.threshold`), keeping the
 * admin's comments and layout, validated before and after (see policy-file.ts).
 */
import { editPolicyFile, type PolicyEdit } from '../policy-file.js';

export function writeThresholds(policyPath: string, changes: { intent: string; to: number }[]): Promise<PolicyEdit> {
  return editPolicyFile(policyPath, (current) =>
    changes.map((c) => {
      if (!current.intents[c.intent]) throw new Error(`intent "${c.intent}" is not in ${policyPath}`);
      return { op: 'set' as const, path: ['intents', c.intent, 'threshold'], value: Math.round(c.to * 100) / 100 };
    }),
  );
}
