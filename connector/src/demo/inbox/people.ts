/**
 * Who writes in. Names come from per-market lists so a German shop's staff have German names;
 * addresses are always under reserved example domains so the demo can never mail a real person.
 */
import type { Random } from './rng.js';
import type { OrgRecord } from './organizations.js';

export type Market = OrgRecord['market'];

interface NameBook {
  first: readonly string[];
  last: readonly string[];
  locales: readonly (readonly [string, number])[];
  /** Full name written family name first, with a space (Japanese convention). */
  familyNameFirst?: boolean;
}

const NAMES: Record<Market, NameBook> = {
  en: {
    first: [
      'Dana', 'Marcus', 'Priya', 'Tom', 'Aisha', 'Kevin', 'Rachel', 'Luis', 'Hannah', 'Owen', 'Grace', 'Derek',
      'Fatima', 'Ben', 'Chloe', 'Raj', 'Megan', 'Tyrone', 'Sophie', 'Jamal', 'Ellie', 'Victor', 'Nadia', 'Colin',
      'Imogen', 'Wei', 'Brianna', 'Patrick', 'Yusuf', 'Holly', 'Andre', 'Kirsten', 'Sam', 'Leah', 'Gareth', 'Mei',
      'Josh', 'Tamsin', 'Carlos', 'Bethany', 'Dmitri', 'Ruth', 'Kofi', 'Lauren', 'Aaron', 'Siobhan', 'Hiro', 'Jess',
      'Neil', 'Amara', 'Frank', 'Zoe', 'Ibrahim', 'Molly', 'Trevor', 'Anjali', 'Curtis', 'Naomi', 'Stuart', 'Lena',
    ],
    last: [
      'Whitfield', 'Okafor', 'Raman', 'Brennan', 'Castillo', 'Nguyen', 'Hargreaves', 'Patel', 'Schultz', 'Murphy',
      'Delgado', 'Kowalski', 'Adeyemi', 'Fraser', 'Lindqvist', 'Chen', 'McAllister', 'Osei', 'Park', 'Donnelly',
      'Rossi', 'Abbott', 'Greenwood', 'Haddad', 'Iqbal', 'Jensen', 'Kaur', 'Lowe', 'Mbeki', 'Novak', 'OBrien',
      'Pham', 'Quinn', 'Reyes', 'Sato', 'Thornton', 'Underwood', 'Vasquez', 'Walsh', 'Yilmaz', 'Zimmerman',
      'Bishop', 'Carver', 'Dawson', 'Ellison', 'Fischer', 'Gallagher', 'Holt', 'Ingram', 'Jacobs', 'Kim', 'Mensah',
    ],
    locales: [['en-US', 60], ['en-GB', 20], ['en-CA', 8], ['en-AU', 8], ['en-IE', 4]],
  },
  es: {
    first: ['Lucía', 'Javier', 'Carmen', 'Diego', 'Marta', 'Alejandro', 'Elena', 'Pablo'],
    last: ['Fernández', 'Ruiz', 'Moreno', 'Navarro', 'Ortega', 'Serrano', 'Gil', 'Romero'],
    // The Spanish texts use Spain's vosotros forms, so the writers are in Spain.
    locales: [['es-ES', 100]],
  },
  fr: {
    first: ['Camille', 'Julien', 'Élodie', 'Mathieu', 'Chloé', 'Antoine', 'Margaux', 'Nicolas'],
    last: ['Lefèvre', 'Moreau', 'Girard', 'Bonnet', 'Dupont', 'Lambert', 'Fontaine', 'Rousseau'],
    locales: [['fr-FR', 75], ['fr-CA', 25]],
  },
  de: {
    first: ['Katrin', 'Jonas', 'Sabine', 'Florian', 'Anja', 'Matthias', 'Lena', 'Tobias'],
    last: ['Bergmann', 'Hoffmann', 'Krüger', 'Wagner', 'Schäfer', 'Neumann', 'Vogel', 'Brandt'],
    locales: [['de-DE', 80], ['de-AT', 20]],
  },
  pt: {
    first: ['Ana', 'Rafael', 'Juliana', 'Thiago', 'Beatriz', 'Gustavo', 'Camila', 'Rodrigo'],
    last: ['Silva', 'Oliveira', 'Souza', 'Costa', 'Pereira', 'Almeida', 'Carvalho', 'Ribeiro'],
    // The Portuguese texts are Brazilian.
    locales: [['pt-BR', 100]],
  },
  // "romaji=native": the address is built from the romaji, the name is shown as written in Japan.
  ja: {
    first: ['Yuki=由紀', 'Haruto=陽翔', 'Aoi=葵', 'Ren=蓮', 'Sakura=さくら', 'Kenji=健二', 'Mio=美緒', 'Takumi=拓海'],
    last: ['Sato=佐藤', 'Suzuki=鈴木', 'Takahashi=高橋', 'Tanaka=田中', 'Watanabe=渡辺', 'Ito=伊藤', 'Yamamoto=山本', 'Nakamura=中村'],
    locales: [['ja-JP', 100]],
    familyNameFirst: true,
  },
  it: {
    first: ['Giulia', 'Marco', 'Francesca', 'Luca', 'Chiara', 'Matteo', 'Sara', 'Alessandro'],
    last: ['Bellini', 'Russo', 'Ferrari', 'Esposito', 'Romano', 'Colombo', 'Ricci', 'Marino'],
    locales: [['it-IT', 100]],
  },
};

/** Personal mail for people who buy as individuals; all reserved under RFC 2606. */
const PERSONAL_DOMAINS = ['example.com', 'example.org', 'example.net', 'mail.example.com', 'inbox.example.org'] as const;

export interface Person {
  first: string;
  last: string;
  name: string;
  email: string;
  locale: string;
}

/** Lowercase ASCII for the local part of an address: "Élodie" -> "elodie", "O'Brien" -> "obrien". */
function ascii(s: string): string {
  return s
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z]/g, '');
}

function localPart(rng: Random, first: string, last: string, personal: boolean): string {
  const f = ascii(first);
  const l = ascii(last);
  const shapes = personal
    ? [`${f}.${l}`, `${f}${l}${rng.int(70, 99)}`, `${f[0] ?? 'x'}${l}`, `${f}_${l}`, `${f}.${l}${rng.int(1, 9)}`, `${l}.${f}`, `${f}${rng.int(100, 999)}`]
    : [`${f}.${l}`, `${f}`, `${f[0] ?? 'x'}${l}`, `${f}.${l}`];
  return rng.pick(shapes);
}

/**
 * A new person. `taken` holds addresses already handed out tonight; a clash gets a digit so
 * two different requesters never share an address (the sandbox keys users by e-mail).
 */
export function makePerson(rng: Random, market: Market, orgDomain: string | undefined, taken: Set<string>): Person {
  const book = NAMES[market];
  const [firstLatin, firstNative = firstLatin] = rng.pick(book.first).split('=') as [string, string?];
  const [lastLatin, lastNative = lastLatin] = rng.pick(book.last).replace('OBrien', "O'Brien").split('=') as [string, string?];
  const domain = orgDomain ?? rng.pick(PERSONAL_DOMAINS);
  const base = localPart(rng, firstLatin, lastLatin, orgDomain === undefined);
  let email = `${base}@${domain}`;
  for (let n = 2; taken.has(email); n++) email = `${base}${n}@${domain}`;
  taken.add(email);
  const name = book.familyNameFirst ? `${lastNative} ${firstNative}` : `${firstNative} ${lastNative}`;
  return { first: firstNative, last: lastNative, name, email, locale: rng.weighted(book.locales) };
}

/** Language code of a market (ISO 639-1). */
export function marketLanguage(market: Market): string {
  return market;
}
