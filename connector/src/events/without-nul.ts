/**
 * NUL carries no meaning in a support message and PostgreSQL text cannot hold it: drop it
 * from an event (a few levels of known fields), so no later write fails on it. Applied to
 * every event, whether it came in a webhook body or was read through the helpdesk's API.
 */
export function withoutNul<T>(value: T): T {
  if (typeof value === 'string') return (value.includes('\u0000') ? value.replace(/\u0000/g, '') : value) as T;
  if (Array.isArray(value)) return value.map(withoutNul) as T;
  if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, withoutNul(v)])) as T;
  return value;
}
