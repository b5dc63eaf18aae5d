/**
 * Garden's ThemeProvider following Zendesk's own light or dark scheme: read once with
 * `client.get('colorScheme')` and followed through `colorScheme.changed`. Hosts that do
 * not know the property answer with an error; the app then stays light.
 */
import { DEFAULT_THEME, getColor, ThemeProvider, type IGardenTheme } from '@zendeskgarden/react-theming';
import { useEffect, useMemo, useState, type ReactNode } from 'react';
import { createGlobalStyle } from 'styled-components';
import { useClient } from '../zaf/ClientProvider';

type Scheme = 'light' | 'dark';

export function schemeOf(value: unknown): Scheme {
  const v = typeof value === 'object' && value !== null && 'colorScheme' in value ? (value as { colorScheme: unknown }).colorScheme : value;
  return v === 'dark' ? 'dark' : 'light';
}

export function themeFor(scheme: Scheme): IGardenTheme {
  return { ...DEFAULT_THEME, colors: { ...DEFAULT_THEME.colors, base: scheme } };
}

// The page itself takes Garden's background and text colours, so dark mode covers the frame.
const PageStyle = createGlobalStyle`
  body {
    margin: 0;
    font-family: ${(p) => p.theme.fonts.system};
    background: ${(p) => getColor({ theme: p.theme, variable: 'background.default' })};
    color: ${(p) => getColor({ theme: p.theme, variable: 'foreground.default' })};
  }
`;

export function ZendeskTheme({ children }: { children: ReactNode }) {
  const client = useClient();
  const [scheme, setScheme] = useState<Scheme>('light');
  useEffect(() => {
    let live = true;
    client
      .get('colorScheme')
      .then((d) => live && setScheme(schemeOf(d['colorScheme'])))
      .catch(() => undefined);
    const onChange = (data: unknown) => live && setScheme(schemeOf(data));
    client.on('colorScheme.changed', onChange);
    return () => {
      live = false;
      client.off?.('colorScheme.changed', onChange);
    };
  }, [client]);
  const theme = useMemo(() => themeFor(scheme), [scheme]);
  return (
    <ThemeProvider theme={theme}>
      <PageStyle />
      <div data-color-scheme={scheme}>{children}</div>
    </ThemeProvider>
  );
}
