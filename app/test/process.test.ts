// The real entry point in a child process: start-up lines, the llm-mode crash, SIGTERM.
import { spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { fileURLToPath } from 'node:url';
import { describe, expect, it, vi } from 'vitest';
import { LOG } from '../src/messages.js';

// Spawning Node with tsx is slow on a loaded machine: allow for it.
vi.setConfig({ testTimeout: 120_000 });

const entry = fileURLToPath(new URL('../src/server.ts', import.meta.url));

function run(env: Record<string, string>) {
  const child = spawn(process.execPath, ['--import', 'tsx', entry], {
    env: { PATH: process.env.PATH ?? '', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  let err = '';
  child.stdout.on('data', (d: Buffer) => (out += d.toString()));
  child.stderr.on('data', (d: Buffer) => (err += d.toString()));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return { child, exited, out: () => out, err: () => err };
}

export async function freePort(): Promise<number> {
  const srv = createServer();
  await new Promise<void>((r) => srv.listen(0, '127.0.0.1', r));
  const port = (srv.address() as { port: number }).port;
  await new Promise((r) => srv.close(r));
  return port;
}

async function waitFor(cond: () => boolean, ms = 90_000): Promise<void> {
  const end = Date.now() + ms;
  while (!cond()) {
    if (Date.now() > end) throw new Error('timed out waiting');
    await new Promise((r) => setTimeout(r, 25));
  }
}

describe('the server process', () => {
  it('RECOMMENDER_MODE=llm without GROQ_API_KEY prints one line naming the key and exits 1', async () => {
    const p = run({ RECOMMENDER_MODE: 'llm' });
    expect(await p.exited).toBe(1);
    const lines = p.out().trim().split('\n');
    expect(lines).toHaveLength(1);
    const line = JSON.parse(lines[0]!);
    expect(line).toMatchObject({ level: 'error', msg: LOG.missingGroqKey });
    expect(line.msg).toContain('GROQ_API_KEY');
    expect(p.err()).toBe('');
  });

  it('starts with the documented lines, answers /health, and exits 0 on SIGTERM', async () => {
    const port = await freePort();
    const p = run({ PORT: String(port), HUGGINGFACE_API_KEY: 'hf_should_not_print' });
    await waitFor(() => p.out().includes(LOG.indexReady));
    const health = await fetch(`http://127.0.0.1:${port}/health`);
    expect(health.status).toBe(200);
    expect(await health.json()).toEqual({ status: 'ok' });
    const lines = p.out().trim().split('\n').map((l) => JSON.parse(l)).filter((l) => l.msg !== LOG.request);
    expect(lines.map((l) => l.msg)).toEqual([LOG.starting, LOG.listening, LOG.indexReady]);
    expect(lines[1].address).toBe(`http://0.0.0.0:${port}`);
    expect(lines[0]).toMatchObject({ mode: 'offline', groqApiKey: 'unset', huggingfaceApiKey: 'set' });
    p.child.kill('SIGTERM');
    expect(await p.exited).toBe(0);
    expect(p.out()).toContain(LOG.stopped);
    expect(p.out()).not.toContain('hf_should_not_print');
  });

  it('rejects a bad PORT with one clear line', async () => {
    const p = run({ PORT: 'eighty' });
    expect(await p.exited).toBe(1);
    expect(p.out()).toContain(LOG.badPort);
  });
});
