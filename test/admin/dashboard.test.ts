/**
 * The shipped Grafana dashboard only queries metrics the connector registers, with labels
 * they carry, and shows the guide's healthy handoff range as the code defines it.
 */
import { readFileSync } from 'node:fs';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HEALTHY_RANGES } from '../../connector/src/admin/metrics/healthy-ranges.js';
import { registerAdminMetrics } from '../../connector/src/admin/metrics/prometheus.js';
import { ensureAdminTables } from '../../connector/src/admin/store/tables.js';
import { createMetrics } from '../../connector/src/metrics/registry.js';
import { sqliteTestStore, type TestStore } from '../helpers/stores.js';

interface Panel {
  type: string;
  title: string;
  targets?: { expr: string }[];
  fieldConfig?: { defaults: { thresholds?: { steps: { color: string; value: number | null }[] } } };
}

const dashboard = JSON.parse(readFileSync(new URL('../../dashboards/grafana-baton.json', import.meta.url), 'utf8')) as { panels: Panel[]; uid: string };
const exprs = dashboard.panels.flatMap((p) => (p.targets ?? []).map((t) => t.expr));

describe('grafana dashboard', () => {
  let db: TestStore;
  let metrics: ReturnType<typeof createMetrics>;
  beforeAll(async () => {
    db = await sqliteTestStore();
    await ensureAdminTables(db.store);
    metrics = createMetrics();
    registerAdminMetrics(metrics.registry, db.store);
  });
  afterAll(async () => db?.cleanup());

  it('queries only registered metrics, by labels they have', async () => {
    const registered = new Set((await metrics.registry.getMetricsAsJSON()).map((m) => m.name));
    const used = new Set<string>();
    for (const expr of exprs) {
      for (const m of expr.matchAll(/\b(baton_[a-z_]+)\b(\{([^}]*)\})?/g)) {
        // Histograms are queried through their _bucket series.
        const name = registered.has(m[1]!) ? m[1]! : m[1]!.replace(/_(bucket|sum|count)$/, '');
        expect(registered.has(name), `${name} in "${expr}"`).toBe(true);
        used.add(name);
        const labels = [...(m[3] ?? '').matchAll(/(\w+)\s*!?=/g)].map((l) => l[1]!);
        const known = (metrics.registry.getSingleMetric(name) as unknown as { labelNames: string[] }).labelNames;
        for (const l of labels) expect(known, `label ${l} of ${name}`).toContain(l);
      }
    }
    // Every admin gauge and every pipeline counter appears somewhere.
    for (const name of registered) expect(used.has(name), `${name} has no panel`).toBe(true);
  });

  it('colours the handoff rate with the guide’s healthy range', () => {
    const handoff = dashboard.panels.filter((p) => /^Handoff rate( by intent)?$/.test(p.title));
    expect(handoff).toHaveLength(2);
    for (const p of handoff) {
      const steps = p.fieldConfig!.defaults.thresholds!.steps;
      expect(steps.map((s) => s.value)).toEqual([null, HEALTHY_RANGES.handoffRate.min, HEALTHY_RANGES.handoffRate.max]);
      expect(steps.map((s) => s.color)).toEqual(['red', 'green', 'red']);
    }
  });
});

describe('admin gauges when the store cannot answer', () => {
  it('leave the rest of /metrics working and report baton_admin_metrics_up 0', async () => {
    const db = await sqliteTestStore();
    try {
      // Whether or not migration 002-admin is registered yet, this store lacks one of its tables.
      await sql`drop table if exists satisfaction_ratings`.execute(db.store.db);
      const metrics = createMetrics();
      metrics.decisions.inc({ action: 'automate', intent: 'how_to', team: 'none', mode: 'live' });
      registerAdminMetrics(metrics.registry, db.store, { cacheMs: 0 });
      const text = await metrics.registry.metrics();
      expect(text).toMatch(/^baton_admin_metrics_up 0$/m);
      expect(text).toMatch(/^baton_decisions_total\{.*intent="how_to".*\} 1$/m);
      await ensureAdminTables(db.store);
      expect(await metrics.registry.metrics()).toMatch(/^baton_admin_metrics_up 1$/m);
    } finally {
      await db.cleanup();
    }
  });
});
