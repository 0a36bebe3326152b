// curl on the workstation against the app run with `docker run -p`: request bodies (-d, --json, @file) and the
// request headers -v shows, in the order curl sends them (reproduced with curl 7.88 against the real app).
import { describe, it, expect, beforeAll } from 'vitest';
import { createShell } from '../shell/index';
import { readSeedFromDisk } from '../cli';
import { loadLlmopsData } from '../images/llmops-app';

describe('curl request bodies', () => {
  const files = readSeedFromDisk();
  beforeAll(async () => { await loadLlmopsData(); });
  const running = () => {
    const s = createShell({ seed: 1, files, interactive: false });
    s.run('docker build -t llmops-app:latest . > /dev/null');
    s.run('docker run -d -p 8501:8501 llmops-app:latest > /dev/null');
    return s;
  };
  it('-d with a JSON Content-Type and --json reach POST /api/recommend', () => {
    const s = running();
    const a = JSON.parse(s.run(`curl -s -d '{"q":"mecha","limit":1}' -H 'Content-Type: application/json' localhost:8501/api/recommend`).output);
    expect(a.results.map((r: { title: string }) => r.title)).toEqual(['Promare']);
    const b = JSON.parse(s.run(`curl -s --json '{"q":"mecha","limit":1}' localhost:8501/api/recommend`).output);
    expect(b).toEqual(a);
    s.run(`echo '{"q":"mecha","limit":1}' > q.json`);
    expect(JSON.parse(s.run('curl -s -d @q.json localhost:8501/api/recommend').output)).toEqual(a);
  });
  it('-v shows Content-Length then the default form Content-Type; --json puts its headers where -H would', () => {
    const s = running();
    expect(s.run(`curl -sv -d x localhost:8501/health`).output).toContain('> POST /health HTTP/1.1\n> Host: localhost:8501\n> User-Agent: curl/8.5.0\n> Accept: */*\n> Content-Length: 1\n> Content-Type: application/x-www-form-urlencoded\n> \n');
    expect(s.run(`curl -sv --json '{}' localhost:8501/api/recommend`).output).toContain('> User-Agent: curl/8.5.0\n> Content-Type: application/json\n> Accept: application/json\n> Content-Length: 2\n> \n');
  });
  it('a form body is not JSON: the app answers 400 as the real one', () => {
    const s = running();
    expect(s.run('curl -s -d q=x localhost:8501/api/recommend').output).toBe('{"error":"the request body must be a JSON object like {\\"q\\": \\"…\\", \\"limit\\": 5}","status":400}');
  });
});

describe('curl timeouts', () => {
  it('--connect-timeout and -m expire with different words (kubectl-layouts §7.1)', () => {
    const s = createShell({ seed: 1, files: {}, interactive: false });
    expect(s.run('curl --connect-timeout 5 http://10.104.1.1/').output).toBe('curl: (28) Failed to connect to 10.104.1.1 port 80 after 5002 ms: Timeout was reached\n');
    expect(s.run('curl -m 3 http://10.104.1.1/').output).toBe('curl: (28) Connection timed out after 3001 milliseconds\n');
    expect(s.lastExit).toBe(28);
  });
});
