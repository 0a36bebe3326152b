// No Docker engine runs here, so the Dockerfile is proved two other ways:
//  1. it is parsed and checked against the image rules (pinned slim LTS base, multi-stage, production deps only,
//     numeric non-root user, EXPOSE 8501, HEALTHCHECK with node, CMD ["node", …]);
//  2. its stages are carried out in temporary folders — each stage's filesystem is a folder, COPY copies from the
//     build context (filtered by .dockerignore) or an earlier stage, RUN runs the same shell command — and the
//     final stage's CMD is started as the container would start it, then asked for /health.
import { execFileSync, spawn } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join, posix, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));

interface Instruction {
  op: string;
  args: string;
  line: number;
}
interface Stage {
  image: string;
  name?: string;
  steps: Instruction[];
}

/** Splits a Dockerfile into instructions, joining `\` continuations and dropping comments. */
function parseDockerfile(text: string): Stage[] {
  const lines = text.split('\n');
  const instructions: Instruction[] = [];
  let buf = '';
  let start = 0;
  lines.forEach((raw, i) => {
    const trimmed = raw.trim();
    if (buf === '' && (trimmed === '' || trimmed.startsWith('#'))) return;
    if (buf !== '' && trimmed.startsWith('#')) return;
    if (buf === '') start = i + 1;
    if (trimmed.endsWith('\\')) {
      buf += trimmed.slice(0, -1) + ' ';
      return;
    }
    buf += trimmed;
    const m = /^(\S+)\s*(.*)$/s.exec(buf);
    if (!m) throw new Error(`Dockerfile:${start}: cannot parse`);
    instructions.push({ op: m[1]!.toUpperCase(), args: m[2]!.trim(), line: start });
    buf = '';
  });
  const stages: Stage[] = [];
  for (const ins of instructions) {
    if (ins.op === 'FROM') {
      const m = /^(\S+)(?:\s+AS\s+(\S+))?$/i.exec(ins.args);
      if (!m) throw new Error(`Dockerfile:${ins.line}: bad FROM`);
      stages.push({ image: m[1]!, name: m[2], steps: [] });
    } else {
      const current = stages.at(-1);
      if (!current) throw new Error(`Dockerfile:${ins.line}: ${ins.op} before FROM`);
      current.steps.push(ins);
    }
  }
  return stages;
}

/** .dockerignore semantics: patterns in order, the last match wins, `!` re-includes; a folder match covers its files. */
function dockerignore(text: string): (path: string) => boolean {
  const rules = text
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l && !l.startsWith('#'))
    .map((l) => {
      const negate = l.startsWith('!');
      const pat = posix.normalize((negate ? l.slice(1) : l).replace(/^\/+/, '')).replace(/\/+$/, '');
      const re = new RegExp(
        '^' +
          pat
            .split('/')
            .map((seg) => (seg === '**' ? '(?:.*)' : seg.replace(/[.+^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '[^/]*').replace(/\?/g, '[^/]')))
            .join('/')
            .replace(/\(\?:\.\*\)\//g, '(?:.*/)?') +
          '$',
      );
      return { negate, re };
    });
  return (path: string) => {
    const parts = path.split('/');
    let ignored = false;
    for (const r of rules) {
      for (let n = 1; n <= parts.length; n++) {
        if (r.re.test(parts.slice(0, n).join('/'))) {
          ignored = !r.negate;
          break;
        }
      }
    }
    return ignored;
  };
}

function execForm(args: string): string[] {
  const parsed: unknown = JSON.parse(args);
  if (!Array.isArray(parsed) || !parsed.every((x) => typeof x === 'string')) throw new Error(`not an exec-form array: ${args}`);
  return parsed;
}

const dockerfile = readFileSync(join(ROOT, 'Dockerfile'), 'utf8');
const stages = parseDockerfile(dockerfile);
const final = stages.at(-1)!;
const isIgnored = dockerignore(readFileSync(join(ROOT, '.dockerignore'), 'utf8'));
const stepsOf = (s: Stage, op: string) => s.steps.filter((x) => x.op === op);

describe('Dockerfile rules', () => {
  it('is multi-stage on an exact, slim Node.js LTS tag', () => {
    expect(stages.length).toBeGreaterThanOrEqual(2);
    for (const s of stages) {
      const m = /^node:(\d+)\.(\d+)\.(\d+)-[a-z]+-slim$/.exec(s.image);
      expect(m, `FROM ${s.image} must be node:X.Y.Z-<debian>-slim`).not.toBeNull();
      expect(Number(m![1]) % 2, 'Node.js LTS lines are even-numbered').toBe(0);
    }
    expect(new Set(stages.map((s) => s.image)).size, 'all stages on the same base').toBe(1);
  });

  it('runs as numeric non-root user 10001 and exposes 8501', () => {
    const user = stepsOf(final, 'USER').at(-1);
    expect(user?.args).toMatch(/^10001(:\d+)?$/);
    expect(stepsOf(final, 'EXPOSE').map((e) => e.args)).toContain('8501');
  });

  it('starts with node itself, and checks health with node itself', () => {
    const cmd = execForm(stepsOf(final, 'CMD').at(-1)!.args);
    expect(cmd[0]).toBe('node');
    expect(cmd.join(' ')).not.toMatch(/\bnpm\b/);
    const hc = stepsOf(final, 'HEALTHCHECK').at(-1)!.args;
    const m = /CMD\s+(\[.*\])$/s.exec(hc);
    expect(m, 'HEALTHCHECK ... CMD [exec form]').not.toBeNull();
    const hcCmd = execForm(m![1]!);
    expect(hcCmd[0]).toBe('node');
    expect(hcCmd.join(' ')).toContain('/health');
  });

  it('ships production dependencies only', () => {
    for (const copy of stepsOf(final, 'COPY')) {
      const from = /--from=(\S+)/.exec(copy.args)?.[1];
      if (!from || !copy.args.includes('node_modules')) continue;
      const source = stages.find((s) => s.name === from);
      expect(source, `stage ${from}`).toBeDefined();
      const installs = stepsOf(source!, 'RUN').filter((r) => /npm (ci|install)/.test(r.args));
      expect(installs.length).toBeGreaterThan(0);
      for (const r of installs) expect(r.args).toMatch(/--omit=dev/);
    }
    for (const r of stepsOf(final, 'RUN')) expect(r.args).not.toMatch(/npm (ci|install)(?!.*--omit=dev)/);
  });

  it('.dockerignore keeps secrets, node_modules and tests out of the build context', () => {
    for (const p of ['.env', 'app/.env', 'node_modules/x/index.js', 'app/node_modules/minisearch/x.js', 'tests/unit/a.test.ts', 'app/test/server.test.ts', 'app/dist/server.js', 'src/sim/world.ts', '.git/HEAD'])
      expect(isIgnored(p), p).toBe(true);
    for (const p of ['app/package.json', 'app/package-lock.json', 'app/tsconfig.json', 'app/src/server.ts', 'app/data/anime.json'])
      expect(isIgnored(p), p).toBe(false);
  });
});

function listFiles(dir: string, base = dir): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir)) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) out.push(...listFiles(p, base));
    else out.push(relative(base, p));
  }
  return out;
}

async function freePort(): Promise<number> {
  const srv = createServer();
  await new Promise<void>((r) => srv.listen(0, '127.0.0.1', r));
  const port = (srv.address() as { port: number }).port;
  await new Promise((r) => srv.close(r));
  return port;
}

describe('Dockerfile build steps, carried out in temporary folders', () => {
  const work = mkdtempSync(join(tmpdir(), 'deploy-kit-docker-'));
  afterAll(() => rmSync(work, { recursive: true, force: true }));

  it('builds every stage, then the final CMD serves /health and the HEALTHCHECK passes', async () => {
    const roots = new Map<string, string>();
    let finalState: { root: string; cwd: string; env: Record<string, string> } | undefined;
    stages.forEach((stage, i) => {
      const root = join(work, `stage-${i}`);
      mkdirSync(root, { recursive: true });
      if (stage.name) roots.set(stage.name, root);
      let cwd = '/';
      const env: Record<string, string> = {};
      const at = (p: string) => join(root, posix.resolve(cwd, p));
      for (const step of stage.steps) {
        if (step.op === 'WORKDIR') {
          cwd = posix.resolve(cwd, step.args);
          mkdirSync(at('.'), { recursive: true });
        } else if (step.op === 'ENV') {
          for (const m of step.args.matchAll(/(\w+)=(\S+)/g)) env[m[1]!] = m[2]!;
        } else if (step.op === 'COPY') {
          const words = step.args.split(/\s+/);
          const from = words.find((w) => w.startsWith('--from='))?.slice('--from='.length);
          const paths = words.filter((w) => !w.startsWith('--'));
          const dest = paths.pop()!;
          for (const src of paths) {
            if (from) {
              const fromRoot = roots.get(from);
              expect(fromRoot, `Dockerfile:${step.line}: unknown stage ${from}`).toBeDefined();
              cpSync(join(fromRoot!, src), at(dest), { recursive: true });
              continue;
            }
            const abs = join(ROOT, src);
            expect(existsSync(abs), `Dockerfile:${step.line}: ${src} missing from the build context`).toBe(true);
            const files = statSync(abs).isDirectory() ? listFiles(abs).map((f) => posix.join(src, f)) : [src];
            for (const f of files) {
              if (isIgnored(f)) continue; // the daemon never receives it
              const target = statSync(abs).isDirectory()
                ? join(at(dest), relative(src, f))
                : dest.endsWith('/') || paths.length > 1
                  ? join(at(dest), posix.basename(f))
                  : at(dest);
              mkdirSync(dirname(target), { recursive: true });
              cpSync(join(ROOT, f), target);
            }
          }
        } else if (step.op === 'RUN') {
          execFileSync('sh', ['-c', step.args], {
            cwd: at('.'),
            env: { ...process.env, ...env, npm_config_prefer_offline: 'true', npm_config_update_notifier: 'false' },
            stdio: 'pipe',
          });
        }
      }
      finalState = { root, cwd, env };
    });

    const { root, cwd, env } = finalState!;
    const appDir = join(root, cwd);
    expect(existsSync(join(appDir, 'node_modules', 'minisearch')), 'production dependency installed').toBe(true);
    expect(existsSync(join(appDir, 'node_modules', 'typescript')), 'no dev dependency in the image').toBe(false);
    expect(existsSync(join(appDir, 'node_modules', 'autocannon')), 'no dev dependency in the image').toBe(false);
    expect(listFiles(appDir).some((f) => f.endsWith('.test.ts') || f.includes('/test/'))).toBe(false);

    const port = await freePort();
    const cmd = execForm(stepsOf(final, 'CMD').at(-1)!.args);
    const child = spawn(cmd[0] === 'node' ? process.execPath : cmd[0]!, cmd.slice(1), {
      cwd: appDir,
      env: { PATH: process.env.PATH ?? '', ...env, PORT: String(port) },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    child.stderr.on('data', (d: Buffer) => (out += d.toString()));
    const exited = new Promise<number | null>((r) => child.on('exit', r));
    try {
      let status = 0;
      for (let i = 0; i < 200 && status !== 200; i++) {
        status = await fetch(`http://127.0.0.1:${port}/health`).then((r) => r.status, () => 0);
        if (status !== 200) await new Promise((r) => setTimeout(r, 50));
      }
      expect(status, out).toBe(200);
      const hc = execForm(/CMD\s+(\[.*\])$/s.exec(stepsOf(final, 'HEALTHCHECK').at(-1)!.args)![1]!);
      execFileSync(process.execPath, hc.slice(1), { env: { PATH: process.env.PATH ?? '', PORT: String(port) } });
      expect(out).toContain('"msg":"listening"');
    } finally {
      child.kill('SIGTERM');
    }
    expect(await exited).toBe(0);
  }, 240_000);
});
