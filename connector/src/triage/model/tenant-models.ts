/**
 * Per-tenant intent models written by `baton train`: <modelsDir>/<tenant>/intent-model.json.
 * The shipped model stays the fallback for tenants without one. A retrained file is picked
 * up without a restart: the file's modification time is re-checked at most every few seconds.
 */
import { statSync } from 'node:fs';
import { join } from 'node:path';
import { loadIntentModel, type IntentModel } from './intent-model.js';

const RECHECK_MS = 5_000;

/** Tenant ids like "zendesk:acme" become safe directory names ("zendesk_acme"). */
export function tenantDirName(tenantId: string): string {
  const safe = tenantId.replace(/[^A-Za-z0-9_.-]/g, '_').replace(/^\.+/, '_');
  return safe === '' ? '_' : safe;
}

export function tenantModelPath(modelsDir: string, tenantId: string): string {
  return join(modelsDir, tenantDirName(tenantId), 'intent-model.json');
}

interface Entry {
  model: IntentModel | null;
  mtimeMs: number;
  checkedAt: number;
}

export class TenantModels {
  private readonly cache = new Map<string, Entry>();

  constructor(
    private readonly modelsDir: string,
    private readonly clock: () => number = Date.now,
  ) {}

  /** The tenant's model, or null when it has none (or its file is unreadable). */
  get(tenantId: string): IntentModel | null {
    const now = this.clock();
    const cached = this.cache.get(tenantId);
    if (cached && now - cached.checkedAt < RECHECK_MS) return cached.model;
    const path = tenantModelPath(this.modelsDir, tenantId);
    let mtimeMs = -1;
    try {
      mtimeMs = statSync(path).mtimeMs;
    } catch {
      /* no model for this tenant */
    }
    if (cached && cached.mtimeMs === mtimeMs) {
      cached.checkedAt = now;
      return cached.model;
    }
    let model: IntentModel | null = null;
    if (mtimeMs >= 0) {
      try {
        model = loadIntentModel(path);
      } catch {
        // A half-written or corrupt file must not stop triage: the shipped model answers.
        model = null;
      }
    }
    this.cache.set(tenantId, { model, mtimeMs, checkedAt: now });
    return model;
  }
}
