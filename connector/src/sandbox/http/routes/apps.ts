/**
 * Apps API (not in the OpenAPI file): the installations an admin can list and an app's
 * public key for signed URLs. Both are admin-only on Zendesk.
 */
import { Router } from 'express';
import { installationJson } from '../../apps/installation.js';
import { notFound } from '../../zendesk-errors.js';
import { idParam, requireAdmin, type SandboxServices } from '../context.js';

export function appRoutes(s: SandboxServices): Router {
  const r = Router();
  r.get('/api/v2/apps/installations', (_req, res) => {
    requireAdmin(res);
    res.json({ installations: s.apps.installation ? [installationJson(s.apps.installation)] : [] });
  });
  r.get('/api/v2/apps/:appId/public_key.pem', (req, res) => {
    requireAdmin(res);
    if (!s.apps.installation || idParam(req, 'appId') !== s.apps.installation.appId) throw notFound();
    res.type('application/x-pem-file').send(s.apps.publicKeyPem());
  });
  return r;
}
