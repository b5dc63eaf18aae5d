/**
 * The customer-facing handoff message, in the customer's language where we have it.
 * It presents the handoff as getting a specialist, never as a failure, and keeps the
 * promise the estimate can support.
 */
import { localeTag } from '../locale.js';
import { TEAM_LABELS } from './teams.js';
import type { WaitEstimate } from './wait-estimate.js';

type Lang = 'en' | 'es' | 'fr' | 'de' | 'pt' | 'it' | 'nl' | 'ja';

interface Words {
  hi: (name: string) => string;
  thanks: string;
  online: (who: string, minutes: number) => string;
  offline: (team: string, when: string) => string;
  specialist: (team: string) => string;
  named: (agent: string, team: string) => string;
  teams: Record<string, string>;
}

const WORDS: Record<Lang, Words> = {
  en: {
    hi: (n) => `Hi ${n},`,
    thanks: "Thanks for your message. I've passed it on with everything you've told us, so you won't need to repeat yourself.",
    online: (who, m) => `${who} will reply within ${m} minutes.`,
    offline: (team, when) => `Our ${team} team is offline right now; you're next in line and we'll reply by ${when}.`,
    specialist: (team) => `A specialist from our ${team} team`,
    named: (a, team) => `${a} from our ${team} team`,
    teams: TEAM_LABELS,
  },
  es: {
    hi: (n) => `Hola ${n}:`,
    thanks: 'Gracias por tu mensaje. Lo hemos pasado con todo lo que nos has contado, así que no tendrás que repetirlo.',
    online: (who, m) => `${who} te responderá en menos de ${m} minutos.`,
    offline: (team, when) => `Nuestro equipo de ${team} no está disponible ahora; eres el siguiente y te responderemos antes de las ${when}.`,
    specialist: (team) => `Un especialista de nuestro equipo de ${team}`,
    named: (a, team) => `${a}, de nuestro equipo de ${team},`,
    teams: { general_support: 'soporte', finance: 'facturación', product_support: 'soporte de producto', revenue: 'ventas', trust_safety: 'seguridad y privacidad', senior_support: 'atención prioritaria' },
  },
  fr: {
    hi: (n) => `Bonjour ${n},`,
    thanks: "Merci pour votre message. Nous l'avons transmis avec tout ce que vous nous avez dit : vous n'aurez pas à vous répéter.",
    online: (who, m) => `${who} vous répondra d'ici ${m} minutes.`,
    offline: (team, when) => `Notre équipe ${team} est hors ligne pour le moment ; vous êtes le prochain et nous vous répondrons avant ${when}.`,
    specialist: (team) => `Un spécialiste de notre équipe ${team}`,
    named: (a, team) => `${a}, de notre équipe ${team},`,
    teams: { general_support: 'support', finance: 'facturation', product_support: 'support produit', revenue: 'commerciale', trust_safety: 'sécurité et confidentialité', senior_support: 'support prioritaire' },
  },
  de: {
    hi: (n) => `Hallo ${n},`,
    thanks: 'Danke für Ihre Nachricht. Wir haben sie mit allem, was Sie uns geschrieben haben, weitergegeben – Sie müssen nichts wiederholen.',
    online: (who, m) => `${who} antwortet Ihnen innerhalb von ${m} Minuten.`,
    offline: (team, when) => `Unser ${team}-Team ist gerade nicht erreichbar; Sie sind als Nächstes dran und erhalten bis ${when} eine Antwort.`,
    specialist: (team) => `Ein Spezialist aus unserem ${team}-Team`,
    named: (a, team) => `${a} aus unserem ${team}-Team`,
    teams: { general_support: 'Support', finance: 'Abrechnungs', product_support: 'Produktsupport', revenue: 'Vertriebs', trust_safety: 'Sicherheits', senior_support: 'Premium-Support' },
  },
  pt: {
    hi: (n) => `Olá ${n},`,
    thanks: 'Obrigado pela sua mensagem. Nós a encaminhamos com tudo o que você nos contou, então você não precisará repetir nada.',
    online: (who, m) => `${who} responderá em até ${m} minutos.`,
    offline: (team, when) => `Nossa equipe de ${team} está offline agora; você é o próximo da fila e responderemos até ${when}.`,
    specialist: (team) => `Um especialista da nossa equipe de ${team}`,
    named: (a, team) => `${a}, da nossa equipe de ${team},`,
    teams: { general_support: 'suporte', finance: 'faturamento', product_support: 'suporte ao produto', revenue: 'vendas', trust_safety: 'segurança e privacidade', senior_support: 'atendimento prioritário' },
  },
  it: {
    hi: (n) => `Ciao ${n},`,
    thanks: 'Grazie per il tuo messaggio. Lo abbiamo inoltrato con tutto quello che ci hai detto, così non dovrai ripetere nulla.',
    online: (who, m) => `${who} ti risponderà entro ${m} minuti.`,
    offline: (team, when) => `Il nostro team ${team} ora non è in linea; sei il prossimo in coda e ti risponderemo entro ${when}.`,
    specialist: (team) => `Uno specialista del nostro team ${team}`,
    named: (a, team) => `${a} del nostro team ${team}`,
    teams: { general_support: 'assistenza', finance: 'fatturazione', product_support: 'assistenza prodotto', revenue: 'vendite', trust_safety: 'sicurezza e privacy', senior_support: 'assistenza prioritaria' },
  },
  nl: {
    hi: (n) => `Hallo ${n},`,
    thanks: 'Bedankt voor je bericht. We hebben het doorgegeven met alles wat je ons verteld hebt, dus je hoeft niets te herhalen.',
    online: (who, m) => `${who} antwoordt binnen ${m} minuten.`,
    offline: (team, when) => `Ons ${team}team is nu niet bereikbaar; je bent als volgende aan de beurt en we antwoorden uiterlijk ${when}.`,
    specialist: (team) => `Een specialist van ons ${team}team`,
    named: (a, team) => `${a} van ons ${team}team`,
    teams: { general_support: 'support', finance: 'facturatie', product_support: 'productsupport', revenue: 'sales', trust_safety: 'beveiligings- en privacy', senior_support: 'prioriteits' },
  },
  ja: {
    hi: (n) => `${n}様`,
    thanks: 'お問い合わせありがとうございます。いただいた内容はすべて担当者に引き継ぎましたので、同じ説明を繰り返していただく必要はありません。',
    online: (who, m) => `${who}が${m}分以内にご返信いたします。`,
    offline: (team, when) => `ただいま${team}チームは営業時間外です。順番が来しだい、${when}までにご返信いたします。`,
    specialist: (team) => `${team}チームの担当者`,
    named: (a, team) => `${team}チームの${a}`,
    teams: { general_support: 'サポート', finance: '請求', product_support: '製品サポート', revenue: '営業', trust_safety: 'セキュリティ', senior_support: '優先サポート' },
  },
};

export function languageOf(locale: string | undefined, detected?: string): Lang {
  // The locale may be a language name ("German" is de, not "ge").
  const tag = localeTag(detected && detected !== 'und' ? detected : locale) ?? 'en';
  const base = tag.split('-')[0]!;
  return (base in WORDS ? base : 'en') as Lang;
}

export function waitMessageText(opts: { lang: Lang; team: string | null; customerFirstName?: string; agentFirstName?: string; estimate: WaitEstimate }): string {
  const w = WORDS[opts.lang];
  const team = w.teams[opts.team ?? 'general_support'] ?? w.teams.general_support!;
  const who = opts.agentFirstName ? w.named(opts.agentFirstName, team) : w.specialist(team);
  const promise = opts.estimate.online ? w.online(who, opts.estimate.minutes) : w.offline(team, opts.estimate.opensText);
  const greeting = opts.customerFirstName ? `${w.hi(opts.customerFirstName)}\n\n` : '';
  return `${greeting}${w.thanks} ${promise}`;
}
