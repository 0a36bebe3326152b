import { describe, expect, it } from 'vitest';
import { commandText } from './command-text';
import { decodeEntities, excerptSegments } from './search-text';

describe('commandText', () => {
  it('keeps a shell script as written, minus prompts', () => {
    expect(commandText('$ minikube start\nkubectl get pods\n', 'sh')).toBe('minikube start\nkubectl get pods');
    expect(commandText('# create the secret\nkubectl create secret generic llmops-secrets --from-env-file=.env\n', 'bash'))
      .toBe('# create the secret\nkubectl create secret generic llmops-secrets --from-env-file=.env');
  });

  it('takes only the commands from a console session, not the output', () => {
    const session = [
      '$ kubectl get pods',
      'NAME                          READY   STATUS             RESTARTS   AGE',
      'llmops-app-5d9c7b6f4-abcde    0/1     CrashLoopBackOff   3          1m',
      '$ kubectl logs llmops-app-5d9c7b6f4-abcde',
      'Error: GROQ_API_KEY is not set',
    ].join('\n');
    expect(commandText(session, 'console')).toBe('kubectl get pods\nkubectl logs llmops-app-5d9c7b6f4-abcde');
  });

  it('keeps continuation lines and heredoc bodies of a session command', () => {
    const session = [
      '$ kubectl create secret generic llmops-secrets \\',
      '    --from-literal=GROQ_API_KEY=changeme',
      'secret/llmops-secrets created',
      "$ cat <<'EOF' > note.txt",
      'hello',
      'EOF',
      '$ ls',
      'note.txt',
    ].join('\n');
    expect(commandText(session, 'console')).toBe([
      'kubectl create secret generic llmops-secrets \\',
      '    --from-literal=GROQ_API_KEY=changeme',
      "cat <<'EOF' > note.txt",
      'hello',
      'EOF',
      'ls',
    ].join('\n'));
  });

  it('normalises Windows line endings', () => {
    expect(commandText('$ echo one\r\n$ echo two\r\n', 'console')).toBe('echo one\necho two');
  });
});

describe('search excerpts', () => {
  it('splits Pagefind excerpts into text and hits, never producing markup', () => {
    expect(excerptSegments('the pod shows <mark>CrashLoopBackOff</mark> after &lt;3&gt; restarts')).toEqual([
      { text: 'the pod shows ', hit: false },
      { text: 'CrashLoopBackOff', hit: true },
      { text: ' after <3> restarts', hit: false },
    ]);
  });

  it('leaves hostile markup as inert text', () => {
    const segments = excerptSegments('label <img src=x onerror=alert(1)> and <mark>app</mark>');
    expect(segments[0]).toEqual({ text: 'label <img src=x onerror=alert(1)> and ', hit: false });
    expect(segments[1]).toEqual({ text: 'app', hit: true });
  });

  it('decodes numeric and named entities, leaving unknown ones alone', () => {
    expect(decodeEntities('&#39;a&#x27; &amp; &bogus; &#0;')).toBe("'a' & &bogus; &#0;");
  });
});
