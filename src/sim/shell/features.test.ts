// Shell features a learner types: arithmetic and parameter expansion as bash does them, `sleep N &` as a job on the
// virtual clock, `wait`, script files that exist, `bash -c`; and the workstation's Docker after `minikube start`.
import { describe, it, expect } from 'vitest';
import { createShell } from './index';
import { evalArith } from './arith';

const sh = () => createShell({ seed: 1, files: { 'scripts/deploy-minikube.sh': '#!/usr/bin/env bash\necho hi\n', 'manifests/a.yaml': 'x: 1\n' }, interactive: false });

describe('expansions', () => {
  it('$(( )) integer arithmetic with variables, precedence, ** and comparisons', () => {
    const s = sh();
    expect(s.run('x=5; echo $((x+1)) $(( 7 / 2 )) $((2**10)) $(( (1+2)*3 )) $((-7 % 3)) $((x > 3 && x < 9))').output).toBe('6 3 1024 9 -1 1\n');
    expect(evalArith('0x10 + 010', () => '')).toBe(24);
    expect(evalArith('y * 2', (n) => (n === 'y' ? '3+1' : ''))).toBe(8);
  });
  it('a failed expansion prints bash\'s error and does not run the command ($? = 1)', () => {
    const s = sh();
    expect(s.run('echo $((1/0))').output).toBe('bash: 1/0: division by 0 (error token is "0")\n');
    expect(s.lastExit).toBe(1);
    expect(s.run('echo ${NOPE:?must be set}').output).toBe('bash: NOPE: must be set\n');
  });
  it('${VAR:-word} ${VAR-word} ${VAR:=word} ${VAR:+word} ${#VAR}', () => {
    const s = sh();
    expect(s.run('E=; echo ${U:-d1} ${E:-d2} ${E-d3}. ${HOME:+set} ${#HOME} ${N:=v} $N').output).toBe('d1 d2 . set 13 v v\n');
  });
});

describe('jobs on the virtual clock', () => {
  it('sleep N & does not move time; jobs shows it Running; wait moves time until it is Done', () => {
    const s = sh();
    const t0 = s.world.nowMs;
    expect(s.run('sleep 3 &').output).toMatch(/^\[1\] \d+\n$/);
    expect(s.world.nowMs).toBe(t0);
    expect(s.run('jobs').output).toBe('[1]+  Running                 sleep 3 &\n');
    expect(s.run('wait').output).toBe('[1]+  Done                    sleep 3\n');
    expect(s.world.nowMs).toBe(t0 + 3000);
  });
  it('a background sleep ends by itself when time passes; kill %1 terminates it', () => {
    const s = sh();
    s.run('sleep 2 &');
    expect(s.run('sleep 5').output).toBe('[1]+  Done                    sleep 2\n');
    s.run('sleep 9 &');
    expect(s.run('kill %1').output).toBe('[1]+  Terminated              sleep 9\n');
  });
});

describe('script files and bash -c', () => {
  it('an existing script is reported as not simulated (not "No such file"); a missing one as missing', () => {
    const s = sh();
    expect(s.run('scripts/deploy-minikube.sh --dry-run').output).toMatch(/^bash: scripts\/deploy-minikube.sh: running script files is not simulated/);
    expect(s.lastExit).toBe(126);
    expect(s.run('bash ./scripts/deploy-minikube.sh').output).toMatch(/not simulated/);
    expect(s.run('./nothing.sh').output).toBe('bash: ./nothing.sh: No such file or directory\n');
    expect(s.lastExit).toBe(127);
    expect(s.run('./manifests').output).toBe('bash: ./manifests: Is a directory\n');
    expect(s.run('./manifests/a.yaml').output).toBe('bash: ./manifests/a.yaml: Permission denied\n');
    expect(s.lastExit).toBe(126);
  });
  it('bash -c runs its command line', () => {
    const s = sh();
    expect(s.run("bash -c 'echo hi && echo $((3+4))'").output).toBe('hi\n7\n');
  });
});

describe('the host Docker after minikube start', () => {
  it('docker images lists kicbase (kept after delete); docker ps shows the minikube node container while it runs', () => {
    const s = sh();
    expect(s.run('docker ps').output).toBe('CONTAINER ID   IMAGE     COMMAND   CREATED   STATUS    PORTS     NAMES\n');
    s.run('minikube start');
    expect(s.run('docker images').output).toMatch(/^REPOSITORY {20}TAG {7}IMAGE ID {7}CREATED {7}SIZE\ngcr\.io\/k8s-minikube\/kicbase {3}v0\.0\.48 {3}[0-9a-f]{12} {3}\d+ days ago {3}1\.31GB\n$/);
    const ps = s.run('docker ps').output.split('\n');
    expect(ps[1]).toMatch(/^[0-9a-f]{12}   gcr\.io\/k8s-minikube\/kicbase:v0\.0\.48   "\/usr\/local\/bin\/entr…"   Less than a second ago   Up Less than a second   127\.0\.0\.1:32772->22\/tcp, 127\.0\.0\.1:32771->2376\/tcp, 127\.0\.0\.1:32770->5000\/tcp, 127\.0\.0\.1:32769->8443\/tcp, 127\.0\.0\.1:32768->32443\/tcp   minikube$/);
    s.run('minikube stop');
    expect(s.run('docker ps').output.split('\n')).toHaveLength(2);
    s.run('minikube delete');
    expect(s.run('docker images').output).toContain('gcr.io/k8s-minikube/kicbase');
  });
  it('minikube stop removes the kube context (kubectl falls back to localhost:8080) unless --keep-context-active', () => {
    const s = sh();
    s.run('minikube start');
    s.run('minikube stop');
    expect(s.run('kubectl config current-context').output).toBe('error: current-context is not set\n');
    expect(s.run('kubectl get pods').output).toMatch(/The connection to the server localhost:8080 was refused/);
    s.run('minikube start');
    s.run('minikube stop --keep-context-active');
    expect(s.run('kubectl get pods').output).toMatch(/The connection to the server 192\.168\.49\.2:8443 was refused/);
    expect(s.run('minikube ip').output).toBe('🤷  The control-plane node minikube host is not running: state=Stopped\n👉  To start a cluster, run: "minikube start"\n');
    expect(s.lastExit).toBe(83);
  });
});

describe('compound commands', () => {
  it('for … in … do … done, nested, with globs; break and continue', () => {
    const s = sh();
    expect(s.run('for i in a b; do for j in 1 2; do echo $i$j; done; done').output).toBe('a1\na2\nb1\nb2\n');
    expect(s.run('for f in manifests/*.yaml; do echo "file: $f"; done').output).toBe('file: manifests/a.yaml\n');
    expect(s.run('for i in 1 2 3 4; do if [ $i -eq 2 ]; then continue; fi; if [ $i -eq 4 ]; then break; fi; echo $i; done').output).toBe('1\n3\n');
  });
  it('an open compound asks for more lines, then runs as one command', () => {
    const s = sh();
    expect(s.run('for i in 1 2').incomplete).toBe(true);
    expect(s.run('for i in 1 2\ndo').incomplete).toBe(true);
    expect(s.run('for i in 1 2\ndo\n  echo $i\ndone').output).toBe('1\n2\n');
  });
  it('if/elif/else with test and [ ], while with assignments after do', () => {
    const s = sh();
    expect(s.run('if false; then echo a; elif [ -d manifests ]; then echo b; else echo c; fi').output).toBe('b\n');
    expect(s.run('n=0; while [ $n -lt 3 ]; do echo $n; n=$((n+1)); done').output).toBe('0\n1\n2\n');
    expect(s.run('[ abc -gt 1 ]').output).toBe('bash: [: abc: integer expression expected\n');
    expect(s.lastExit).toBe(2);
    expect(s.run('[ -f manifests/a.yaml ] && test -n "x" && ! [ -z "" ]; echo $?').output).toBe('1\n');
  });
  it('an endless while loop is stopped as by Ctrl-C (^C, $? = 130, the rest of the line does not run)', () => {
    const s = sh();
    expect(s.run('while true; do x=1; done; echo after').output).toBe('^C\n');
    expect(s.lastExit).toBe(130);
  });
  it('a stray keyword is a syntax error', () => {
    const s = sh();
    expect(s.run('done').output).toBe("bash: syntax error near unexpected token `done'\n");
    expect(s.lastExit).toBe(2);
  });
});

describe('minikube flags', () => {
  it('--cpus/--memory size the first start; a later start with another size warns as cmd/start.go does', () => {
    const s = sh();
    expect(s.run('minikube start --memory=4096 --cpus=4').output).toContain('🔥  Creating docker container (CPUs=4, Memory=4096MB) ...\n');
    const again = s.run('minikube start --memory 8g --cpus=4').output;
    expect(again).toContain('✨  Using the docker driver based on existing profile\n❗  You cannot change the memory size for an existing minikube cluster. Please first delete the cluster.\n');
    expect(again).not.toContain('number of CPUs');
  });
  it('status -o json, version --short', () => {
    const s = sh();
    s.run('minikube start');
    expect(s.run('minikube status -o json').output).toBe('{"Name":"minikube","Host":"Running","Kubelet":"Running","APIServer":"Running","Kubeconfig":"Configured","Worker":false}\n');
    expect(s.run('minikube version --short').output).toBe('v1.37.0\n');
  });
});

describe('minikube docker-env and eval', () => {
  it('eval $(minikube docker-env) sends docker build/images to the node (the kubelet then finds the image); -u switches back', () => {
    const s = createShell({ seed: 1, files: { Dockerfile: 'FROM busybox\nRUN true\n' }, interactive: false });
    expect(s.run('minikube docker-env').output).toMatch(/^🤷  Profile "minikube" not found/);
    s.run('minikube start');
    expect(s.run('minikube docker-env').output).toBe('export DOCKER_TLS_VERIFY="1"\nexport DOCKER_HOST="tcp://127.0.0.1:32771"\nexport DOCKER_CERT_PATH="/home/learner/.minikube/certs"\nexport MINIKUBE_ACTIVE_DOCKERD="minikube"\n\n# To point your shell to minikube\'s docker-daemon, run:\n# eval $(minikube -p minikube docker-env)\n');
    s.run('eval $(minikube docker-env)');
    expect(s.run('minikube status').output).toContain('kubeconfig: Configured\ndocker-env: in-use\n\n');
    s.run('docker build -t mine:1 . > /dev/null');
    expect(s.run('minikube image ls').output).toContain('docker.io/library/mine:1\n');
    expect(s.run('docker images').output).toContain('registry.k8s.io/pause');
    s.run('eval $(minikube docker-env -u)');
    expect(s.run('docker images').output).not.toContain('mine');
    expect(s.world.docker.get('mine:1')).toBeUndefined();
  });
});
