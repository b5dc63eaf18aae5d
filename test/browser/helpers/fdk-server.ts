/**
 * Runs the Freshdesk app's server/server.js the way the Freshworks platform does for a
 * Server Method Invocation: `exports = {...}` in a sandbox with `$request.invokeTemplate`
 * and `renderData`, the installation's iparams (secure ones included) as `args.iparams`.
 * `$request.invokeTemplate` follows config/requests.json: it substitutes `<%= iparam.x %>`
 * and `<%= context.x %>`, calls protocol://host+path with the template's headers, and
 * resolves { status, response } on 2xx or rejects with it otherwise. Like `fdk run`, it
 * speaks http to a loopback host (the connector under test), https anywhere else.
 */
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import vm from 'node:vm';

const APP = path.resolve(import.meta.dirname, '../../../freshdesk-app');

interface Template {
  schema: { method: string; protocol?: string; host: string; path?: string; headers?: Record<string, string> };
}

export function fdkServer(iparams: Record<string, string>) {
  const templates = JSON.parse(fs.readFileSync(path.join(APP, 'config/requests.json'), 'utf8')) as Record<string, Template>;
  const fill = (s: string, context: Record<string, string>) =>
    s.replace(/<%=\s*(iparam|context)\.(\w+)\s*%>/g, (_m, kind: string, name: string) => (kind === 'iparam' ? iparams[name] : context[name]) ?? '');

  const $request = {
    async invokeTemplate(name: string, opts: { context?: Record<string, string>; body?: string }) {
      const t = templates[name];
      if (!t) throw { status: 404, response: 'Requested function not found or registered' };
      const ctx = opts.context ?? {};
      const host = fill(t.schema.host, ctx);
      const protocol = /^(127\.0\.0\.1|localhost)(:\d+)?$/.test(host) ? 'http' : (t.schema.protocol ?? 'https');
      const headers = Object.fromEntries(Object.entries(t.schema.headers ?? {}).map(([k, v]) => [k, fill(v, ctx)]));
      const res = await fetch(`${protocol}://${host}${fill(t.schema.path ?? '/', ctx)}`, { method: t.schema.method, headers, body: opts.body });
      const out = { status: res.status, response: await res.text(), headers: Object.fromEntries(res.headers) };
      if (!res.ok) throw out;
      return out;
    },
  };

  return async function invoke(fn: string, args: Record<string, unknown>): Promise<unknown> {
    const code = fs.readFileSync(path.join(APP, 'server/server.js'), 'utf8');
    return new Promise((resolve, reject) => {
      const sandbox: Record<string, unknown> = {
        require: createRequire(path.join(APP, 'server/server.js')),
        Buffer,
        console,
        $request,
        renderData: (err: unknown, data: unknown) => (err ? reject(err) : resolve(data)),
      };
      vm.runInNewContext(code, sandbox, { filename: 'server.js' });
      const exported = sandbox.exports as Record<string, (a: unknown) => Promise<void>> | undefined;
      const handler = exported?.[fn];
      if (!handler) return void reject(new Error(`server.js does not export ${fn}`));
      handler({ ...args, iparams }).catch(reject);
    });
  };
}
