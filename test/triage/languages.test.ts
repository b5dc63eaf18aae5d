/**
 * Triage in every language Baton reads: routine requests are recognised and automated, and
 * asking for money back or to cancel reaches a person in each language, as the English
 * keyword triggers make it do in English. Messages written for this test, not taken from
 * the corpus or any dataset.
 */
import { describe, expect, it } from 'vitest';
import { loadPolicy } from '../../connector/src/triage/policy/load.js';
import { createLocalTriage } from '../../connector/src/triage/engine/local.js';
import { ticketInput } from './helpers.js';

const local = createLocalTriage(loadPolicy());

describe('triage in es, fr, de, pt, it and nl', () => {
  it.each([
    ['es', 'password_reset', 'Hola, no me acuerdo de mi contraseña y no puedo entrar. ¿Cómo la cambio?'],
    ['fr', 'order_status', "Bonjour, ma commande NW-771020 n'est toujours pas livrée, où en est-elle ?"],
    ['de', 'password_reset', 'Hallo, ich habe mein Passwort vergessen. Wie kann ich es zurücksetzen?'],
    ['pt', 'order_status', 'Oi, meu pedido NW-771021 ainda não chegou, onde ele está?'],
    ['it', 'password_reset', 'Salve, ho dimenticato la password e non riesco a entrare, come la reimposto?'],
    ['nl', 'order_status', 'Hoi, mijn bestelling NW-771022 is nog steeds niet aangekomen, waar blijft hij?'],
  ])('%s: reads a routine %s request and automates it', async (lang, intent, text) => {
    const d = await local.decide(ticketInput(text));
    expect(d).toMatchObject({ language: lang, intent, action: 'automate' });
  });

  it.each([
    ['es', 'Quiero darme de baja y que no me vuelvan a cobrar', 'trigger_cancel'],
    ['fr', 'Je souhaite résilier mon abonnement dès ce mois-ci', 'trigger_cancel'],
    ['de', 'Bitte kündigen Sie meinen Vertrag zum Monatsende', 'trigger_cancel'],
    ['pt', 'Quero o estorno da compra que fiz por engano', 'trigger_refund'],
    ['it', 'Vorrei il rimborso del pacco arrivato danneggiato', 'trigger_refund'],
    ['nl', 'Ik wil mijn geld terug voor de kapotte koptelefoon', 'trigger_refund'],
  ])('%s: asking to cancel or for money back hands off with the keyword trigger', async (lang, text, trigger) => {
    const d = await local.decide(ticketInput(text));
    expect(d.language).toBe(lang);
    expect(d.action).toBe('handoff');
    expect(d.reasons.map((r) => r.code)).toContain(trigger);
  });
});
