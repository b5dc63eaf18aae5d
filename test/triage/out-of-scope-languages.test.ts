/**
 * General-knowledge questions and tasks for a personal assistant (sums and shapes, cooking,
 * one's own television or car) are nobody's support ticket, in any language Baton reads: they
 * hand off, however much "how do I ..." sounds like a how-to. Phrasings written for this test
 * from that description; none is in connector/corpus.
 */
import { describe, expect, it } from 'vitest';
import { loadPolicy } from '../../connector/src/triage/policy/load.js';
import { createLocalTriage } from '../../connector/src/triage/engine/local.js';
import { ticketInput } from './helpers.js';

const local = createLocalTriage(loadPolicy());
const decide = (text: string) => local.decide(ticketInput(text));

describe('questions for an assistant, not for support, in every language', () => {
  it.each([
    ['nl', 'hoe bereken ik de inhoud van een cilinder'],
    ['nl', 'hoe maak ik pannenkoeken'],
    ['nl', 'hoe zet ik mijn tv op de sportzender'],
    ['it', 'come si calcola la media dei voti'],
    ['it', 'come collego il telefono alla macchina'],
    ['es', 'cómo se hace el gazpacho'],
    ['fr', 'comment calculer la moyenne de mes notes'],
    ['de', 'wie berechne ich den Flächeninhalt eines Trapezes'],
    ['de', 'wie lange kocht man Spaghetti'],
    ['pt', 'como se faz pão de queijo'],
  ])('%s: hands off "%s"', async (_language, text) => {
    expect((await decide(text)).action).toBe('handoff');
  });

  it.each([
    ['nl', 'hoe exporteer ik mijn contacten naar Excel'],
    ['es', 'cómo exporto mis contactos a Excel'],
    ['fr', 'comment exporter mes contacts vers Excel'],
    ['de', 'wie exportiere ich meine Kontakte nach Excel'],
    ['pt', 'como exporto os meus contactos para o Excel'],
  ])('%s: still answers a how-to about the product: "%s"', async (_language, text) => {
    expect(await decide(text)).toMatchObject({ action: 'automate', intent: 'how_to' });
  });
});
