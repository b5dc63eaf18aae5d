/** CRM enrichment: adapters, the resilient wrapper, enrichCustomer and configuration. */
export type { CrmAdapter, CrmCustomer, CrmRecord, CrmFieldNames } from './types.js';
export { hubspotCrm, type HubSpotOptions } from './hubspot.js';
export { salesforceCrm, soqlString, type SalesforceOptions } from './salesforce.js';
export { loadCsvCrm, csvCrmFromText, type CsvCrm } from './csv-accounts.js';
export { resilientCrm, type ResilienceOptions, type ResilientCrm } from './resilient.js';
export { CircuitBreaker, type BreakerState } from './circuit-breaker.js';
export { enrichCustomer, DEFAULT_ENRICH_FIELDS, type EnrichFieldNames } from './enrich.js';
export { crmFromEnv, createCrm, type CrmSettings } from './config.js';
