/**
 * Downtime on SQLite: the connector is SIGKILLed in the middle of a burst of customer
 * messages and restarted once the helpdesk has given up on the messages sent meanwhile
 * (DOWN_MS, with why that is long enough: helpers/downtime.ts). The webhooks sent meanwhile
 * are lost; the catch-up sweep finds their messages, and every ticket is handled exactly
 * once, with no double reply. The metric counts the tickets the sweep recovered.
 */
import { sqliteTestStore } from '../helpers/stores.js';
import { describeDowntimeProof } from './helpers/downtime.js';

describeDowntimeProof('SIGKILL during a burst, down past the webhooks\' last retry, on SQLite', sqliteTestStore, 1);
