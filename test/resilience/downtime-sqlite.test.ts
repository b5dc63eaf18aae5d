/**
 * A minute of downtime on SQLite: the connector is SIGKILLed in the middle of a burst of
 * customer messages and restarted 60 s later. The webhooks sent meanwhile are lost (Zendesk
 * gave up); the catch-up sweep finds their messages, and every ticket is handled exactly once,
 * with no double reply. The metric counts the tickets the sweep recovered.
 */
import { sqliteTestStore } from '../helpers/stores.js';
import { describeDowntimeProof } from './helpers/downtime.js';

describeDowntimeProof('SIGKILL for 60 s during a burst, on SQLite', sqliteTestStore, 1);
