/**
 * The admin loop over HTTP, for the analytics page (nav_bar app). The routes carry no auth of
 * their own: register them on a router that already checks the caller (the sidebar API's
 * guarded router) and say which tenant the caller belongs to. Bad input is answered here
 * (400 with the connector's `{ error: { code, message } }`), so the outer error handler only
 * sees real failures.
 *
 *   GET  /analytics?from&to        figures by intent, team and week, healthy ranges beside them
 *   GET  /rollout                  every intent's and segment's mode
 *   PUT  /rollout                  { target: {kind:'intent', intent} | {kind:'segment', segment} | {kind:'default'}, mode }
 *   GET  /calibration?days         threshold recommendations from agents' flags (read only)
 *   GET  /weekly-review?week       escalations of a week by reason, with examples
 *   GET  /shadow?from&to           shadow decisions next to what agents did (reads Zendesk)
 *   POST /sync?days                pull CSAT ratings and ticket outcomes from Zendesk
 */
import type { NextFunction, Request, Response, Router } from 'express';
import { z, ZodError } from 'zod';
import { isBatonError } from '../../errors.js';
import type { HelpdeskPort } from '../../helpdesk/port.js';
import type { Store } from '../../store/db.js';
import { loadPolicy, type Policy } from '../../triage/index.js';
import { loadLabelledAttempts } from '../calibration/labelled-attempts.js';
import { recommendThresholds } from '../calibration/recommend.js';
import { weeklyReview } from '../calibration/weekly-review.js';
import { analyticsSummary } from '../metrics/analytics-summary.js';
import { syncTicketOutcomes } from '../metrics/sync-outcomes.js';
import { syncSatisfactionRatings } from '../metrics/sync-satisfaction.js';
import { changeRollout, readRollout } from '../rollout/rollout-controls.js';
import { shadowReport } from '../rollout/shadow-report.js';
import { DAY, parseTime } from '../time.js';

export interface AdminRouteDeps {
  store: Store;
  helpdesk: HelpdeskPort;
  /** The policy file the connector runs (BATON_POLICY_PATH); rollout changes are written here. */
  policyPath: string;
  /** The caller's tenant, from whatever authenticated the request. */
  tenantOf(req: Request, res: Response): string;
  /** Called with the new policy after a rollout change, so the running connector can use it. */
  onPolicyChange?(policy: Policy): void | Promise<void>;
  now?: () => number;
}

const time = z.union([z.string(), z.number()]).optional();
const rangeQuery = z.object({ from: time, to: time, days: z.coerce.number().positive().max(366).optional() });
const rolloutBody = z.object({
  target: z.discriminatedUnion('kind', [
    z.object({ kind: z.literal('default') }),
    z.object({ kind: z.literal('intent'), intent: z.string().min(1) }),
    z.object({ kind: z.literal('segment'), segment: z.string().min(1) }),
  ]),
  mode: z.enum(['off', 'shadow', 'live', 'inherit']),
});

type Handler = (req: Request, res: Response) => Promise<void>;

function answer(handler: Handler) {
  return async (req: Request, res: Response, next: NextFunction) => {
    try {
      await handler(req, res);
    } catch (err) {
      if (err instanceof ZodError) {
        res.status(400).json({ error: { code: 'BAD_REQUEST', message: err.issues.map((i) => `${i.path.join('.') || 'body'}: ${i.message}`).join('; ') } });
      } else if (isBatonError(err) && (err.status < 500 || err.code === 'POLICY_INVALID')) {
        res.status(err.status < 500 ? err.status : 400).json(err.toJSON());
      } else next(err);
    }
  };
}

export function registerAdminRoutes(r: Router, deps: AdminRouteDeps): void {
  const now = deps.now ?? Date.now;
  const range = (req: Request, defaultDays: number) => {
    const q = rangeQuery.parse(req.query);
    const to = q.to === undefined ? now() : parseTime(q.to, 'to');
    const from = q.from === undefined ? to - (q.days ?? defaultDays) * DAY : parseTime(q.from, 'from');
    return { from, to };
  };

  r.get('/analytics', answer(async (req, res) => {
    res.json(await analyticsSummary(deps.store, { ...range(req, 7), tenantId: deps.tenantOf(req, res), asOf: now() }));
  }));
  r.get('/rollout', answer(async (_req, res) => {
    res.json(readRollout(deps.policyPath));
  }));
  r.put('/rollout', answer(async (req, res) => {
    const change = rolloutBody.parse(req.body ?? {});
    const result = await changeRollout(deps.policyPath, change);
    if (result.changed) await deps.onPolicyChange?.(result.policy);
    res.json({ changed: result.changed, rollout: result.rollout });
  }));
  r.get('/calibration', answer(async (req, res) => {
    const attempts = await loadLabelledAttempts(deps.store, { ...range(req, 90), tenantId: deps.tenantOf(req, res) });
    res.json(recommendThresholds(loadPolicy(deps.policyPath), attempts));
  }));
  r.get('/weekly-review', answer(async (req, res) => {
    const week = z.object({ week: time }).parse(req.query).week;
    res.json(await weeklyReview(deps.store, { tenantId: deps.tenantOf(req, res), week: week === undefined ? undefined : parseTime(week, 'week') }));
  }));
  r.get('/shadow', answer(async (req, res) => {
    res.json(await shadowReport(deps.store, deps.helpdesk, { ...range(req, 14), tenantId: deps.tenantOf(req, res), policy: loadPolicy(deps.policyPath) }));
  }));
  r.post('/sync', answer(async (req, res) => {
    const { from } = range(req, 30);
    const tenantId = deps.tenantOf(req, res);
    const ratings = await syncSatisfactionRatings(deps.store, deps.helpdesk, { tenantId, since: from });
    const outcomes = await syncTicketOutcomes(deps.store, deps.helpdesk, { tenantId, since: from });
    res.json({ ratings, outcomes });
  }));
}
