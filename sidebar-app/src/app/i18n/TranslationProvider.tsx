/** Picks the agent's language from Zendesk (`currentUser.locale`) and provides `t()`. */
import { createContext, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { useClient } from '../zaf/ClientProvider';
import { translatorFor } from './catalog';
import type { Translator } from './translator';

const I18nContext = createContext<Translator | null>(null);

export function TranslationProvider({ children }: { children: ReactNode }) {
  const client = useClient();
  const [locale, setLocale] = useState<string | undefined>(undefined);
  useEffect(() => {
    let live = true;
    client
      .get('currentUser.locale')
      .then((d) => live && setLocale(typeof d['currentUser.locale'] === 'string' ? (d['currentUser.locale'] as string) : 'en'))
      .catch(() => live && setLocale('en'));
    return () => {
      live = false;
    };
  }, [client]);
  const translator = useMemo(() => (locale ? translatorFor(locale) : null), [locale]);
  if (!translator) return null;
  return <I18nContext.Provider value={translator}>{children}</I18nContext.Provider>;
}

export function useI18n(): Translator {
  const t = useContext(I18nContext);
  if (!t) throw new Error('useI18n must be used inside <TranslationProvider>');
  return t;
}
