/**
 * The triggers the app's requirements.json creates, as the doctor compares them with the
 * account's: title, the conditions that must be there, and that they notify Baton's webhook.
 */
import fs from 'node:fs';
import path from 'node:path';
import { appPackageDir } from '../config/app-package.js';
import type { SetupCondition } from '../helpdesk/account-setup.js';

export interface TriggerRequirement {
  key: string;
  title: string;
  conditions: SetupCondition[];
}

/** The app package's requirements.json. */
export const defaultRequirementsPath = (): string => path.join(appPackageDir(), 'requirements.json');

export function loadTriggerRequirements(file = defaultRequirementsPath()): TriggerRequirement[] {
  const json = JSON.parse(fs.readFileSync(file, 'utf8')) as { triggers?: Record<string, { title: string; conditions?: { all?: SetupCondition[] } }> };
  return Object.entries(json.triggers ?? {}).map(([key, t]) => ({ key, title: t.title, conditions: t.conditions?.all ?? [] }));
}
