/**
 * A local OpenAI-compatible server for tests and benchmarks: POST /v1/chat/completions on
 * 127.0.0.1, answering as the test tells it to (valid JSON, malformed, slow, HTTP 500),
 * and keeping every request body so tests can check what left the process.
 */
import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import express from 'express';

export type FakeMode = 'valid' | 'malformed' | 'wrong-shape' | 'slow' | 'error500';

export interface FakeAnswer {
  intent: string;
  confidence: number;
  sentiment: { score: number; label: 'negative' | 'neutral' | 'positive' };
  summary: string;
  reply_draft: string;
}

export interface FakeOpenAI {
  baseURL: string;
  mode: FakeMode;
  answer: FakeAnswer;
  /** Delay for mode 'slow', in ms. */
  slowMs: number;
  requests: { body: unknown; raw: string }[];
  close(): Promise<void>;
}

export async function startFakeOpenAI(): Promise<FakeOpenAI> {
  const app = express();
  const state: Omit<FakeOpenAI, 'close' | 'baseURL'> = {
    mode: 'valid',
    slowMs: 2000,
    requests: [],
    answer: { intent: 'order_status', confidence: 0.97, sentiment: { score: 0.1, label: 'neutral' }, summary: 'Customer asks where the order is.', reply_draft: 'Let me check that for you.' },
  };
  app.use(express.text({ type: '*/*', limit: '1mb' }));
  app.post('/v1/chat/completions', async (req, res) => {
    const raw = typeof req.body === 'string' ? req.body : '';
    state.requests.push({ raw, body: raw ? JSON.parse(raw) : null });
    const reply = (content: string) =>
      res.json({
        id: 'chatcmpl-test',
        object: 'chat.completion',
        created: 1700000000,
        model: 'fake-model',
        choices: [{ index: 0, message: { role: 'assistant', content, refusal: null }, finish_reason: 'stop', logprobs: null }],
        usage: { prompt_tokens: 10, completion_tokens: 10, total_tokens: 20 },
      });
    switch (state.mode) {
      case 'error500':
        res.status(500).json({ error: { message: 'internal error', type: 'server_error' } });
        return;
      case 'malformed':
        reply('{"intent": "order_status", "confidence": 0.9,');
        return;
      case 'wrong-shape':
        reply(JSON.stringify({ ...state.answer, intent: 'world_domination', confidence: 7 }));
        return;
      case 'slow':
        await new Promise((r) => setTimeout(r, state.slowMs));
        if (!res.headersSent && !res.socket?.destroyed) reply(JSON.stringify(state.answer));
        return;
      default:
        reply(JSON.stringify(state.answer));
    }
  });
  const server: Server = await new Promise((resolve) => {
    const s = app.listen(0, '127.0.0.1', () => resolve(s));
  });
  const { port } = server.address() as AddressInfo;
  const fake = state as FakeOpenAI;
  fake.baseURL = `http://127.0.0.1:${port}/v1`;
  fake.close = () =>
    new Promise<void>((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    });
  return fake;
}
