// The lab in headless Chromium against the built site and the real simulator: editor markers, apply on save,
// scaling, a broken Service selector, share links, autosave, a corrupt saved state, hostile strings, the narrow
// layout, accessibility, and that pages without a lab load none of its code.
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import type { Page } from 'playwright-core';
import { launch, baseURL, watchErrors as watchAllErrors, axeViolations, type Browser } from './browser';

const MANIFEST = 'manifests/llmops-k8s.yaml';

/** Every console error and uncaught exception of the page (the tests expect none). */
function watchErrors(page: Page): () => string[] {
  const all = watchAllErrors(page);
  return () => [...all];
}
let browser: Browser;

beforeAll(async () => { browser = await launch(); });
afterAll(async () => { await browser?.close(); });

async function openPlayground(page: Page, hash = ''): Promise<void> {
  await page.goto(`${baseURL()}/playground/${hash}`);
  await page.waitForSelector('manifest-lab[data-state="ready"] .lab[data-ready]', { timeout: 45_000 });
}

/** The text the terminal shows (xterm's buffer). */
function terminalText(page: Page): Promise<string> {
  return page.evaluate(() => (document.querySelector('manifest-lab') as unknown as { controller: { terminal: { screenText(): string } } }).controller.terminal.screenText());
}

async function waitForTerminal(page: Page, pattern: RegExp, timeout = 20_000): Promise<string> {
  const start = Date.now();
  let text = '';
  while (Date.now() - start < timeout) {
    text = await terminalText(page);
    if (pattern.test(text)) return text;
    await page.waitForTimeout(100);
  }
  throw new Error(`terminal never showed ${pattern}; it shows:\n${text}`);
}

async function typeCommand(page: Page, command: string): Promise<void> {
  await page.click('.lab-terminal .xterm');
  await page.keyboard.type(command);
  await page.keyboard.press('Enter');
}

function setFile(page: Page, path: string, text: string): Promise<void> {
  return page.evaluate(([p, t]) => {
    const c = (document.querySelector('manifest-lab') as unknown as { controller: { editor: { setActive(p: string): void; setValue(p: string, t: string): void } } }).controller;
    c.editor.setActive(p!);
    c.editor.setValue(p!, t!);
  }, [path, text]);
}

/** Puts the keyboard focus in the editor (as a click in its text would). */
async function focusEditor(page: Page): Promise<void> {
  await page.evaluate(() => (document.querySelector('manifest-lab') as unknown as { controller: { editor: { focus(): void } } }).controller.editor.focus());
}

function podsDrawn(page: Page): Promise<number> {
  return page.evaluate(() => Number(document.querySelector('.lab')?.getAttribute('data-pods') ?? '0'));
}

async function waitPods(page: Page, n: number, timeout = 30_000): Promise<void> {
  await page.waitForFunction((want) => Number(document.querySelector('.lab')?.getAttribute('data-pods')) === want, n, { timeout });
}

async function startClusterAndApply(page: Page): Promise<void> {
  await typeCommand(page, 'minikube start');
  await waitForTerminal(page, /Done! kubectl is now configured/);
  await focusEditor(page);
  await page.keyboard.press('Control+S');
  await waitForTerminal(page, /kubectl apply -f manifests\/llmops-k8s\.yaml[\s\S]*deployment\.apps\/llmops-app created[\s\S]*service\/llmops-service created/);
}

describe('lab on the playground', () => {
  it('shows a schema marker at the line of a typo and offers the right field name', async () => {
    const page = await browser.context.newPage();
    const errors = watchErrors(page);
    await openPlayground(page);
    const doc = 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\nspec:\n  containers:\n  - name: web\n    image: nginx\n    imagePullPolicyy: Always\n';
    await setFile(page, MANIFEST, doc);
    await page.waitForSelector('.lab-diagnostics li[data-line="9"]', { timeout: 10_000 });
    const text = await page.locator('.lab-diagnostics li[data-line="9"]').first().textContent();
    expect(text).toMatch(/imagePullPolicyy/);
    // The quick fix offered on that line (what Ctrl+. lists) replaces the typo with the real field name.
    const fixes = await page.evaluate(() => {
      const c = (document.querySelector('manifest-lab') as unknown as { controller: { editor: { fixesAt(line: number): { title: string; apply(): void }[]; getValue(p: string): string } } }).controller;
      const list = c.editor.fixesAt(9);
      list[0]?.apply();
      return { titles: list.map((f) => f.title), text: c.editor.getValue('manifests/llmops-k8s.yaml') };
    });
    expect(fixes.titles).toContain('Replace "imagePullPolicyy" with "imagePullPolicy"');
    expect(fixes.text.split('\n')[8]).toBe('    imagePullPolicy: Always');
    await page.waitForFunction(() => !document.querySelector('.lab-diagnostics li[data-line="9"]'), null, { timeout: 10_000 });
    expect(errors()).toEqual([]);
    await page.close();
  });

  it('applies on save, scales to three pods, shows a broken selector, and survives share, reload and corruption', async () => {
    const page = await browser.context.newPage();
    const errors = watchErrors(page);
    let dialogs = 0;
    page.on('dialog', (d) => { dialogs++; void d.dismiss(); });
    await page.goto(`${baseURL()}/playground/`);
    await page.evaluate(() => localStorage.clear());
    await openPlayground(page);
    await startClusterAndApply(page);
    await waitPods(page, 1);
    expect(await page.locator('.lab-graph [data-kind="Deployment"][data-name="llmops-app"]').count()).toBe(1);
    expect(await page.locator('.lab-graph [data-kind="Service"][data-name="llmops-service"]').count()).toBe(1);

    await typeCommand(page, 'kubectl scale deployment llmops-app --replicas=3');
    await waitForTerminal(page, /deployment\.apps\/llmops-app scaled/);
    await waitPods(page, 3);
    expect(await page.locator('.lab-graph [data-kind="Pod"]').count()).toBe(3);

    // Break the Service selector in the editor and save.
    const seed = await page.evaluate(() => (document.querySelector('manifest-lab') as unknown as { controller: { editor: { getValue(p: string): string } } }).controller.editor.getValue('manifests/llmops-k8s.yaml'));
    // The file still says replicas: 1; keep the three pods by saying 3 there too (apply would scale back otherwise).
    const broken = seed.replace('replicas: 1', 'replicas: 3').replace(/(kind: Service[\s\S]*selector:\n\s+app:) llmops/, '$1 llmops-api');
    expect(broken).not.toBe(seed);
    await setFile(page, MANIFEST, broken);
    await focusEditor(page);
    await page.keyboard.press('Control+S');
    await waitForTerminal(page, /service\/llmops-service configured/);
    await page.waitForSelector('.lab-graph .edge.broken', { timeout: 10_000 });
    const problem = await page.locator('.lab-problems li', { hasText: 'llmops-api' }).first().textContent();
    expect(problem).toMatch(/app=llmops-api matches 0 of 3 pods/);
    expect(await page.locator('.lab-graph .edge.broken.edge-selector title').first().textContent()).toBe(problem);

    // Share link → a fresh browser profile rebuilds the same state.
    await page.click('button:has-text("Share link")');
    const url = await page.inputValue('.lab-share-url');
    expect(url).toMatch(/#state=lab1\./);
    const other = await launch();
    try {
      const p2 = await other.context.newPage();
      const errors2 = watchErrors(p2);
      await p2.goto(url);
      await p2.waitForSelector('manifest-lab[data-state="ready"] .lab[data-ready]', { timeout: 45_000 });
      await waitPods(p2, 3);
      await p2.waitForSelector('.lab-graph .edge.broken', { timeout: 10_000 });
      expect(await p2.locator('.lab-problems li', { hasText: 'llmops-api' }).first().textContent()).toMatch(/app=llmops-api matches 0 of 3 pods/);
      expect(await terminalText(p2)).toContain('kubectl scale deployment llmops-app --replicas=3');
      expect(errors2()).toEqual([]);
    } finally { await other.close(); }

    // Reload → the autosaved state comes back.
    await page.waitForTimeout(600); // autosave is debounced by 300 ms
    await page.reload();
    await page.waitForSelector('manifest-lab[data-state="ready"] .lab[data-ready]', { timeout: 45_000 });
    await waitPods(page, 3);
    await page.waitForSelector('.lab-graph .edge.broken', { timeout: 10_000 });

    // Corrupt saved state → a notice and a working lab.
    await page.evaluate(() => localStorage.setItem('manifest-lab:playground:v1', 'lab1.this-is-not-a-valid-state'));
    await page.goto(`${baseURL()}/playground/`);
    await page.waitForSelector('manifest-lab[data-state="ready"] .lab[data-ready]', { timeout: 45_000 });
    expect(await page.locator('.lab-notice').textContent()).toMatch(/could not be restored/);
    expect(await podsDrawn(page)).toBe(0);
    await typeCommand(page, 'echo still-working');
    await waitForTerminal(page, /\nstill-working/);

    // A foreign hash is ignored with a notice too (pasted into the same tab: the lab reloads for it).
    await page.evaluate(() => { location.hash = 'state=lab9.zzz'; });
    await page.waitForSelector('manifest-lab[data-state="ready"] .lab[data-ready]', { timeout: 45_000 });
    expect(await page.locator('.lab-notice').textContent()).toMatch(/shared link could not be opened/);
    expect(dialogs).toBe(0);
    expect(errors()).toEqual([]);
    await page.close();
  });

  it('renders hostile strings as text and runs nothing', async () => {
    const page = await browser.context.newPage();
    const errors = watchErrors(page);
    let dialogs = 0;
    page.on('dialog', (d) => { dialogs++; void d.dismiss(); });
    await page.goto(`${baseURL()}/playground/`);
    await page.evaluate(() => localStorage.clear());
    await openPlayground(page);
    // If any string were parsed as HTML, the img's onerror would call alert: count calls instead of showing them.
    await page.evaluate(() => { const w = window as unknown as { pwned: number; alert: () => void }; w.pwned = 0; w.alert = () => { w.pwned++; }; });
    const evil = '<img src=x onerror=alert(1)>';
    await typeCommand(page, 'minikube start');
    await waitForTerminal(page, /Done! kubectl is now configured/);
    const manifest = `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: evil\n  annotations:\n    note: "${evil}"\n  labels:\n    app: "${evil}"\ndata:\n  html: "${evil}"\n`;
    await setFile(page, 'manifests/extra.yaml', manifest);
    await page.waitForSelector('.lab-diagnostics li:has-text("a valid label")', { timeout: 10_000 });
    const marker = page.locator('.lab-diagnostics li:has-text("a valid label")').first();
    expect(await marker.textContent()).toContain(evil);
    expect(Number(await marker.getAttribute('data-line'))).toBe(8);
    await focusEditor(page);
    await page.keyboard.press('Control+S');
    await waitForTerminal(page, /is invalid/);
    // Valid now (label removed): the annotation and data stay hostile.
    await setFile(page, 'manifests/extra.yaml', manifest.replace(`  labels:\n    app: "${evil}"\n`, ''));
    await focusEditor(page);
    await page.keyboard.press('Control+S');
    await waitForTerminal(page, /configmap\/evil created/);
    await page.waitForSelector('.lab-graph [data-kind="ConfigMap"][data-name="evil"]');
    await page.click('.lab-graph [data-kind="ConfigMap"][data-name="evil"]');
    await page.waitForSelector('.lab-details pre');
    expect(await page.locator('.lab-details pre').textContent()).toContain(evil);
    expect(await page.locator('img[src="x"]').count()).toBe(0);
    expect(await page.evaluate(() => (window as unknown as { pwned?: number }).pwned)).toBe(0);
    expect(dialogs).toBe(0);
    expect(errors()).toEqual([]);
    await page.close();
  });

  it('works at 375 px with pane tabs, from the keyboard, and passes axe', async () => {
    const narrow = await launch({ viewport: { width: 375, height: 800 } });
    try {
      const page = await narrow.context.newPage();
      const errors = watchErrors(page);
      await openPlayground(page);
      expect(await page.locator('.lab-panetabs').isVisible()).toBe(true);
      expect(await page.locator('.lab-terminal-pane').isVisible()).toBe(false);
      await page.click('.lab-panetabs [role="tab"]:has-text("Terminal")');
      expect(await page.locator('.lab-terminal-pane').isVisible()).toBe(true);
      // The terminal has focus after switching: typing goes straight in.
      await page.keyboard.type('echo narrow-ok');
      await page.keyboard.press('Enter');
      await waitForTerminal(page, /\nnarrow-ok/);
      const scroll = await page.evaluate(() => document.documentElement.scrollWidth);
      expect(scroll).toBeLessThanOrEqual(375);
      expect(errors()).toEqual([]);
    } finally { await narrow.close(); }

    for (const colorScheme of ['light', 'dark'] as const) {
      const b = await launch({ colorScheme });
      try {
        const page = await b.context.newPage();
        await openPlayground(page);
        expect(await page.getAttribute('.xterm-helper-textarea', 'aria-label')).toBe('Terminal input');
        expect(await page.locator('.lab [data-dark]').count() + (await page.locator('.lab[data-dark]').count())).toBe(colorScheme === 'dark' ? 1 : 0);
        expect(await axeViolations(page)).toEqual([]);
      } finally { await b.close(); }
    }
  });
});

describe('kubectl edit in the lab', () => {
  /** The path and text of the editor's active file, and whether it is a kubectl edit tab. */
  function activeFile(page: Page): Promise<{ path: string; text: string; edit: boolean; focusInEditor: boolean }> {
    return page.evaluate(() => {
      const c = (document.querySelector('manifest-lab') as unknown as { controller: { editor: { activePath(): string; getValue(p?: string): string } } }).controller;
      const path = c.editor.activePath();
      return {
        path, text: c.editor.getValue(path),
        edit: document.querySelector(`.lab-filetabs [data-path="${CSS.escape(path)}"]`)?.hasAttribute('data-edit') ?? false,
        focusInEditor: Boolean(document.activeElement?.closest('.lab-editor')),
      };
    });
  }

  it('opens the live object in a tab; saving applies it, cancelling and invalid edits report as kubectl does', async () => {
    const page = await browser.context.newPage();
    const errors = watchErrors(page);
    await page.goto(`${baseURL()}/playground/`);
    await page.evaluate(() => localStorage.clear());
    await openPlayground(page);
    await startClusterAndApply(page);
    await waitPods(page, 1);

    // 1. Edit replicas and save with Ctrl+S from the editor: the terminal says "edited" and the cluster view follows.
    await typeCommand(page, 'kubectl edit deploy/llmops-app');
    await page.waitForSelector('.lab-filetabs [data-edit][aria-selected="true"]');
    let file = await activeFile(page);
    expect(file.path).toBe('/tmp/kubectl-edit-llmops-app.yaml');
    expect(file.edit).toBe(true);
    expect(file.focusInEditor).toBe(true);
    expect(file.text).toMatch(/^# Please edit the object below\./);
    expect(file.text).toContain('kind: Deployment');
    expect(await page.locator('.lab-edit-note').textContent()).toMatch(/live deployment\/llmops-app/);
    expect(await page.locator('.lab-editor-actions button:has-text("Save and close")').isVisible()).toBe(true);
    await setFile(page, file.path, file.text.replace(/^ {2}replicas: 1$/m, '  replicas: 3'));
    await focusEditor(page);
    await page.keyboard.press('Control+S');
    await waitForTerminal(page, /deployment\.apps\/llmops-app edited/);
    await page.waitForSelector('.lab-filetabs [data-edit]', { state: 'detached' });
    expect((await activeFile(page)).path).toBe(MANIFEST);
    expect(await page.locator('.lab-edit-note').isVisible()).toBe(false);
    await waitPods(page, 3);

    // 2. Open again and cancel: nothing changes.
    await typeCommand(page, 'kubectl edit deployment llmops-app');
    await page.waitForSelector('.lab-filetabs [data-edit][aria-selected="true"]');
    expect((await activeFile(page)).text).toMatch(/^ {2}replicas: 3$/m);
    await page.click('.lab-editor-actions button:has-text("Cancel edit")');
    await waitForTerminal(page, /Edit cancelled, no changes made\./);
    await page.waitForSelector('.lab-filetabs [data-edit]', { state: 'detached' });

    // 3. An invalid edit: kubectl's error in the terminal, the file reopened with the reason at the top;
    //    closing it unchanged gives up and keeps the pods as they were.
    await typeCommand(page, 'kubectl edit deploy/llmops-app');
    await page.waitForSelector('.lab-filetabs [data-edit][aria-selected="true"]');
    file = await activeFile(page);
    const broken = file.text.replace(/( {2}template:\n {4}metadata:\n(?: {6}.*\n)*? {8}app: )llmops/, '$1llmops-v2');
    expect(broken).not.toBe(file.text);
    await setFile(page, file.path, broken);
    await page.click('.lab-editor-actions button:has-text("Save and close")');
    await waitForTerminal(page, /error: deployments\.apps "llmops-app" is invalid/);
    await page.waitForFunction(() => {
      const c = (document.querySelector('manifest-lab') as unknown as { controller: { editor: { getValue(p: string): string } } }).controller;
      return c.editor.getValue('/tmp/kubectl-edit-llmops-app.yaml').includes('was not valid');
    });
    file = await activeFile(page);
    expect(file.edit).toBe(true);
    expect(file.text).toMatch(/^# deployments\.apps "llmops-app" was not valid:\n# \* spec\.template\.metadata\.labels: Invalid value: .*`selector` does not match template `labels`$/m);
    expect(file.text).toContain('app: llmops-v2');
    await page.click('.lab-editor-actions button:has-text("Cancel edit")');
    await waitForTerminal(page, /A copy of your changes has been stored to "\/tmp\/kubectl-edit-llmops-app\.yaml"\s*error: Edit cancelled, no valid changes were saved\./);
    await page.waitForSelector('.lab-filetabs [data-edit]', { state: 'detached' });
    await typeCommand(page, 'kubectl get deploy llmops-app -o jsonpath={.spec.template.metadata.labels.app}');
    await waitForTerminal(page, /jsonpath=\{\.spec\.template\.metadata\.labels\.app\}\s*\nllmops\b/);
    expect(await podsDrawn(page)).toBe(3);

    // 4. A share link replays the saved edits, and an edit still open comes back open (as it was offered).
    await typeCommand(page, 'kubectl edit svc/llmops-service');
    await page.waitForSelector('.lab-filetabs [data-edit][aria-selected="true"]');
    await page.click('button:has-text("Share link")');
    const url = await page.inputValue('.lab-share-url');
    const other = await launch();
    try {
      const p2 = await other.context.newPage();
      const errors2 = watchErrors(p2);
      await p2.goto(url);
      await p2.waitForSelector('manifest-lab[data-state="ready"] .lab[data-ready]', { timeout: 45_000 });
      await waitPods(p2, 3);
      await p2.waitForSelector('.lab-filetabs [data-edit][aria-selected="true"]');
      expect(await p2.locator('.lab-filetabs [data-edit]').textContent()).toBe('edit: service/llmops-service');
      const replayed = await terminalText(p2);
      expect(replayed).toMatch(/kubectl edit deploy\/llmops-app\n.*\ndeployment\.apps\/llmops-app edited\nlearner@workstation:~\/llmops\$ kubectl edit deployment llmops-app\n/);
      expect(replayed).not.toMatch(/\$ learner@workstation/);
      await p2.click('.lab-editor-actions button:has-text("Cancel edit")');
      await waitForTerminal(p2, /Edit cancelled, no changes made\.\nlearner@workstation:~\/llmops\$\s*$/);
      expect(errors2()).toEqual([]);
    } finally { await other.close(); }
    expect(errors()).toEqual([]);
    await page.close();
  });
});

describe('lab views', () => {
  it('highlights the pods a hovered selector matches, shows the diff, and scrubs back in time', async () => {
    const page = await browser.context.newPage();
    const errors = watchErrors(page);
    await page.goto(`${baseURL()}/playground/`);
    await page.evaluate(() => localStorage.clear());
    await openPlayground(page);
    await startClusterAndApply(page);
    await waitPods(page, 1);
    // Hover the Service's selector line (app: llmops under selector:) with the mouse.
    const point = await page.evaluate(() => {
      const c = (document.querySelector('manifest-lab') as unknown as { controller: { editor: { editor: import('monaco-editor/editor').editor.IStandaloneCodeEditor; getValue(p: string): string } } }).controller;
      const lines = c.editor.getValue('manifests/llmops-k8s.yaml').split('\n');
      const svc = lines.findIndex((l) => l.startsWith('kind: Service'));
      const line = lines.findIndex((l, i) => i > svc && /^\s+app: llmops$/.test(l)) + 1;
      c.editor.editor.revealLineInCenter(line);
      const pos = c.editor.editor.getScrolledVisiblePosition({ lineNumber: line, column: 6 })!;
      const box = c.editor.editor.getDomNode()!.getBoundingClientRect();
      return { x: box.left + pos.left + 2, y: box.top + pos.top + pos.height / 2 };
    });
    await page.mouse.move(point.x, point.y);
    await page.waitForSelector('.lab-graph .box.kind-Pod.highlighted', { timeout: 10_000 });
    await page.mouse.move(5, 5);
    await page.waitForFunction(() => !document.querySelector('.lab-graph .box.highlighted'), null, { timeout: 10_000 });

    // Diff against the original file.
    await setFile(page, MANIFEST, (await page.evaluate(() => (document.querySelector('manifest-lab') as unknown as { controller: { editor: { getValue(p: string): string } } }).controller.editor.getValue('manifests/llmops-k8s.yaml'))).replace('replicas: 1', 'replicas: 2'));
    await page.click('.lab-editor-actions button:has-text("Diff")');
    await page.waitForSelector('.lab-editor .monaco-diff-editor', { state: 'visible', timeout: 10_000 });
    expect(await page.getAttribute('.lab-filetabs [data-path="manifests/llmops-k8s.yaml"]', 'data-modified')).toBe('true');
    await page.click('.lab-editor-actions button:has-text("Diff")');
    await page.click('.lab-editor-actions button:has-text("Revert file")');
    expect(await page.getAttribute('.lab-filetabs [data-path="manifests/llmops-k8s.yaml"]', 'data-modified')).toBe('false');

    // Scrub the timeline back to the first snapshot: an earlier cluster is drawn, then back to live.
    await page.$eval('.lab-timeline input[type="range"]', (el) => { const r = el as HTMLInputElement; r.value = '0'; r.dispatchEvent(new Event('input', { bubbles: true })); });
    await page.waitForSelector('.lab-history-banner:not([hidden])');
    expect(await page.locator('.lab-history-banner').textContent()).toMatch(/Showing the cluster as it was at \d+:\d\d/);
    expect(await page.locator('.lab-graph [data-kind="Deployment"]').count()).toBe(0);
    await page.click('.lab-history-banner button:has-text("Back to live")');
    await page.waitForSelector('.lab-graph [data-kind="Deployment"]');
    expect(errors()).toEqual([]);
    await page.close();
  });
});

describe('nano in the lab', () => {
  it('nano FILE opens the file in the editor (an open tab is reused), and what is typed is in the file', async () => {
    const page = await browser.context.newPage();
    const errors = watchErrors(page);
    await page.goto(`${baseURL()}/playground/`);
    await page.evaluate(() => localStorage.clear());
    await openPlayground(page);
    await typeCommand(page, 'nano notes.txt');
    await page.waitForSelector('.lab-filetabs [data-path="notes.txt"][aria-selected="true"]');
    expect(await page.evaluate(() => Boolean(document.activeElement?.closest('.lab-editor')))).toBe(true);
    await page.keyboard.type('written in the editor');
    await typeCommand(page, 'cat notes.txt');
    await waitForTerminal(page, /\$ cat notes\.txt\nwritten in the editor\n/);
    await typeCommand(page, 'vi manifests/llmops-k8s.yaml');
    await page.waitForSelector('.lab-filetabs [data-path="manifests/llmops-k8s.yaml"][aria-selected="true"]');
    expect(await page.locator('.lab-filetabs [data-path="manifests/llmops-k8s.yaml"]').count()).toBe(1);
    expect(errors()).toEqual([]);
    await page.close();
  });
});

describe('a lab inside a lesson', () => {
  const LESSON = '/lessons/10-best-practices/';
  const LAB = 'exercise-lab[data-scenario="readiness-probe-failing"]';

  /** Contrast ratio (WCAG) between two CSS rgb() colours. */
  function contrast(a: string, b: string): number {
    const lum = (c: string) => {
      const [r, g, bl] = (c.match(/\d+(\.\d+)?/g) ?? []).slice(0, 3).map((v) => Number(v) / 255).map((v) => (v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4));
      return 0.2126 * r! + 0.7152 * g! + 0.0722 * bl!;
    };
    const [x, y] = [lum(a), lum(b)].sort((p, q) => q - p);
    return (x! + 0.05) / (y! + 0.05);
  }

  async function openLessonLab(page: Page): Promise<void> {
    await page.goto(`${baseURL()}${LESSON}`);
    await page.locator(`${LAB} [data-exercise-open]`).scrollIntoViewIfNeeded();
    await page.click(`${LAB} [data-exercise-open]`);
    await page.waitForSelector(`${LAB}[data-state="ready"] .lab[data-ready]`, { timeout: 60_000 });
    await page.waitForFunction((sel) => document.activeElement?.closest(sel) !== null && document.activeElement?.classList.contains('xterm-helper-textarea'), `${LAB} .lab-terminal`);
  }

  it('at 1280 px the panes stack in the text column, so kubectl tables fit the terminal; the prompt is legible', async () => {
    for (const colorScheme of ['light', 'dark'] as const) {
      const b = await launch({ colorScheme });
      try {
        const page = await b.context.newPage();
        const errors = watchErrors(page);
        await openLessonLab(page);
        const widths = await page.evaluate((sel) => {
          const w = (q: string) => document.querySelector(`${sel} ${q}`)!.getBoundingClientRect().width;
          return { panes: w('.lab-panes'), terminal: w('.lab-terminal-pane'), cluster: w('.lab-cluster-pane') };
        }, LAB);
        expect(widths.panes).toBeLessThan(960);
        expect(widths.terminal).toBe(widths.panes);
        expect(widths.cluster).toBe(widths.panes);
        await page.keyboard.type('kubectl get pods');
        await page.keyboard.press('Enter');
        const screen = () => page.evaluate((sel) => (document.querySelector(sel) as unknown as { controller: { terminal: { screenText(): string } } }).controller.terminal.screenText(), LAB);
        let text = '';
        for (let i = 0; i < 100 && !/NAME\s+READY\s+STATUS\s+RESTARTS\s+AGE\n/.test(text); i++) { text = await screen(); await page.waitForTimeout(100); }
        // the table's header and its row are each on one line of the terminal (not wrapped at the pane's edge)
        expect(text).toMatch(/\nNAME +READY +STATUS +RESTARTS +AGE\nllmops-app-\S+ +0\/1 +Running +\d+ +\d+s\n/);
        // The green prompt and the blue path keep 4.5:1 against the terminal's background in both themes.
        const colours = await page.evaluate((sel) => {
          const spans = [...document.querySelectorAll(`${sel} .xterm-rows span`)] as HTMLElement[];
          const user = spans.find((e) => e.textContent === 'learner@workstation');
          const path = spans.find((e) => e.textContent === '~/llmops');
          // the first opaque background behind the prompt is what the text is read against
          let bg = 'rgb(0, 0, 0)';
          for (let e: HTMLElement | null = user ?? null; e; e = e.parentElement) {
            const c = getComputedStyle(e).backgroundColor;
            if (c !== 'rgba(0, 0, 0, 0)' && c !== 'transparent') { bg = c; break; }
          }
          return { user: user && getComputedStyle(user).color, path: path && getComputedStyle(path).color, bg };
        }, LAB);
        expect(colours.user && colours.path).toBeTruthy();
        expect(contrast(colours.user!, colours.bg)).toBeGreaterThanOrEqual(4.5);
        expect(contrast(colours.path!, colours.bg)).toBeGreaterThanOrEqual(4.5);
        // With events listed, the cluster drawn and a kubectl edit tab open (its header is comments), axe finds no
        // serious or critical problem in either theme.
        await page.keyboard.type('kubectl edit deploy/llmops-app');
        await page.keyboard.press('Enter');
        await page.waitForSelector(`${LAB} .lab-filetabs [data-edit][aria-selected="true"]`);
        await page.waitForSelector(`${LAB} .lab-events li`);
        expect(await axeViolations(page)).toEqual([]);
        expect(errors()).toEqual([]);
      } finally { await b.close(); }
    }
  });

  it('at 375 px "Open lab" lands in the terminal, and the cluster drawing keeps readable labels', async () => {
    const b = await launch({ viewport: { width: 375, height: 800 } });
    try {
      const page = await b.context.newPage();
      const errors = watchErrors(page);
      await openLessonLab(page);
      expect(await page.locator(`${LAB} .lab-terminal-pane`).isVisible()).toBe(true);
      expect(await page.getAttribute(`${LAB} .lab-panetabs [role="tab"]:has-text("Terminal")`, 'aria-selected')).toBe('true');
      await page.click(`${LAB} .lab-panetabs [role="tab"]:has-text("Cluster")`);
      await page.waitForSelector(`${LAB} .lab-graph svg`);
      const svg = await page.evaluate((sel) => {
        const el = document.querySelector(`${sel} .lab-graph svg`) as SVGSVGElement;
        return { drawn: el.getBoundingClientRect().width, natural: el.viewBox.baseVal.width };
      }, LAB);
      expect(svg.drawn / svg.natural).toBeGreaterThanOrEqual(0.74);
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
      expect(errors()).toEqual([]);
    } finally { await b.close(); }
  });
});

describe('offline service worker', () => {
  it('registers /sw.js for the whole site from the playground, with no console error', async () => {
    const page = await browser.context.newPage();
    const errors = watchErrors(page);
    const swResponses: number[] = [];
    page.on('response', (r) => { if (new URL(r.url()).pathname === '/sw.js') swResponses.push(r.status()); });
    await openPlayground(page);
    const reg = await page.evaluate(() => navigator.serviceWorker.ready.then((r) => ({ scope: r.scope, script: r.active?.scriptURL })));
    expect(reg).toEqual({ scope: `${baseURL()}/`, script: `${baseURL()}/sw.js` });
    expect(swResponses.every((s) => s === 200)).toBe(true);
    expect(errors()).toEqual([]);
    await page.close();
  });
});

describe('lab code stays off pages without a lab', () => {
  it('the home page fetches no lab, Monaco or xterm code', async () => {
    const page = await browser.context.newPage();
    const urls: string[] = [];
    page.on('request', (r) => urls.push(r.url()));
    await page.goto(`${baseURL()}/`, { waitUntil: 'networkidle' });
    const lab = urls.filter((u) => /lab-app|lab-boot|Lab\.astro|monaco|xterm|yaml\.worker|editor\.worker|codicon/i.test(u));
    expect(lab).toEqual([]);
    const styles = await page.evaluate(() => [...document.querySelectorAll('style')].filter((s) => /\.lab-graph|\.xterm/.test(s.textContent ?? '')).length);
    expect(styles).toBe(0);
    await page.close();
  });
});
