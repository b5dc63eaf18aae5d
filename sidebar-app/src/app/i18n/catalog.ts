/** The app's UI strings per locale, bundled (a few kB each), chosen by the agent's locale. */
import de from '../../translations/de.json';
import en from '../../translations/en.json';
import es from '../../translations/es.json';
import fr from '../../translations/fr.json';
import ja from '../../translations/ja.json';
import ptBr from '../../translations/pt-br.json';
import { createTranslator, localeCandidates, type Strings, type Translator } from './translator';

export const CATALOG: Record<string, Strings> = { en, es, fr, de, ja, 'pt-br': ptBr };

export function translatorFor(locale: string | undefined): Translator {
  const found = localeCandidates(locale).find((l) => l in CATALOG) ?? 'en';
  return createTranslator(found, CATALOG[found]!);
}
