/**
 * Entry point of the Freshdesk app (app/index.html, after `{{{appclient}}}` has defined
 * `app`): wait for the Freshworks client, then render the same AppRoot the Zendesk app
 * renders, over the Freshworks adapter.
 */
import { createRoot } from 'react-dom/client';
import { AppRoot } from '../../sidebar-app/src/app/AppRoot';
import { freshworksHostClient } from './freshworks-client';

const root = createRoot(document.getElementById('root')!);
if (!window.app) root.render(<p style={{ fontFamily: 'system-ui', padding: 16 }}>Baton runs inside Freshdesk: install the app and open a ticket.</p>);
else
  void window.app.initialized().then((fw) => {
    root.render(<AppRoot client={freshworksHostClient(fw)} />);
  });
