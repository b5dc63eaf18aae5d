/**
 * Language identification on the short, misspelt messages support actually gets: English stays
 * English, the supported languages are read as themselves, and a language outside the supported
 * set is named only when the detector is sure.
 */
import { describe, expect, it } from 'vitest';
import { detectLanguage } from '../../connector/src/triage/signals/language.js';
import { tokenize } from '../../connector/src/triage/text/tokens.js';
import { shippedIntentModel } from '../../connector/src/triage/model/intent-model.js';

const SUPPORTED = ['en', 'es', 'fr', 'de', 'pt', 'it', 'nl'];
const model = shippedIntentModel();
const read = (text: string, locale?: string) =>
  detectLanguage(text, tokenize(text), { minLetters: 20, isKnownWord: (w) => model.knowsWord(w), supported: SUPPORTED, locale });

describe('language of short, misspelt messages', () => {
  it.each([
    'orer NW-202158 haasnt shippped yet?',
    'order NW-88213 marked deliveerd, not received',
    'ordre 55190 damaged, refund please',
    'reset 2fa',
    'cancel pls',
    'sub renewal date?',
    'ORDER 4471 STILL NOT HERE',
    'u charged me 2x',
  ])('keeps English as English: %s', (text) => {
    expect(read(text).language).toBe('en');
  });

  it.each([
    ['es', 'olvide mi contraseña'],
    ['es', 'donde esta mi pedido 44812?'],
    ['fr', 'je narrive pas a me connecter'],
    ['fr', 'remboursement svp'],
    ['de', 'passwort vergessen'],
    ['de', 'wo ist meine bestellung 55120?'],
    ['pt', 'esqueci minha senha'],
    ['pt', 'fui cobrado duas vezes'],
    ['it', 'ho dimenticato la password'],
    ['it', 'mi avete addebitato due volte'],
    ['nl', 'wachtwoord vergeten'],
    ['nl', 'waar is mijn bestelling 55120?'],
  ])('reads %s: %s', (lang, text) => {
    expect(read(text).language).toBe(lang);
  });

  it("lets the requester's locale settle a near tie between two supported languages", () => {
    expect(read('reembolso por favor', 'pt-BR').language).toBe('pt');
  });

  it('names a language Baton does not read only when sure', () => {
    expect(read('Dzień dobry, nie mogę się zalogować do konta od wczoraj, proszę o pomoc')).toMatchObject({ language: 'pl', basis: 'detector' });
    expect(read('Здравствуйте, где мой заказ?')).toMatchObject({ language: 'ru', basis: 'detector' });
    expect(read('パスワードを忘れました').language).toBe('ja');
    // Too few letters to be sure in a Latin script: triaged (in English) rather than turned away.
    expect(read('şifremi unuttum')).toMatchObject({ language: 'en', basis: 'fallback' });
  });
});
