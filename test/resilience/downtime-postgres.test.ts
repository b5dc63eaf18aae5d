/**
 * A minute of downtime with two replicas on PostgreSQL: both are SIGKILLed in the middle of a
 * burst (each gets every message through its own webhook, as two load-balancer targets would)
 * and restarted 60 s later. Both sweep; the lease lets one at a time, and the messages found
 * are handled exactly once across the two, with no double reply.
 */
import { pgTestStore } from '../helpers/stores.js';
import { describeDowntimeProof } from './helpers/downtime.js';

describeDowntimeProof('two replicas SIGKILLed for 60 s during a burst, on PostgreSQL', pgTestStore, 2);
