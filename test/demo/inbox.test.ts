import { describe, expect, it } from 'vitest';
import {
  buildOvernightInbox,
  DEFAULT_SEED,
  INTENTS,
  intentCounts,
  isVipOrganization,
  TEAMS,
  type InboxTicket,
} from '../../connector/src/demo/inbox/index.js';

// Built once: generating a night takes ~100 ms and every test reads the same default night.
const night = buildOvernightInbox();
const tickets = night.tickets;
const counts = intentCounts(tickets);

function upperShare(text: string): number {
  const letters = text.replace(/[^A-Za-z]/g, '');
  return letters.length === 0 ? 0 : letters.replace(/[^A-Z]/g, '').length / letters.length;
}

const ALL_TEXT = (t: InboxTicket): string[] => [t.subject, t.body, ...t.followUps.map((f) => f.body)];

describe('overnight inbox: determinism', () => {
  it('gives the same night for the same seed', () => {
    expect(buildOvernightInbox(DEFAULT_SEED)).toEqual(night);
    expect(buildOvernightInbox(42)).toEqual(buildOvernightInbox(42));
  });

  it('gives a different night for a different seed', () => {
    const other = buildOvernightInbox(DEFAULT_SEED + 1);
    const bodies = new Set(tickets.map((t) => t.body));
    // Bare chat lines ("agent") and the hand-written story tickets may recur; written mail may not.
    const shared = other.tickets.filter((t) => t.channel !== 'chat' && bodies.has(t.body)).length;
    expect(shared).toBeLessThan(12);
    expect(other.tickets.map((t) => t.subject)).not.toEqual(tickets.map((t) => t.subject));
  });
});

describe('overnight inbox: other seeds', () => {
  it.each([1, 2, 3, 99, 123_456])('keeps the invariants for seed %i', (seed) => {
    const other = buildOvernightInbox(seed);
    expect(other.tickets).toHaveLength(500);
    expect(new Set(other.tickets.map((t) => t.body)).size).toBe(500);
    const orgKeys = new Set(other.organizations.map((o) => o.key));
    const c = intentCounts(other.tickets);
    for (const intent of INTENTS) expect(c[intent], intent).toBeGreaterThan(0);
    for (const t of other.tickets) {
      for (const text of ALL_TEXT(t)) expect(text).not.toMatch(/\{[A-Za-z]+\}|undefined|NaN/);
      if (t.requester.organizationKey !== undefined) expect(orgKeys.has(t.requester.organizationKey)).toBe(true);
      if (t.expected.mustEscalate) expect(t.expected.team).not.toBeNull();
    }
    expect(other.tickets.filter((t) => t.language !== 'en').length).toBeGreaterThanOrEqual(6);
  });
});

describe('overnight inbox: shape', () => {
  it('has exactly 500 tickets by default, keyed n-0001.. in arrival order', () => {
    expect(tickets).toHaveLength(500);
    expect(new Set(tickets.map((t) => t.key)).size).toBe(500);
    tickets.forEach((t, i) => expect(t.key).toBe(`n-${String(i + 1).padStart(4, '0')}`));
    for (let i = 1; i < tickets.length; i++) {
      expect(tickets[i]!.arrivesAtMinute).toBeGreaterThanOrEqual(tickets[i - 1]!.arrivesAtMinute);
    }
  });

  it('spreads arrivals over the whole night, 22:00 to 08:00', () => {
    const hours = new Map<number, number>();
    for (const t of tickets) {
      expect(t.arrivesAtMinute).toBeGreaterThanOrEqual(0);
      expect(t.arrivesAtMinute).toBeLessThan(600);
      const h = Math.floor(t.arrivesAtMinute / 60);
      hours.set(h, (hours.get(h) ?? 0) + 1);
    }
    for (let h = 0; h < 10; h++) expect(hours.get(h) ?? 0).toBeGreaterThan(10);
  });

  it('has no two tickets with the same body, and no unfilled placeholders', () => {
    expect(new Set(tickets.map((t) => t.body)).size).toBe(tickets.length);
    for (const t of tickets) {
      expect(t.subject.trim()).not.toBe('');
      expect(t.body.trim()).not.toBe('');
      for (const text of ALL_TEXT(t)) expect(text).not.toMatch(/\{[A-Za-z]+\}|undefined|NaN/);
    }
  });

  it('uses only known channels, intents and teams', () => {
    for (const t of tickets) {
      expect(['email', 'web', 'chat']).toContain(t.channel);
      expect(INTENTS).toContain(t.expected.intent);
      if (t.expected.team !== null) expect(TEAMS).toContain(t.expected.team);
      expect(t.expected.why.length).toBeGreaterThan(10);
    }
  });

  it('scales to other sizes and keeps the scripted tickets', () => {
    const small = buildOvernightInbox(7, { count: 50 });
    expect(small.tickets).toHaveLength(50);
    expect(small.tickets.some((t) => t.requester.organizationKey === 'acme' && t.expected.intent === 'complaint')).toBe(true);
    expect(() => buildOvernightInbox(7, { count: 5 })).toThrow(RangeError);
  });
});

describe('overnight inbox: mix', () => {
  it('contains every intent', () => {
    for (const intent of INTENTS) expect(counts[intent], intent).toBeGreaterThan(0);
  });

  it('is about half routine, in the proportions of a real night', () => {
    const near = (n: number, target: number): void => {
      expect(n).toBeGreaterThanOrEqual(Math.floor(target * 0.85));
      expect(n).toBeLessThanOrEqual(Math.ceil(target * 1.15));
    };
    near(counts.password_reset, 70);
    near(counts.account_locked, 30);
    near(counts.order_status, 70);
    near(counts.how_to, 50);
    near(counts.billing_question, 30);
    const routine = counts.password_reset + counts.account_locked + counts.order_status + counts.how_to + counts.billing_question;
    expect(routine / tickets.length).toBeGreaterThan(0.45);
    expect(routine / tickets.length).toBeLessThan(0.55);
    for (const intent of ['refund_request', 'cancellation', 'bug_report', 'feature_request', 'sales_inquiry', 'complaint', 'account_update', 'other'] as const) {
      expect(counts[intent], intent).toBeGreaterThanOrEqual(10);
    }
  });

  it('arrives through all three channels, chat as short one-liners', () => {
    const chats = tickets.filter((t) => t.channel === 'chat');
    expect(chats.length).toBeGreaterThan(50);
    expect(tickets.filter((t) => t.channel === 'email').length).toBeGreaterThan(150);
    expect(tickets.filter((t) => t.channel === 'web').length).toBeGreaterThan(50);
    const oneLiners = chats.filter((t) => !t.body.includes('\n') && t.body.length < 120);
    expect(oneLiners.length / chats.length).toBeGreaterThan(0.9);
  });
});

describe('overnight inbox: languages', () => {
  const foreign = tickets.filter((t) => t.language !== 'en');

  it('has about eight tickets in other languages, each labelled with its language', () => {
    expect(foreign.length).toBeGreaterThanOrEqual(6);
    expect(foreign.length).toBeLessThanOrEqual(12);
    expect(new Set(foreign.map((t) => t.language))).toEqual(new Set(['es', 'fr', 'de', 'pt', 'ja', 'it']));
  });

  it('matches each ticket language to the requester locale and the words', () => {
    for (const t of tickets) expect(t.requester.locale.split('-')[0], t.key).toBe(t.language);
    const marker: Record<string, RegExp> = {
      es: /\b(hola|buenas|pedido|contraseña|gracias)\b/i,
      fr: /\b(bonjour|bonsoir|commande|merci)\b/i,
      de: /\b(hallo|guten|bitte|grüße|fehler)\b/i,
      pt: /\b(olá|oi|pedido|rastreio|rastreamento)\b/i,
      ja: /[\u3040-\u30ff\u4e00-\u9faf]/,
      it: /\b(buonasera|salve|fattura|addebito|grazie)\b/i,
    };
    for (const t of foreign) expect(t.body, t.key).toMatch(marker[t.language]!);
  });
});

describe('overnight inbox: people and organizations', () => {
  const orgKeys = new Set(night.organizations.map((o) => o.key));

  it('points every requester at an organization that exists', () => {
    expect(orgKeys.size).toBe(night.organizations.length);
    for (const t of tickets) {
      if (t.requester.organizationKey !== undefined) expect(orgKeys.has(t.requester.organizationKey), t.key).toBe(true);
    }
    expect(tickets.filter((t) => t.requester.organizationKey !== undefined).length).toBeGreaterThan(150);
    expect(tickets.filter((t) => t.requester.organizationKey === undefined).length).toBeGreaterThan(100);
  });

  it('has several enterprise VIP accounts and a long tail of small ones', () => {
    const enterprise = night.organizations.filter((o) => o.fields.plan === 'enterprise');
    expect(enterprise.length).toBeGreaterThanOrEqual(5);
    for (const o of enterprise) expect(o.fields.arr).toBeGreaterThanOrEqual(50_000);
    expect(enterprise.filter((o) => o.fields.open_opportunity).length).toBeGreaterThanOrEqual(3);
    expect(night.organizations.find((o) => o.key === 'acme')?.fields).toEqual({ plan: 'enterprise', arr: 120_000, open_opportunity: true });
    expect(night.organizations.filter((o) => !isVipOrganization(o)).length).toBeGreaterThanOrEqual(30);
  });

  it('only uses reserved example domains for e-mail', () => {
    for (const t of tickets) expect(t.requester.email, t.key).toMatch(/^[^@\s]+@([a-z0-9-]+\.)*example\.(com|org|net)$/);
    expect(new Set(tickets.map((t) => t.requester.email)).size).toBe(tickets.length);
  });
});

describe('overnight inbox: the story tickets', () => {
  it('has the enterprise customer threatening to churn, getting angrier', () => {
    const churn = tickets.find((t) => t.requester.organizationKey === 'acme' && /renew/i.test(t.body) && t.expected.intent === 'complaint');
    expect(churn).toBeDefined();
    expect(churn!.expected).toMatchObject({ mustEscalate: true, team: 'senior_support' });
    expect(churn!.followUps.length).toBeGreaterThanOrEqual(2);
    const last = churn!.followUps.at(-1)!;
    expect(upperShare(last.body)).toBeGreaterThan(0.9);
    expect(churn!.followUps[0]!.body).toMatch(/tried that already|isn't working/i);
  });

  it('has a feature request from the biggest prospect, routed to revenue', () => {
    const prospects = night.organizations.filter((o) => o.fields.open_opportunity && o.fields.arr === 0);
    const fromProspect = tickets.filter((t) => t.expected.intent === 'feature_request' && prospects.some((o) => o.key === t.requester.organizationKey));
    expect(fromProspect.length).toBeGreaterThanOrEqual(1);
    expect(fromProspect[0]!.expected).toMatchObject({ mustEscalate: true, team: 'revenue' });
  });

  it('has a legal threat and a GDPR request for trust & safety', () => {
    const legal = tickets.filter((t) => t.expected.intent === 'legal_privacy_security');
    expect(legal.some((t) => /lawsuit|attorney|solicitor|lawyer/i.test(t.body))).toBe(true);
    expect(legal.some((t) => /GDPR|General Data Protection/i.test(t.body))).toBe(true);
    for (const t of legal) expect(t.expected).toMatchObject({ mustEscalate: true, team: 'trust_safety' });
  });

  it('has bug reports with steps, versions and error messages', () => {
    const bugs = tickets.filter((t) => t.expected.intent === 'bug_report' && t.channel !== 'chat');
    expect(bugs.filter((t) => /\n1\. .+\n2\. /.test(t.body)).length).toBeGreaterThan(10);
    expect(bugs.filter((t) => /\b\d+\.\d+(\.\d+)?\b/.test(t.body)).length).toBeGreaterThan(10);
    expect(bugs.filter((t) => /E-\d{4}|HTTP 5\d\d|error/i.test(t.body)).length).toBeGreaterThan(10);
  });
});

describe('overnight inbox: what real mail looks like', () => {
  it('includes quoted earlier replies', () => {
    const quoted = tickets.filter((t) => /wrote:\n>|^> On .+ wrote:|^From: Northwind Support/m.test(t.body));
    expect(quoted.length).toBeGreaterThanOrEqual(8);
    expect(quoted.some((t) => /^> /m.test(t.body))).toBe(true);
  });

  it('includes signatures, phone footers and disclaimers', () => {
    expect(tickets.filter((t) => /^(Sent from my|Get Outlook for)/m.test(t.body)).length).toBeGreaterThanOrEqual(10);
    expect(tickets.filter((t) => /\n(T: )?\+\d/.test(t.body)).length).toBeGreaterThanOrEqual(20);
    expect(tickets.filter((t) => /confidential|scanned for viruses|environment before printing|Disclaimer/i.test(t.body)).length).toBeGreaterThanOrEqual(5);
  });

  it('includes long e-mails, one-liners, shouting, typos and auto-replies', () => {
    expect(tickets.filter((t) => t.body.length > 700).length).toBeGreaterThanOrEqual(10);
    expect(tickets.filter((t) => t.body.length < 40).length).toBeGreaterThanOrEqual(10);
    const shouting = tickets.filter((t) => t.body.split('\n\n').some((p) => p.replace(/[^A-Za-z]/g, '').length >= 20 && upperShare(p) > 0.9));
    expect(shouting.length).toBeGreaterThanOrEqual(2);
    const shoutedFollowUps = tickets.flatMap((t) => t.followUps).filter((f) => f.body.replace(/[^A-Za-z]/g, '').length >= 15 && upperShare(f.body) > 0.9);
    expect(shoutedFollowUps.length).toBeGreaterThanOrEqual(3);
    expect(tickets.filter((t) => /\b(recieve|recieved|definately|adress|pasword|acount|untill|allready|wich|becuase|pleae|jsut)\b/i.test(t.body)).length).toBeGreaterThanOrEqual(3);
    expect(tickets.filter((t) => /^(Automatic reply|Out of Office|Auto-Reply)/i.test(t.subject)).length).toBeGreaterThanOrEqual(3);
  });

  it('has follow-ups, some of them angry', () => {
    const withFollowUps = tickets.filter((t) => t.followUps.length > 0);
    expect(withFollowUps.length).toBeGreaterThanOrEqual(25);
    for (const t of withFollowUps) for (const f of t.followUps) expect(f.afterMinutes).toBeGreaterThan(0);
    expect(tickets.some((t) => t.followUps.some((f) => /never got the reset|still nothing/i.test(f.body)))).toBe(true);
    const angry = withFollowUps.filter((t) => t.followUps.some((f) => /tried that already|isn't working|ridiculous|frustrated/i.test(f.body) || upperShare(f.body) > 0.9));
    expect(angry.length).toBeGreaterThanOrEqual(8);
  });
});

describe('overnight inbox: labels follow the escalation rules', () => {
  it('always escalates complaints, human requests, legal, refunds and cancellations', () => {
    for (const t of tickets) {
      if (['complaint', 'human_request', 'legal_privacy_security', 'refund_request', 'cancellation'].includes(t.expected.intent)) {
        expect(t.expected.mustEscalate, t.key).toBe(true);
      }
    }
  });

  it('escalates every problem from a VIP account and every angry follow-up', () => {
    const vipKeys = new Set(night.organizations.filter(isVipOrganization).map((o) => o.key));
    const vip = tickets.filter((t) => vipKeys.has(t.requester.organizationKey ?? '') && t.expected.intent !== 'other');
    expect(vip.length).toBeGreaterThanOrEqual(5);
    for (const t of vip) expect(t.expected.mustEscalate, t.key).toBe(true);
    for (const t of tickets) {
      if (t.followUps.some((f) => /tried that already|isn't working|ridiculous/i.test(f.body) || upperShare(f.body) > 0.9)) {
        expect(t.expected.mustEscalate, t.key).toBe(true);
      }
    }
  });

  it('gives a team to every escalation and none to plain routine or noise', () => {
    for (const t of tickets) {
      if (t.expected.mustEscalate) expect(t.expected.team, t.key).not.toBeNull();
      if (t.expected.intent === 'other') expect(t.expected.team, t.key).toBeNull();
    }
    const routine = tickets.filter((t) => ['password_reset', 'order_status'].includes(t.expected.intent) && !t.expected.mustEscalate);
    expect(routine.length).toBeGreaterThan(100);
    for (const t of routine) expect(t.expected.team, t.key).toBeNull();
    const finance = tickets.filter((t) => ['refund_request', 'cancellation'].includes(t.expected.intent) && t.expected.team !== 'senior_support');
    for (const t of finance) expect(t.expected.team, t.key).toBe('finance');
  });

  // Issue 11: lost or stolen phones and unrecognised charges are always a person's, in any intent.
  it('labels every lost phone and unknown or unrecognised charge must-escalate, to its safety-net team', () => {
    const atRisk = [
      { when: /lost my phone/i, team: 'trust_safety' },
      { when: /unknown charge|do not recognise/i, team: 'finance' },
    ];
    let seen = 0;
    for (const t of [...tickets, ...buildOvernightInbox(DEFAULT_SEED + 3).tickets]) {
      const risk = atRisk.find((r) => r.when.test(`${t.subject}\n${t.body}`));
      if (!risk || t.language !== 'en') continue;
      seen++;
      expect(t.expected.mustEscalate, t.key).toBe(true);
      if (!/VIP account/.test(t.expected.why)) expect(t.expected.team, t.key).toBe(risk.team);
    }
    expect(seen).toBeGreaterThan(3);
  });
});
