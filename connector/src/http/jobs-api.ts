/** Dead letters and job counts over HTTP, for operators and the analytics page. */
import express, { type Router } from 'express';
import type { JobQueue } from '../jobs/queue.js';

export function jobsRouter(queue: JobQueue, requireAdmin: express.RequestHandler): Router {
  const router = express.Router();
  router.get('/api/jobs', requireAdmin, async (req, res) => {
    const status = typeof req.query.status === 'string' ? req.query.status : undefined;
    res.json({ counts: await queue.counts(), jobs: await queue.list({ status, limit: 200 }) });
  });
  router.post('/api/jobs/:id/retry', requireAdmin, async (req, res) => {
    const id = Number(req.params.id);
    if (!Number.isInteger(id)) return void res.status(400).json({ error: { code: 'BAD_REQUEST', message: 'job id must be an integer' } });
    const ok = await queue.retryDead(id);
    res.status(ok ? 200 : 404).json(ok ? { status: 'queued' } : { error: { code: 'NOT_FOUND', message: `no dead job ${id}` } });
  });
  return router;
}
