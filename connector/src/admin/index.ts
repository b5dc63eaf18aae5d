/**
 * The admin loop's public surface: audit before automating, measure after, calibrate from
 * agents' flags, and roll out intent by intent. Everything else under admin/ is internal.
 */
// Audit
export { auditFile, auditTickets, auditHelpdesk, writeAuditReport, DEFAULT_MINUTES_PER_TICKET, type AuditOptions, type AuditResult, type AuditFiles } from './audit/run-audit.js';
export type { AuditReport, AuditTicket } from './audit/build-report.js';
export { readExportFile, readExportText } from './audit/read-export.js';
export { fetchRecentTickets, type FetchOptions } from './audit/helpdesk-source.js';
export { overnightInboxExport, writeOvernightInboxExport, type OvernightExportOptions } from './audit/overnight-export.js';
export type { AuditRow, RowProblem, ReadResult } from './audit/rows.js';
// Metrics
export { analyticsSummary, summarize, type AdminAnalytics, type SummaryOptions, type TeamFigures } from './metrics/analytics-summary.js';
export type { Figures, CsatSplit, Timing } from './metrics/figures.js';
export { HEALTHY_RANGES, rangeStatus, type RangeStatus } from './metrics/healthy-ranges.js';
export { registerAdminMetrics, ADMIN_METRIC_NAMES, type AdminMetricsOptions } from './metrics/prometheus.js';
export { renderReport } from './metrics/render-report.js';
export { syncSatisfactionRatings, type SyncRatingsResult } from './metrics/sync-satisfaction.js';
export { syncTicketOutcomes, readTicketOutcome, type SyncOutcomesResult } from './metrics/sync-outcomes.js';
export { REOPEN_WINDOW_MS, type TicketFacts, type TicketPath } from './metrics/ticket-facts.js';
// Calibration
export { loadLabelledAttempts, FLAG_KINDS, type FlagKind, type LabelledAttempt } from './calibration/labelled-attempts.js';
export { recommendThresholds, type CalibrationReport, type CalibrationOptions, type IntentCalibration } from './calibration/recommend.js';
export { writeThresholds } from './calibration/write-thresholds.js';
export { weeklyReview, type WeeklyReview } from './calibration/weekly-review.js';
export { renderCalibration, renderWeeklyReview } from './calibration/render.js';
// Rollout
export { changeRollout, readRollout, rolloutView, validateRolloutChange, ROLLOUT_MODES, type RolloutChange, type RolloutTarget, type RolloutView } from './rollout/rollout-controls.js';
export { shadowReport, type ShadowReport, type ShadowRow, type Verdict } from './rollout/shadow-report.js';
export { renderShadowReport } from './rollout/render-shadow.js';
// Store
export { ensureAdminTables, adminDb, type AdminTables } from './store/tables.js';
export { editPolicyFile, type PolicyOp, type PolicyEdit } from './policy-file.js';
// HTTP (mount behind the app's auth)
export { registerAdminRoutes, type AdminRouteDeps } from './http/admin-routes.js';
