import { describe, it, expect } from 'vitest';
import { parse, needsMoreInput, type Word } from './lexer';

const words = (input: string) => parse(input).items.map((i) => i.pipeline.commands.map((c) => c.words.map(show)));
function show(w: Word): string {
  return w.parts.map((p) => (p.t === 'lit' ? p.v : p.t === 'var' ? `<$${p.name}>` : p.t === 'cmd' ? `<(${p.src})>` : `<((${p.expr}))>`)).join('');
}

describe('shell lexer', () => {
  it('splits words on blanks and keeps quoted blanks', () => {
    expect(words(`echo  "a  b" 'c d' e\\ f`)).toEqual([[['echo', 'a  b', 'c d', 'e f']]]);
  });
  it('expands nothing inside single quotes, $VAR and $(…) inside double quotes', () => {
    expect(words(`echo '$HOME' "$HOME" "\${X}y" "$(minikube ip)"`)).toEqual([[['echo', '$HOME', '<$HOME>', '<$X>y', '<(minikube ip)>']]]);
  });
  it('handles escapes in double quotes', () => {
    expect(words(`echo "a\\"b" "c\\\\d" "e\\$f" "g\\h"`)).toEqual([[['echo', 'a"b', 'c\\d', 'e$f', 'g\\h']]]);
  });
  it('nests command substitution and backticks', () => {
    expect(words('curl http://$(kubectl get svc x -o jsonpath="{.spec.clusterIP}"):80 `echo hi`')).toEqual([[['curl', 'http://<(kubectl get svc x -o jsonpath="{.spec.clusterIP}")>:80', '<(echo hi)>']]]);
  });
  it('splits lists on && || ; & and records each operator', () => {
    const r = parse('a && b || c; d & e');
    expect(r.items.map((i) => [i.text, i.op])).toEqual([['a', '&&'], ['b', '||'], ['c', ';'], ['d', '&'], ['e', ';']]);
  });
  it('builds pipelines', () => {
    expect(words('kubectl get pods | grep -i run | head -n 1')).toEqual([[['kubectl', 'get', 'pods'], ['grep', '-i', 'run'], ['head', '-n', '1']]]);
  });
  it('drops comments but not a # inside a word or quotes', () => {
    expect(words('echo a#b "#c" # trailing comment')).toEqual([[['echo', 'a#b', '#c']]]);
    expect(parse('# only a comment').items).toEqual([]);
  });
  it('reads heredocs, with expansion unless the delimiter is quoted', () => {
    const r = parse('kubectl apply -f - <<EOF\napiVersion: v1\nkind: $KIND\nEOF\necho done');
    const red = r.items[0]!.pipeline.commands[0]!.redirects[0]!;
    expect(red).toMatchObject({ op: '<<', body: 'apiVersion: v1\nkind: $KIND\n', literal: false });
    expect(r.items[1]!.text).toBe('echo done');
    const q = parse("cat > f <<'EOF'\n$x\nEOF").items[0]!.pipeline.commands[0]!.redirects;
    expect(q.find((x) => x.op === '<<')).toMatchObject({ literal: true, body: '$x\n' });
    expect(q.find((x) => x.op === '>')!.target!.raw).toBe('f');
  });
  it('strips leading tabs with <<-', () => {
    expect(parse('cat <<-END\n\tindented\n\tEND').items[0]!.pipeline.commands[0]!.redirects[0]!.body).toBe('indented\n');
  });
  it('says when more input is needed', () => {
    for (const s of ['echo "open', "echo 'open", 'cat <<EOF\nno end', 'kubectl get pods |', 'true &&', 'echo a \\', 'echo $(date']) {
      expect(needsMoreInput(s), s).toBe(true);
    }
    expect(needsMoreInput('echo done')).toBe(false);
  });
  it('reports syntax errors in bash words', () => {
    expect(parse('| grep x').error).toBe("syntax error near unexpected token `|'");
    expect(parse('echo ;;').error).toBe("syntax error near unexpected token `;;'");
    expect(parse('echo >').error).toBe("syntax error near unexpected token `newline'");
    expect(parse('a && && b').error).toBe("syntax error near unexpected token `&&'");
  });
  it('parses redirections', () => {
    const c = parse('kubectl get pods > out.txt 2>/dev/null').items[0]!.pipeline.commands[0]!;
    expect(c.words.map(show)).toEqual(['kubectl', 'get', 'pods']);
    expect(c.redirects.map((r) => [r.op, r.target ? show(r.target) : ''])).toEqual([['>', 'out.txt'], ['2>', '/dev/null']]);
    expect(parse('cmd 2>&1 | grep x').items[0]!.pipeline.commands[0]!.redirects[0]!.op).toBe('2>&1');
  });
  it('treats NAME=value before a command as an assignment', () => {
    const c = parse('X=1 Y="a b" env').items[0]!.pipeline.commands[0]!;
    expect(c.assigns.map((a) => [a.name, show(a.value)])).toEqual([['X', '1'], ['Y', 'a b']]);
    expect(c.words.map(show)).toEqual(['env']);
  });
});
