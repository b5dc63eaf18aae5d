/**
 * The app reads the admin routes' answers through the plain types in types.ts: it cannot
 * import the admin modules, which pull in Node-only code. These type-level checks make the
 * connector's type-check fail when what the admin routes send (or accept) drifts from that
 * contract. Nothing here runs.
 */
import type { RolloutChange as AdminRolloutChange, RolloutView as AdminRolloutView, ShadowReport } from '../admin/index.js';
import type { RolloutChange, RolloutChangeResult, RolloutView, ShadowReportView } from './types.js';

type Holds<T extends true> = T;

/** GET /api/admin/rollout answers what the app expects. */
export type RolloutViewMatches = Holds<AdminRolloutView extends RolloutView ? true : false>;
/** PUT /api/admin/rollout answers `{ changed, rollout }`. */
export type RolloutResultMatches = Holds<{ changed: boolean; rollout: AdminRolloutView } extends RolloutChangeResult ? true : false>;
/** Every change the app can send is one the admin module accepts. */
export type RolloutChangeAccepted = Holds<RolloutChange extends AdminRolloutChange ? true : false>;
/** GET /api/admin/shadow answers what the app expects. */
export type ShadowReportMatches = Holds<ShadowReport extends ShadowReportView ? true : false>;
