/** Which component each app location shows, as in Zendesk's React scaffold. */
import type { ComponentType } from 'react';
import Analytics from './Analytics';
import TicketSidebar from './TicketSidebar';

export const LOCATIONS: Record<string, ComponentType> = {
  ticket_sidebar: TicketSidebar,
  nav_bar: Analytics,
};
