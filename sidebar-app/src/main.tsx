/**
 * Entry point of assets/iframe.html. ZAFClient.init() reads `origin` and `app_guid` from
 * the URL Zendesk loads us with and handshakes with the host over postMessage; opened
 * anywhere else it returns false, and we say where the app belongs.
 */
import { createRoot } from 'react-dom/client';
import ZAFClient from 'zendesk_app_framework_sdk';
import { AppRoot } from './app/AppRoot';
import type { ZafClient } from './app/zaf/types';

const root = createRoot(document.getElementById('root')!);
const client = ZAFClient.init() as ZafClient | false;
if (client) root.render(<AppRoot client={client} />);
else root.render(<p style={{ fontFamily: 'system-ui', padding: 16 }}>Baton runs inside Zendesk: install the app and open a ticket.</p>);
