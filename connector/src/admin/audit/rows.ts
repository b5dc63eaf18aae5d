/** What the audit reads from any source: one customer request per row, and the rows it could not use. */

export interface AuditOrganization {
  name: string;
  tags: string[];
  fields: Record<string, string | number | boolean | null>;
}

export interface AuditRow {
  /** Where the row is in its source: the line (CSV, NDJSON) or position (JSON array), 1-based. */
  row: number;
  id: string;
  subject: string;
  /** The customer's first message (Zendesk: the ticket description). */
  text: string;
  /** Epoch ms, when the source says. */
  createdAt: number | null;
  channel?: string;
  requester?: { name?: string; email?: string; tags: string[]; organization?: AuditOrganization };
}

export interface RowProblem {
  row: number;
  id?: string;
  problem: string;
}

export interface ReadResult {
  rows: AuditRow[];
  problems: RowProblem[];
  /** 'zendesk-json', 'ndjson', 'csv', 'zendesk-api' */
  format: string;
}
