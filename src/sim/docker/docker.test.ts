// docker logs / stop / kill / rm / ps -a for containers started with `docker run` on the workstation.
import { describe, it, expect } from 'vitest';
import { createShell } from '../shell/index';
import { readSeedFromDisk } from '../cli';

describe('docker container commands', () => {
  const files = readSeedFromDisk();
  it('logs shows the app\'s start-up lines; rm refuses a running container; stop, then ps -a shows Exited (0); rm removes it', () => {
    const s = createShell({ seed: 1, files, interactive: false });
    s.run('docker build -t llmops-app:latest . > /dev/null');
    s.run('docker run -d -p 8501:8501 --name rec llmops-app:latest');
    expect(s.run('docker logs rec').output.split('\n').filter(Boolean).map((l) => JSON.parse(l).msg)).toEqual(['starting anime-recommender', 'listening', 'recommendation index ready']);
    expect(s.run('docker rm rec').output).toBe('Error response from daemon: cannot remove container "/rec": container is running: stop the container before removing or force remove\n');
    expect(s.run('docker stop rec').output).toBe('rec\n');
    s.run('sleep 3');
    expect(s.run('docker ps -a').output.split('\n')[1]).toMatch(/^[0-9a-f]{12}   llmops-app:latest   "docker-entrypoint\.s…"   3 seconds ago   Exited \(0\) 3 seconds ago             rec$/);
    expect(s.run('docker ps').output.split('\n')).toHaveLength(2);
    expect(s.run('docker rm rec').output).toBe('rec\n');
    expect(s.run('docker logs rec').output).toBe('Error response from daemon: No such container: rec\n');
    expect(s.lastExit).toBe(1);
  });

  it('-e PORT=9000 overrides the image ENV PORT=8501: the published 8501 then resets the connection as docker-proxy does', () => {
    const s = createShell({ seed: 1, files, interactive: false });
    s.run('docker build -t llmops-app:latest . > /dev/null');
    s.run('docker run -d -e PORT=9000 -p 8501:8501 llmops-app:latest > /dev/null');
    expect(s.run('curl -s localhost:8501/health').output).toBe('');
    expect(s.lastExit).toBe(56);
    expect(s.run('curl localhost:8501/health').output).toBe('curl: (56) Recv failure: Connection reset by peer\n');
  });
});

describe('docker exec', () => {
  it('runs in the container: image ENV merged, user 10001, no curl in node:*-slim', () => {
    const s = createShell({ seed: 1, files: readSeedFromDisk(), interactive: false });
    s.run('docker build -t llmops-app:latest . > /dev/null');
    s.run('docker run -d --name r llmops-app:latest > /dev/null');
    expect(s.run('docker exec r printenv NODE_ENV PORT NODE_VERSION').output).toBe('production\n8501\n20.20.2\n');
    expect(s.run('docker exec -it r id').output).toBe('uid=10001 gid=10001 groups=10001\n');
    expect(s.run('docker exec r curl localhost:8501').output).toBe('OCI runtime exec failed: exec failed: unable to start container process: exec: "curl": executable file not found in $PATH: unknown\n');
    expect(s.lastExit).toBe(126);
    expect(s.run('docker exec nope ls').output).toBe('Error response from daemon: No such container: nope\n');
  });
});
