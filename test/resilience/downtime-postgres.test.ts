/**
 * Downtime with two replicas on PostgreSQL: both are SIGKILLed in the middle of a burst (each
 * gets every message through its own webhook, as two load-balancer targets would) and
 * restarted once the helpdesk has given up on the messages sent meanwhile (DOWN_MS, with why
 * that is long enough: helpers/downtime.ts). Both sweep; the lease lets one at a time, and the
 * messages found are handled exactly once across the two, with no double reply.
 */
import { pgTestStore } from '../helpers/stores.js';
import { describeDowntimeProof } from './helpers/downtime.js';

describeDowntimeProof('two replicas SIGKILLed during a burst and down past the webhooks\' last retry, on PostgreSQL', pgTestStore, 2);
