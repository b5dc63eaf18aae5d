/** Real connector processes (`baton serve`) for tests that kill and restart them. */
import { spawn, type ChildProcess } from 'node:child_process';
import net from 'node:net';
import path from 'node:path';
import { NODE_RUNTIME_FLAGS } from '../../connector/src/cli/node-options.js';

const root = path.resolve(import.meta.dirname, '../..');

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.listen(0, '127.0.0.1', () => {
      const port = (srv.address() as net.AddressInfo).port;
      srv.close(() => resolve(port));
    });
    srv.on('error', reject);
  });
}

export interface ServeProcess {
  child: ChildProcess;
  url: string;
  output: () => string;
  kill(signal?: NodeJS.Signals): Promise<void>;
}

/**
 * How `baton serve` is started: `node` with the connector's Node options (as the README's systemd
 * unit does), the `bin` file itself (its first line passes them, as `npx baton` runs it), or
 * `bare-node` without them.
 */
export type ServeLauncher = 'node' | 'bin' | 'bare-node';

function launch(launcher: ServeLauncher): [string, string[]] {
  const bin = path.join(root, 'connector/bin/baton.js');
  if (launcher === 'bin') return [bin, ['serve']];
  return [process.execPath, [...(launcher === 'node' ? NODE_RUNTIME_FLAGS : []), bin, 'serve']];
}

export async function startServe(env: Record<string, string>, port?: number, launcher: ServeLauncher = 'node'): Promise<ServeProcess> {
  const p = port ?? (await freePort());
  let out = '';
  const [file, args] = launch(launcher);
  const child = spawn(file, args, {
    cwd: root,
    env: { ...process.env, LOG_LEVEL: 'info', ...env, PORT: String(p), HOST: '127.0.0.1' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout!.on('data', (d) => (out += d));
  child.stderr!.on('data', (d) => (out += d));
  const url = `http://127.0.0.1:${p}`;
  for (let i = 0; i < 300; i++) {
    if (child.exitCode !== null) throw new Error(`baton serve exited early (${child.exitCode}):\n${out}`);
    const ok = await fetch(`${url}/health`).then((r) => r.ok, () => false);
    if (ok) break;
    await new Promise((r) => setTimeout(r, 100));
  }
  return {
    child,
    url,
    output: () => out,
    kill: (signal = 'SIGKILL') =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null || child.signalCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill(signal);
      }),
  };
}
