/**
 * `requirements.json` builds the webhook endpoint as `{{setting.connector_url}}/webhooks/zendesk`;
 * an admin who types the connector URL with a trailing slash gets `https://host//webhooks/zendesk`,
 * which Express would answer 404 (and Zendesk would give up on the delivery). Repeated slashes
 * in the path mean one slash; the query string is left alone.
 */
import type { RequestHandler } from 'express';

export function collapseRepeatedSlashes(): RequestHandler {
  return (req, _res, next) => {
    const q = req.url.indexOf('?');
    const path = q === -1 ? req.url : req.url.slice(0, q);
    if (path.includes('//')) req.url = path.replace(/\/{2,}/g, '/') + (q === -1 ? '' : req.url.slice(q));
    next();
  };
}
