/**
 * Known errors in Zendesk's OpenAPI file, corrected before validation. Each patch names the
 * evidence: a contradiction inside the spec itself or a recorded real Zendesk response in
 * shared/zendesk/examples. Keep this list short; everything else follows the spec as published.
 */

export interface SpecPatch {
  /** components.schemas entry to patch. */
  schema: string;
  /** Property path inside that schema; the last key is replaced with `value`. */
  at: string[];
  value: unknown;
  reason: string;
}

/** Null in the recorded responses get_ticket.json / put_ticket.json. */
const RECORDED_NULL = ['external_id', 'problem_id', 'forum_topic_id'];
/**
 * Null on a ticket nobody has assigned, outside any organization, or not received by e-mail
 * (the Tickets API docs' examples of new tickets); not shown by the recorded files.
 */
const UNSET_NULL = ['assignee_id', 'group_id', 'organization_id', 'recipient'];

export const SPEC_ERRATA: SpecPatch[] = [
  {
    schema: 'TicketUpdateInput',
    at: ['properties', 'custom_fields', 'items'],
    value: {
      type: 'object',
      properties: { id: { type: 'integer' }, value: {} },
      required: ['id'],
    },
    reason:
      "The spec points ticket custom_fields at CustomFieldObject, the ticket-field *definition* (requires key/type/title). TicketObject.custom_fields in the same spec, and Zendesk's 'Setting custom field values' docs, use [{id, value}].",
  },
  {
    schema: 'TicketObject',
    at: ['properties', 'custom_fields', 'items', 'properties', 'value'],
    value: {},
    reason: 'Custom field values are strings, numbers, booleans, arrays (multiselect) or null depending on the field type.',
  },
  ...['assignee_id', 'group_id'].map<SpecPatch>((name) => ({
    schema: 'TicketUpdateInput',
    at: ['properties', name, 'nullable'],
    value: true,
    reason: `Zendesk clears ${name} when it is set to null (how an integration unassigns a ticket); the same field is null in recorded ticket responses.`,
  })),
  {
    schema: 'TicketCreateInput',
    at: ['allOf', '1', 'properties', 'requester'],
    value: {
      type: 'object',
      properties: { name: { type: 'string' }, email: { type: 'string' }, locale_id: { type: 'integer' } },
    },
    reason: "TicketObject declares the write-only `requester` ('Creating a ticket with a new requester'), but TicketCreateInput omits it.",
  },
  ...RECORDED_NULL.map<SpecPatch>((name) => ({
    schema: 'TicketObject',
    at: ['properties', name, 'nullable'],
    value: true,
    reason: `Recorded Zendesk ticket responses return "${name}": null.`,
  })),
  ...UNSET_NULL.map<SpecPatch>((name) => ({
    schema: 'TicketObject',
    at: ['properties', name, 'nullable'],
    value: true,
    reason: `Zendesk returns "${name}": null while the ticket has none (unassigned, no organization, not by e-mail).`,
  })),
  {
    schema: 'TicketObject',
    at: ['properties', 'priority'],
    value: { type: 'string', enum: ['urgent', 'high', 'normal', 'low'], nullable: true },
    reason: 'Recorded Zendesk ticket responses return "priority": null for tickets without a priority.',
  },
  {
    schema: 'TicketObject',
    at: ['properties', 'type'],
    value: { type: 'string', enum: ['problem', 'incident', 'question', 'task'], nullable: true },
    reason: 'Recorded Zendesk ticket responses return "type": null for tickets without a type.',
  },
  {
    schema: 'TicketObject',
    at: ['properties', 'satisfaction_rating', 'nullable'],
    value: true,
    reason: 'Recorded Zendesk ticket responses return "satisfaction_rating": null (the spec text says so too).',
  },
  {
    schema: 'TriggerObject',
    at: ['properties', 'description', 'nullable'],
    value: true,
    reason: 'The recorded trigger response get_trigger.json has "description": null.',
  },
  {
    schema: 'AuditObject',
    at: ['properties', 'events', 'items', 'properties', 'value'],
    value: {
      nullable: true,
      oneOf: [{ type: 'string' }, { type: 'integer' }, { type: 'array', items: { type: 'string' } }],
    },
    reason: "Audit Change events for tags carry arrays and cleared fields carry null (Zendesk 'Ticket Audits' docs; get_ticket_audits.json).",
  },
  {
    schema: 'OrganizationObject',
    at: ['properties', 'organization_fields', 'additionalProperties'],
    value: { nullable: true, oneOf: [{ type: 'string' }, { type: 'number' }, { type: 'boolean' }] },
    reason: 'Checkbox organization fields hold booleans and empty fields hold null.',
  },
];

/** Deep-clones `schemas` and applies every patch; throws if a patch no longer matches the spec. */
export function applyErrata(schemas: Record<string, unknown>, patches: SpecPatch[] = SPEC_ERRATA): Record<string, unknown> {
  const copy = structuredClone(schemas);
  for (const patch of patches) {
    let node = copy[patch.schema] as Record<string, unknown> | undefined;
    if (!node) throw new Error(`Spec erratum targets missing schema ${patch.schema}`);
    const parents = patch.at.slice(0, -1);
    for (const key of parents) {
      const next = node[key];
      if (!next || typeof next !== 'object') throw new Error(`Spec erratum path ${patch.schema}.${patch.at.join('.')} no longer matches the spec`);
      node = next as Record<string, unknown>;
    }
    const last = patch.at[patch.at.length - 1];
    if (last === undefined) throw new Error(`Spec erratum for ${patch.schema} has an empty path`);
    node[last] = structuredClone(patch.value);
  }
  return copy;
}
