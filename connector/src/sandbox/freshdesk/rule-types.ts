/** The automation rules the Freshdesk face stores and runs (see automation-rules.ts). */

export type AutomationTypeId = 1 | 3 | 4;

export interface RuleProperty {
  field_name: string;
  operator: string;
  value?: unknown;
}

export interface WebhookAction {
  field_name: 'trigger_webhook';
  request_type: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  url: string;
  auth_header?: { username: string; password: string };
  api_key?: string;
  custom_headers?: Record<string, string>;
  content: { content_layout: 'simple' | 'advanced'; content_type: string; body?: string; fields?: string[] };
}

export interface AutomationRule {
  id: number;
  automationTypeId: AutomationTypeId;
  name: string;
  position: number;
  active: boolean;
  performer?: { type: 1 | 2 | 3 | 4; members?: number[] };
  events: Array<{ field_name: string; from?: unknown; to?: unknown; value?: unknown }>;
  conditions: Array<{ name: string; match_type: 'all' | 'any'; properties: RuleProperty[] }>;
  actions: Array<WebhookAction | { field_name: string }>;
  createdAt: Date;
  updatedAt: Date;
}

/** What the face is doing when the shared ticket service announces a change. */
export interface WriteContext {
  /** The comment of this change was posted through /notes. */
  note?: boolean;
}
