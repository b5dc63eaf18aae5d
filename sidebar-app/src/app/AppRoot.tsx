/**
 * The whole app for one ZAF client: the client itself, Zendesk's colour scheme, the
 * agent's language, and the component of the location Zendesk loaded us in.
 */
import { ClientProvider, useZafContext } from './zaf/ClientProvider';
import type { ZafClient } from './zaf/types';
import { TranslationProvider } from './i18n/TranslationProvider';
import { LOCATIONS } from './locations';
import { ZendeskTheme } from './theme/ZendeskTheme';

function Location() {
  const context = useZafContext();
  if (!context) return null;
  const Component = LOCATIONS[context.location];
  return Component ? <Component /> : null;
}

export function AppRoot({ client }: { client: ZafClient }) {
  return (
    <ClientProvider client={client}>
      <ZendeskTheme>
        <TranslationProvider>
          <Location />
        </TranslationProvider>
      </ZendeskTheme>
    </ClientProvider>
  );
}
