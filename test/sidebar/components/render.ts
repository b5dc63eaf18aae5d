/** Render the whole app (providers included) for one fake client, as Zendesk would load it. */
import { render } from '@testing-library/react';
import { createElement } from 'react';
import { AppRoot } from '../../../sidebar-app/src/app/AppRoot';
import type { FakeClient } from './fake-client.js';

export const renderApp = (client: FakeClient) => render(createElement(AppRoot, { client }));
