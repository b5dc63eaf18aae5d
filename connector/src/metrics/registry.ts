/**
 * Prometheus metrics, one registry per running connector (tests start several in one
 * process, and a global registry would mix their counts).
 */
import { Counter, Histogram, Registry, collectDefaultMetrics } from 'prom-client';

export interface Metrics {
  registry: Registry;
  webhooks: Counter<'outcome'>;
  jobs: Counter<'kind' | 'outcome'>;
  helpdeskCalls: Counter<'method' | 'route' | 'status'>;
  decisions: Counter<'action' | 'intent' | 'team' | 'mode'>;
  intakeSeconds: Histogram<'outcome'>;
  endToEndSeconds: Histogram<'action'>;
  sweepRuns: Counter<'outcome'>;
  sweepRecoveredTickets: Counter;
  retentionPurgedRows: Counter<'rows'>;
}

export function createMetrics(opts: { defaultMetrics?: boolean } = {}): Metrics {
  const registry = new Registry();
  if (opts.defaultMetrics) collectDefaultMetrics({ register: registry, prefix: 'baton_' });
  return {
    registry,
    webhooks: new Counter({ name: 'baton_webhooks_total', help: 'Webhook requests by outcome', labelNames: ['outcome'], registers: [registry] }),
    jobs: new Counter({ name: 'baton_jobs_total', help: 'Jobs settled by kind and outcome', labelNames: ['kind', 'outcome'], registers: [registry] }),
    helpdeskCalls: new Counter({ name: 'baton_helpdesk_api_calls_total', help: 'Helpdesk API calls', labelNames: ['method', 'route', 'status'], registers: [registry] }),
    decisions: new Counter({ name: 'baton_decisions_total', help: 'Triage decisions', labelNames: ['action', 'intent', 'team', 'mode'], registers: [registry] }),
    intakeSeconds: new Histogram({ name: 'baton_webhook_ack_seconds', help: 'Time to acknowledge a webhook', labelNames: ['outcome'], buckets: [0.001, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 1], registers: [registry] }),
    endToEndSeconds: new Histogram({ name: 'baton_webhook_to_writeback_seconds', help: 'From webhook received to ticket updated', labelNames: ['action'], buckets: [0.01, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30], registers: [registry] }),
    sweepRuns: new Counter({ name: 'baton_sweep_runs_total', help: 'Catch-up sweeps by outcome (swept, leased_elsewhere, no_tenant, failed)', labelNames: ['outcome'], registers: [registry] }),
    sweepRecoveredTickets: new Counter({ name: 'baton_sweep_recovered_tickets_total', help: 'Tickets whose customer messages the catch-up sweep found without a webhook', registers: [registry] }),
    retentionPurgedRows: new Counter({ name: 'baton_retention_purged_rows_total', help: 'Rows deleted by the retention purge (finished_jobs, dead_letters, events, raw_deliveries)', labelNames: ['rows'], registers: [registry] }),
  };
}
