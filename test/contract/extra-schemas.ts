/**
 * Schemas HAND-WRITTEN from Zendesk's public documentation for the endpoints the OpenAPI file
 * lacks (Webhooks API, Help Center article search, requested tickets) and for Zendesk's error
 * bodies. They are defined next to the validator core in connector/src/sandbox/contract/
 * because the sandbox enforces them at runtime too; this module is the tests' entry point.
 */
export { EXTRA_OPERATIONS, ZENDESK_ERROR_BODY, type ExtraOperation } from '../../connector/src/sandbox/contract/extra-schemas.js';
export { SPEC_ERRATA, type SpecPatch } from '../../connector/src/sandbox/contract/errata.js';
