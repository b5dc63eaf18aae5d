/**
 * Writes a real account refuses, against the sandbox over real HTTP (which answers 422 as
 * Zendesk does): agents who cannot take tickets are never picked, a refused assignment
 * becomes a group-only handoff with a reason, and a refused solve leaves the answered
 * ticket open with a note. None of them is an error the job queue would dead-letter.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RateBudget } from '../../connector/src/helpdesk/rate-budget.js';
import { ZendeskGateway } from '../../connector/src/helpdesk/zendesk/gateway.js';
import { ZendeskHelpdesk } from '../../connector/src/helpdesk/zendesk/helpdesk.js';
import { writeBack, type WriteBackInput } from '../../connector/src/handoff/writeback.js';
import { SANDBOX_AGENTS, SANDBOX_GROUPS, startSandbox, type Sandbox } from '../../connector/src/sandbox/index.js';
import { ROLE_TYPE } from '../../connector/src/sandbox/model.js';
import { ticketTags } from '../../connector/src/ticket-tags.js';
import type { Decision } from '../../connector/src/triage/types.js';
import type { HelpdeskPort } from '../../connector/src/helpdesk/port.js';
import { HELPDESKS, sandboxHelpdesk } from '../helpers/stack.js';

let sandbox: Sandbox;
let helpdesk: ZendeskHelpdesk;
const tags = ticketTags();
beforeAll(async () => {
  sandbox = await startSandbox({ rateLimitPerMinute: 100_000 });
  helpdesk = new ZendeskHelpdesk(new ZendeskGateway({ baseUrl: sandbox.url, email: sandbox.apiEmail, apiToken: sandbox.apiToken, ratePerMinute: 100_000, maxRetries: 0 }, new RateBudget(60_000)));
});
afterAll(async () => sandbox?.close());

const base: Omit<Decision, 'action' | 'intent' | 'team'> = { confidence: 0.9, sentiment: { score: 0, label: 'neutral', trend: 0 }, language: 'en', priority: 'normal', tags: [], reasons: [], mode: 'live', engine: 'local' };

function input(ticketId: number, decision: Decision, extra: Partial<WriteBackInput> = {}): WriteBackInput {
  return { eventId: `evt-${ticketId}`, ticketId: String(ticketId), decision, helpdesk: helpdesk.scoped(), tags, recovering: false, customer: { name: 'Sam Rivera', locale: 'en-US' }, message: 'help', earlierAttempts: 0, automatedStatus: 'pending', ...extra };
}

describe('agents who can take tickets', () => {
  it('lists neither light agents, chat-only agents, contributors nor suspended agents as staff', async () => {
    sandbox.state.getUser(SANDBOX_AGENTS.jonas.id)!.roleType = ROLE_TYPE.lightAgent;
    sandbox.state.getUser(SANDBOX_AGENTS.sofia.id)!.suspended = true;
    sandbox.state.getUser(SANDBOX_AGENTS.aiko.id)!.roleType = ROLE_TYPE.chatOnly;
    try {
      const staff = (await helpdesk.listStaff()).map((s) => s.id);
      expect(staff).toContain(String(SANDBOX_AGENTS.rafael.id));
      expect(staff).not.toContain(String(SANDBOX_AGENTS.jonas.id));
      expect(staff).not.toContain(String(SANDBOX_AGENTS.sofia.id));
      expect(staff).not.toContain(String(SANDBOX_AGENTS.aiko.id));
    } finally {
      sandbox.state.getUser(SANDBOX_AGENTS.jonas.id)!.roleType = null;
      sandbox.state.getUser(SANDBOX_AGENTS.sofia.id)!.suspended = false;
      sandbox.state.getUser(SANDBOX_AGENTS.aiko.id)!.roleType = null;
    }
  });
});

describe('a refused assignment', () => {
  it('hands off to the group unassigned when the agent has left the group', async () => {
    // Marcus is in finance only; a stale roster still lists him for product support.
    const marcus = SANDBOX_AGENTS.marcus;
    const id = sandbox.inbound({ requester: { email: 'sam@acmebakery.example' }, subject: 'Crash', body: 'Export fails' }).ticket.id;
    const decision: Decision = { ...base, action: 'handoff', intent: 'bug_report', team: 'product_support' };
    const routing = { team: 'product_support', groupId: String(SANDBOX_GROUPS.product.id), agent: { id: String(marcus.id), name: marcus.name, skills: [], capacity: 10, open: 0 }, estimate: { online: true as const, minutes: 30 } };
    const result = await writeBack(input(id, decision, { routing }));
    expect(result.refused).toBe('assignment');
    expect(sandbox.state.getTicket(id)).toMatchObject({ groupId: SANDBOX_GROUPS.product.id, assigneeId: null });
  });

  it('assigns as usual when the agent can take the ticket', async () => {
    const rafael = SANDBOX_AGENTS.rafael;
    const id = sandbox.inbound({ requester: { email: 'sam@acmebakery.example' }, subject: 'Crash', body: 'It crashes again' }).ticket.id;
    const decision: Decision = { ...base, action: 'handoff', intent: 'bug_report', team: 'product_support' };
    const routing = { team: 'product_support', groupId: String(SANDBOX_GROUPS.product.id), agent: { id: String(rafael.id), name: rafael.name, skills: [], capacity: 10, open: 0 }, estimate: { online: true as const, minutes: 30 } };
    const result = await writeBack(input(id, decision, { routing }));
    expect(result.refused).toBeUndefined();
    expect(sandbox.state.getTicket(id)!.assigneeId).toBe(rafael.id);
    expect(sandbox.state.commentsFor(id).at(-1)!.body).toContain('Rafael');
  });
});

/**
 * An agent the roster still lists but the helpdesk will not assign: on Zendesk a light agent
 * (422), on Freshdesk an agent deleted since, whom Freshdesk keeps as a contact
 * (api-endpoints.md §5: DELETE downgrades to contact; the update answers 400).
 */
const CANNOT_TAKE_TICKETS = {
  zendesk: (s: Sandbox, id: number) => {
    s.state.getUser(id)!.roleType = ROLE_TYPE.lightAgent;
    return () => void (s.state.getUser(id)!.roleType = null);
  },
  freshdesk: (s: Sandbox, id: number) => {
    s.state.getUser(id)!.role = 'end-user';
    return () => void (s.state.getUser(id)!.role = 'agent');
  },
};

describe.each(HELPDESKS)('writes the account refuses (%s)', (name) => {
  let s: Sandbox;
  let client: HelpdeskPort;
  beforeAll(async () => {
    s = await startSandbox({ rateLimitPerMinute: 100_000, helpdesk: name });
    client = sandboxHelpdesk(s);
  });
  afterAll(async () => s?.close());

  it('hands off to the group unassigned, with the reason, and promises no named agent', async () => {
    // The roster was read before Jonas could no longer take tickets: routing still picks him.
    const jonas = SANDBOX_AGENTS.jonas;
    const id = s.inbound({ requester: { email: 'sam@acmebakery.example' }, subject: 'Crash', body: 'The app crashes on export' }).ticket.id;
    const restore = CANNOT_TAKE_TICKETS[name](s, jonas.id);
    try {
      const decision: Decision = { ...base, action: 'handoff', intent: 'bug_report', team: 'product_support' };
      const routing = { team: 'product_support', groupId: String(SANDBOX_GROUPS.product.id), agent: { id: String(jonas.id), name: jonas.name, skills: [], capacity: 10, open: 0 }, estimate: { online: true as const, minutes: 30 } };
      const result = await writeBack(input(id, decision, { routing, helpdesk: client.scoped() }));
      expect(result).toMatchObject({ outcome: 'written', refused: 'assignment' });
      const ticket = s.state.getTicket(id)!;
      expect(ticket.groupId).toBe(SANDBOX_GROUPS.product.id);
      expect(ticket.assigneeId).toBeNull();
      expect(ticket.tags).toEqual(expect.arrayContaining([tags.handoff, tags.reason('assignment_refused')]));
      const comments = s.state.commentsFor(id);
      const note = comments.find((c) => !c.public)!;
      expect(note.body).toContain('Assignment refused');
      const message = comments[comments.length - 1]!;
      expect(message.public).toBe(true);
      expect(message.body).not.toContain('Jonas');
    } finally {
      restore();
    }
  });

  it('posts the answer, leaves the ticket open with a note and the reason', async () => {
    s.state.requiredToSolve.set(360_000_777, 'Contact reason');
    try {
      const id = s.inbound({ requester: { email: 'sam@acmebakery.example' }, subject: 'Order', body: 'Where is my order?' }).ticket.id;
      const decision: Decision = { ...base, action: 'automate', intent: 'order_status', team: null, reply: 'Your order shipped yesterday.' };
      const result = await writeBack(input(id, decision, { automatedStatus: 'solved', helpdesk: client.scoped() }));
      expect(result).toMatchObject({ outcome: 'written', refused: 'solve' });
      const ticket = s.state.getTicket(id)!;
      expect(ticket.status).toBe('open');
      expect(ticket.tags).toEqual(expect.arrayContaining([tags.automated, tags.reason('solve_refused')]));
      const comments = s.state.commentsFor(id);
      expect(comments.filter((c) => c.public && c.body === 'Your order shipped yesterday.')).toHaveLength(1); // the customer hears it once
      expect(comments.find((c) => !c.public)?.body).toContain('Contact reason');
    } finally {
      s.state.requiredToSolve.clear();
    }
  });
});
