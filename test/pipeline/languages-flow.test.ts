/**
 * Customers who write in their own language, against the sandbox helpdesk: Baton triages
 * es, fr, de, pt, it and nl like English and answers in the language they wrote in (whatever
 * their profile says), keeps short misspelt English in English, and still hands a language it
 * does not read to a person with the existing reason.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HELPDESKS, publicComments, startStack, type Stack } from '../helpers/stack.js';

describe.each(HELPDESKS)('%s', (helpdesk) => {
  let stack: Stack;
  beforeAll(async () => {
    stack = await startStack({ helpdesk });
  });
  afterAll(async () => stack?.close());

  const fromBaton = (id: number) => publicComments(stack.sandbox, id).filter((c) => c.authorId === stack.sandbox.apiUser.id);

  async function writeIn(who: string, subject: string, body: string): Promise<number> {
    const id = stack.sandbox.inbound({ requester: { name: `${who} Test`, email: `${who.toLowerCase()}@lang.example` }, subject, body, channel: 'web' }).ticket.id;
    await stack.settle();
    return id;
  }

  describe("answers in the customer's language", () => {
    it.each([
      ['Lucia', 'pedido', 'Hola, ¿dónde está mi pedido NW-441203?', /^Hola Lucia:\n[\s\S]*Cuenta > Pedidos/],
      ['Julien', 'mot de passe', "J'ai oublié mon mot de passe, pouvez-vous m'aider ?", /^Bonjour Julien,\n[\s\S]*Mot de passe oublié/],
      ['Jonas', 'Passwort', 'Ich habe mein Passwort vergessen und komme nicht mehr rein', /^Hallo Jonas,\n[\s\S]*Passwort vergessen/],
      ['Joana', 'senha', 'Olá, esqueci minha senha e não consigo entrar', /^Olá Joana,\n[\s\S]*Esqueci minha senha/],
      ['Giulia', 'ordine', "Ciao, dov'è il mio ordine NW-441202?", /^Ciao Giulia,\n[\s\S]*Account > Ordini/],
      ['Sanne', 'bestelling', 'Waar blijft mijn bestelling NW-441201? Ik heb nog niets ontvangen.', /^Hallo Sanne,\n[\s\S]*Account > Bestellingen/],
    ])('%s writes in their language and gets the answer in it', async (who, subject, body, reply) => {
      const id = await writeIn(who, subject, body);
      const ticket = stack.sandbox.state.getTicket(id)!;
      expect(ticket.tags).toContain('baton_automated');
      expect(ticket.tags).not.toContain('baton_handoff');
      const replies = fromBaton(id);
      expect(replies).toHaveLength(1);
      expect(replies[0]!.body).toMatch(reply);
    });

    it('keeps short misspelt English in English', async () => {
      const id = await writeIn('Kai', 'order', 'orer NW-202158 haasnt shippped yet?');
      const ticket = stack.sandbox.state.getTicket(id)!;
      expect(ticket.tags).toContain('baton_automated');
      expect(ticket.tags).not.toContain('baton_language_unsupported');
      expect(fromBaton(id)[0]!.body).toMatch(/^Hi Kai,\n[\s\S]*Account > Orders/);
    });

    it('hands a language it does not read to a person, with the existing reason', async () => {
      const id = await writeIn('Zofia', 'zamówienie', 'Dzień dobry, gdzie jest moje zamówienie NW-441204? Czekam już tydzień.');
      const ticket = stack.sandbox.state.getTicket(id)!;
      expect(ticket.tags).toEqual(expect.arrayContaining(['baton_handoff', 'baton_language_unsupported']));
      expect(ticket.tags).not.toContain('baton_automated');
    });
  });
});
