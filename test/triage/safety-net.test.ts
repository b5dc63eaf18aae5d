/**
 * Failure class 1 and item 3 of issue 11: money at risk and security are always a person's,
 * whatever the model reads, in every supported language. Phrasings written for this test from
 * the list (none is in connector/corpus); negation and inflection included.
 */
import { describe, expect, it } from 'vitest';
import { loadPolicy } from '../../connector/src/triage/policy/load.js';
import { createLocalTriage } from '../../connector/src/triage/engine/local.js';
import { findSafetyNet } from '../../connector/src/triage/signals/safety-net.js';
import { tokenize } from '../../connector/src/triage/text/tokens.js';
import { ticketInput } from './helpers.js';

const policy = loadPolicy();
const local = createLocalTriage(policy);
const risks = (text: string) => findSafetyNet(policy, tokenize(text)).map((h) => h.risk);

describe('money-at-risk and security net', () => {
  it.each([
    ['unrecognised_charge', 'There is a 49.90 debit on my account from a shop I have never heard of, I did not authorise it'],
    ['unrecognised_charge', 'Who took 120 dollars from my account? I see a payment I do not recognise'],
    ['double_charge', 'You billed me two times for the same month'],
    ['double_charge', 'I am going to dispute this with my card issuer'],
    ['lost_or_stolen', 'Somebody nicked my wallet with both cards in it this morning'],
    ['lost_or_stolen', 'I left my phone on the train and it is gone, it has your app on it'],
    ['account_compromised', 'A stranger logged into my account from another country and changed the email'],
    ['fraud_or_scam', 'I got a text pretending to be from you asking for my card number, is this a scam?'],
    ['money_misdirected', 'I transferred the deposit to the wrong IBAN by accident'],
  ])('%s: "%s"', (risk, text) => {
    expect(risks(text)).toContain(risk);
  });

  it.each([
    ['es', 'Ayer me robaron la cartera con la tarjeta dentro'],
    ['es', 'Veo un cobro que no reconozco de 35 euros'],
    ['es', 'Me cobraron dos veces el mismo pedido'],
    ['fr', "On m'a volé mon portable dans le métro"],
    ['fr', 'Mon compte a été piraté hier soir'],
    ['fr', "J'ai été débité deux fois pour la même commande"],
    ['de', 'Mein Handy wurde gestern gestohlen'],
    ['de', 'Ich sehe eine Abbuchung, die ich nicht autorisiert habe'],
    ['de', 'Sie haben mir den Betrag doppelt abgebucht'],
    ['pt', 'Roubaram meu cartão ontem no ônibus'],
    ['pt', 'Caí num golpe e fiz um pix para a conta errada'],
    ['it', 'Mi hanno rubato il cellulare con la carta'],
    ['it', 'Il mio account è stato hackerato'],
    ['nl', 'Mijn bankpas is gestolen'],
    ['nl', 'Er staat een afschrijving op mijn rekening die ik niet herken'],
  ])('%s: "%s"', (_lang, text) => {
    expect(risks(text).length).toBeGreaterThan(0);
  });

  it('reads inflections the English stemmer does not know, and ignores accents', () => {
    for (const text of ['tarjeta robada', 'tarjetas robadas', 'la tarjeta fue robada', 'gestohlene Karte', 'cartao roubado', 'carta smarrita']) {
      expect(risks(text), text).toContain('lost_or_stolen');
    }
  });

  it('does not fire on a denial, in any language', () => {
    for (const text of [
      "My card wasn't stolen, I just need a copy of the invoice",
      'I have not lost my phone, I want to change my number',
      'Mi tarjeta no fue robada, solo quiero la factura',
      'Meine Karte wurde nicht gestohlen, ich suche nur die Rechnung',
      "Ma carte n'a pas été volée, je cherche ma facture",
      'Il mio telefono non è stato rubato',
      'Mijn pas is niet gestolen',
    ]) {
      expect(risks(text), text).toEqual([]);
    }
  });

  it('keeps a denial that is the risk itself ("I did not authorise this payment")', () => {
    expect(risks('I did not authorise this payment')).toContain('unrecognised_charge');
  });

  it('hands off what the model reads as a routine billing question, urgent and to finance', async () => {
    // The project's own sidebar fixture: "You charged my card twice for March" was answered by billing at 88%.
    const d = await local.decide(ticketInput('You charged my card twice for March'));
    expect(d.action).toBe('handoff');
    expect(d.reasons.map((r) => r.code)).toContain('money_or_security_at_risk');
    expect(d).toMatchObject({ priority: 'urgent', team: 'finance' });
  });

  it('hands off a stolen card even when nothing else asks for a person', async () => {
    const d = await local.decide(ticketInput('my debit card got stolen, can you send the invoice for May'));
    expect(d.action).toBe('handoff');
    expect(d.reasons.find((r) => r.code === 'money_or_security_at_risk')?.text).toContain('lost or stolen');
  });
});
