/**
 * The triggers the app's requirements.json creates, as the doctor compares them with the
 * account's: title, the conditions that must be there, and that they notify Baton's webhook.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ZdTriggerCondition } from '../helpdesk/zendesk/account-setup.js';

export interface TriggerRequirement {
  key: string;
  title: string;
  conditions: ZdTriggerCondition[];
}

/** The app package's requirements.json: the first folder upwards holding manifest.json. */
export function defaultRequirementsPath(): string {
  let dir = path.dirname(fileURLToPath(import.meta.url));
  while (!fs.existsSync(path.join(dir, 'manifest.json')) && path.dirname(dir) !== dir) dir = path.dirname(dir);
  return path.join(dir, 'requirements.json');
}

export function loadTriggerRequirements(file = defaultRequirementsPath()): TriggerRequirement[] {
  const json = JSON.parse(fs.readFileSync(file, 'utf8')) as { triggers?: Record<string, { title: string; conditions?: { all?: ZdTriggerCondition[] } }> };
  return Object.entries(json.triggers ?? {}).map(([key, t]) => ({ key, title: t.title, conditions: t.conditions?.all ?? [] }));
}
