// The text tools as GNU coreutils / awk / sed print for the forms learners pipe kubectl output into.
import { describe, it, expect } from 'vitest';
import { createShell } from './index';

const sh = () => {
  const s = createShell({ seed: 1, files: {}, interactive: false });
  s.run(`printf 'NAME READY STATUS\\nweb-1 1/1 Running\\napi-2 0/1 Pending\\nweb-1 1/1 Running\\n' > t.txt`);
  return s;
};

describe('text tools', () => {
  it('sort (-n -r -u -k), uniq -c', () => {
    const s = sh();
    expect(s.run('sort t.txt').output).toBe('NAME READY STATUS\napi-2 0/1 Pending\nweb-1 1/1 Running\nweb-1 1/1 Running\n');
    expect(s.run('sort -r -u t.txt').output).toBe('web-1 1/1 Running\napi-2 0/1 Pending\nNAME READY STATUS\n');
    expect(s.run("printf '10\\n9\\n100\\n' | sort -n").output).toBe('9\n10\n100\n');
    expect(s.run('sort t.txt | uniq -c').output).toBe('      1 NAME READY STATUS\n      1 api-2 0/1 Pending\n      2 web-1 1/1 Running\n');
  });
  it('awk print fields, NR>1, /re/, $NF; cut -d -f; tr; sed s///g and -n Np', () => {
    const s = sh();
    expect(s.run("awk 'NR>1 {print $1}' t.txt").output).toBe('web-1\napi-2\nweb-1\n');
    expect(s.run("awk '/Pending/ {print $1, $NF}' t.txt").output).toBe('api-2 Pending\n');
    expect(s.run("cut -d' ' -f1,3 t.txt | head -n 2").output).toBe('NAME STATUS\nweb-1 Running\n');
    expect(s.run("echo web | tr a-z A-Z").output).toBe('WEB\n');
    expect(s.run("sed 's/web/www/g' t.txt | sed -n '2p'").output).toBe('www-1 1/1 Running\n');
    expect(s.run("sed 's/\\(web\\)-1/\\1!/' t.txt | tail -n 1").output).toBe('web! 1/1 Running\n');
  });
  it('errors: a missing file, an awk program beyond print', () => {
    const s = sh();
    expect(s.run('sort nope').output).toBe('sort: nope: No such file or directory\n');
    expect(s.lastExit).toBe(2);
    expect(s.run("awk 'BEGIN{x=1}' t.txt").output).toMatch(/^awk: this terminal's awk runs only/);
  });
  it('mv renames; date prints the virtual clock as date(1) in UTC', () => {
    const s = sh();
    expect(s.run('mv t.txt u.txt && ls').output).toBe('u.txt\n');
    expect(s.run('date').output).toBe('Mon Sep 15 15:30:00 UTC 2025\n');
  });
});

describe('grep -r / -l / -H and export', () => {
  const s = () => createShell({ seed: 1, files: { 'manifests/a.yaml': 'image: x\nkind: Pod\n', 'manifests/b.yaml': 'kind: Service\n' }, interactive: false });
  it('grep -rn DIR names each file DIR/…; -r with no operand searches . without ./; -l lists files; a directory without -r is refused', () => {
    const sh = s();
    expect(sh.run('grep -rn kind manifests').output).toBe('manifests/a.yaml:2:kind: Pod\nmanifests/b.yaml:1:kind: Service\n');
    expect(sh.run('grep -rl image').output).toBe('manifests/a.yaml\n');
    expect(sh.run('grep -rl image .').output).toBe('./manifests/a.yaml\n');
    expect(sh.run('grep kind manifests').output).toBe('grep: manifests: Is a directory\n');
    expect(sh.lastExit).toBe(2);
    expect(sh.run('grep -h kind manifests/a.yaml manifests/b.yaml').output).toBe('kind: Pod\nkind: Service\n');
  });
  it('export with no operand lists declare -x lines sorted by name', () => {
    const sh = s();
    expect(sh.run('export | head -n 2').output).toBe('declare -x HOME="/home/learner"\ndeclare -x LANG="C.UTF-8"\n');
  });
});

describe('editors', () => {
  it('nano FILE opens the lab editor when one is attached; without one it says how to write the file and creates nothing', () => {
    const s = createShell({ seed: 1, files: {}, interactive: false });
    expect(s.run('nano .env').output).toMatch(/^nano: a full-screen editor does not run in this terminal; write the file with cat > \.env <<EOF/);
    expect(s.world.vfs.exists('/home/learner/llmops/.env')).toBe(false);
    const opened: string[] = [];
    s.setEditorHook((p) => { opened.push(p); return true; });
    expect(s.run('vim manifests/x.yaml').exitCode).toBe(0);
    expect(opened).toEqual(['/home/learner/llmops/manifests/x.yaml']);
  });
});
