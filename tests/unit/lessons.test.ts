/**
 * The course's structure, checked on the MDX sources:
 *  1. every section of the source document has its lesson, in the source's order;
 *  2. every manifest shown in a lesson comes from manifests/ (ManifestFile with an existing file and an in-range
 *     `lines`), and no fenced yaml block pastes a manifest by hand;
 *  3. each lesson has a goal, the diagrams the course plan asks for, a CheckYourself with 2–4 questions, and a LabSlot.
 */
import { readFileSync, readdirSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { parseLineRange, parseLineSet } from '../../src/components/lesson/manifest-lines';
import { courseStats, formatStats } from '../../src/scenarios/stats';
import { scenarios } from '../../src/scenarios/index';

const ROOT = join(import.meta.dirname, '..', '..');
const LESSONS_DIR = join(ROOT, 'src/content/lessons');
const MANIFESTS_DIR = join(ROOT, 'manifests');

/** The source document's sections (its `##` headings that carry content), in order, with the lesson that follows each. */
const SOURCE_SECTIONS: ReadonlyArray<{ section: string; slug: string }> = [
  { section: 'Overview', slug: '01-overview' },
  { section: 'YAML Format', slug: '02-yaml' },
  { section: 'Deployment Section Breakdown', slug: '03-deployment' },
  { section: 'Service Section Breakdown', slug: '04-service' },
  { section: 'Complete Workflow: Request to Response', slug: '05-request-path' },
  { section: 'Deploying the Application', slug: '06-deploying' },
  { section: 'Scaling the Application', slug: '07-scaling' },
  { section: 'Updating the Application', slug: '08-updating' },
  { section: 'Common Issues & Troubleshooting', slug: '09-troubleshooting' },
  { section: 'Best Practices', slug: '10-best-practices' },
  { section: 'Summary', slug: '11-summary' },
];

/** Diagram components each lesson must contain (the issue asks for these by topic). */
const REQUIRED_DIAGRAMS: Record<string, string[]> = {
  '01-overview': ['ReconcileLoop'],
  '02-yaml': ['YamlTree'],
  '03-deployment': ['LabelMatch', 'OwnershipChain'],
  '04-service': ['ServiceTypes', 'PortMap'],
  '05-request-path': ['RequestPath'],
  '07-scaling': ['ScaleOut'],
  '08-updating': ['RollingUpdate'],
  '09-troubleshooting': ['PodStages'],
};

interface Lesson {
  slug: string;
  body: string;
  data: Record<string, unknown>;
  /** the whole file, frontmatter included */
  raw: string;
}

function loadLessons(): Lesson[] {
  return readdirSync(LESSONS_DIR)
    .filter((f) => f.endsWith('.mdx') || f.endsWith('.md'))
    .sort()
    .map((f) => {
      const text = readFileSync(join(LESSONS_DIR, f), 'utf8');
      const m = /^---\n([\s\S]*?)\n---\n([\s\S]*)$/.exec(text);
      if (!m) throw new Error(`${f}: no frontmatter block`);
      return { slug: f.replace(/\.mdx?$/, ''), data: parseYaml(m[1]!) as Record<string, unknown>, body: m[2]!, raw: text };
    });
}

/** Attributes of every use of a component, e.g. <ManifestFile file="x" lines="1-3" />. */
function componentUses(body: string, name: string): Array<Record<string, string>> {
  const out: Array<Record<string, string>> = [];
  const re = new RegExp(`<${name}\\b([^>]*?)/?>`, 'g');
  for (const m of body.matchAll(re)) {
    const attrs: Record<string, string> = {};
    for (const a of m[1]!.matchAll(/([a-zA-Z]+)=(?:"([^"]*)"|'([^']*)')/g)) attrs[a[1]!] = a[2] ?? a[3] ?? '';
    out.push(attrs);
  }
  return out;
}

/** Fenced code blocks outside JSX, with their info string. */
function fences(body: string): Array<{ lang: string; code: string }> {
  const out: Array<{ lang: string; code: string }> = [];
  for (const m of body.matchAll(/^(`{3,})([^\n`]*)\n([\s\S]*?)^\1\s*$/gm)) {
    out.push({ lang: m[2]!.trim().split(/\s+/)[0] ?? '', code: m[3]! });
  }
  return out;
}

const lessons = loadLessons();

describe('lessons follow the source document', () => {
  it('has one lesson per source section, in the same order', () => {
    const sorted = [...lessons].sort((a, b) => Number(a.data.order) - Number(b.data.order));
    expect(sorted.map((l) => ({ section: l.data.section, slug: l.slug }))).toEqual(
      SOURCE_SECTIONS.map((s) => ({ section: s.section, slug: s.slug })),
    );
    expect(sorted.map((l) => l.data.order)).toEqual(SOURCE_SECTIONS.map((_, i) => i + 1));
  });

  it('lists only sections that exist in the source document, when the document is available', () => {
    const src = '/work/shared/seed/llmops-k8s-manifest-guide.md';
    if (!existsSync(src)) {
      console.warn(`skipped: ${src} not present`);
      return;
    }
    const headings = [...readFileSync(src, 'utf8').matchAll(/^#{2,3} (.+)$/gm)].map((m) => m[1]!.trim());
    for (const { section } of SOURCE_SECTIONS) expect(headings).toContain(section);
  });
});

describe('manifests shown in lessons come from manifests/', () => {
  for (const lesson of lessons) {
    describe(lesson.slug, () => {
      it('uses ManifestFile only with existing files and in-range lines', () => {
        for (const use of componentUses(lesson.body, 'ManifestFile')) {
          expect(use.file, `${lesson.slug}: ManifestFile without file=`).toBeTruthy();
          const path = join(MANIFESTS_DIR, use.file!);
          expect(existsSync(path), `${lesson.slug}: manifests/${use.file} does not exist`).toBe(true);
          const total = readFileSync(path, 'utf8').replace(/\n$/, '').split('\n').length;
          if (use.lines !== undefined) {
            const r = parseLineRange(use.lines, total);
            expect('error' in r ? r.error : null, `${lesson.slug}: ${use.file} lines=${use.lines}`).toBeNull();
            if (use.highlight !== undefined && !('error' in r)) {
              const set = parseLineSet(use.highlight);
              expect(set).toBeInstanceOf(Set);
              for (const n of set as Set<number>) {
                expect(n, `${lesson.slug}: highlight ${n} outside lines ${use.lines}`).toBeGreaterThanOrEqual(r.start);
                expect(n).toBeLessThanOrEqual(r.end);
              }
            }
          }
        }
      });

      it('pastes no manifest in a fenced yaml block', () => {
        for (const f of fences(lesson.body)) {
          if (!/^(ya?ml)$/i.test(f.lang)) continue;
          const pasted = /^\s*apiVersion:/m.test(f.code) && /^\s*kind:/m.test(f.code);
          expect(pasted, `${lesson.slug}: a yaml block contains apiVersion and kind:\n${f.code}`).toBe(false);
        }
      });
    });
  }

  it('names only scenarios that exist in src/scenarios', () => {
    const dir = join(ROOT, 'src/scenarios/labs');
    if (!existsSync(dir)) {
      console.warn('skipped: src/scenarios/labs not present');
      return;
    }
    const sources = readdirSync(dir)
      .filter((f) => f.endsWith('.ts'))
      .map((f) => readFileSync(join(dir, f), 'utf8'))
      .join('\n');
    for (const lesson of lessons) {
      for (const use of componentUses(lesson.body, 'LabSlot')) {
        if (use.scenario === undefined) continue;
        expect(sources, `${lesson.slug}: scenario "${use.scenario}" not found`).toContain(`id: '${use.scenario}'`);
      }
    }
  });

  it('gives every lab its LabSlot in its own lesson, as course:stats counts them (labs, frontmatter, slots agree)', () => {
    // The same functions as `npm run course:stats`, so the report and this test cannot disagree.
    const read = (slug: string) => lessons.find((l) => l.slug === slug)?.raw;
    const stats = courseStats(lessons.map((l) => l.slug), scenarios, read);
    for (const s of stats) {
      const labs = [...s.labs].sort();
      expect([...(s.slotLabs ?? [])].sort(), `${s.slug}: LabSlot scenarios`).toEqual(labs);
      expect([...(s.frontmatterLabs ?? [])].sort(), `${s.slug}: frontmatter labs`).toEqual(labs);
    }
    const report = formatStats(stats, scenarios);
    expect(report).not.toMatch(/without a LabSlot|another lesson|not yet in their lesson|does not exist/);
    expect(report).toMatch(/lessons without a lab: 0$/);
    expect(stats.find((s) => s.slug === '10-best-practices')?.slotLabs).toContain('readiness-probe-failing');
  });

  it('cites lines that still hold what the lessons say they hold', () => {
    // The lessons explain manifests by line number (captions, highlights, the summary table). If a file's layout
    // changes, these anchors fail first, pointing at the lesson text that needs updating.
    const anchors: Record<string, Array<[number, RegExp]>> = {
      'llmops-k8s.yaml': [
        [1, /^apiVersion: apps\/v1$/], [8, /replicas: 1/], [11, /app: llmops/], [15, /app: llmops/],
        [19, /image: llmops-app:latest/], [20, /imagePullPolicy: IfNotPresent/], [22, /containerPort: 8501/],
        [25, /name: llmops-secrets/], [26, /^---$/], [27, /^apiVersion: v1$/], [32, /type: LoadBalancer/],
        [34, /app: llmops/], [37, /port: 80/], [38, /targetPort: 8501/],
      ],
      'llmops-k8s-hardened.yaml': [
        [9, /app\.kubernetes\.io\/name/], [19, /app: llmops/], [31, /automountServiceAccountToken: false/],
        [40, /image: llmops-app:1\.0\.0/], [43, /name: http/], [45, /envFrom/], [48, /resources:/],
        [57, /path: \/ready/], [63, /path: \/health/], [68, /securityContext:/], [101, /targetPort: http/],
      ],
    };
    for (const [file, lines] of Object.entries(anchors)) {
      const path = join(MANIFESTS_DIR, file);
      if (!existsSync(path)) continue;
      const text = readFileSync(path, 'utf8').split('\n');
      for (const [n, re] of lines) expect(text[n - 1], `manifests/${file} line ${n}`).toMatch(re);
    }
  });

  it('shows the taught manifest somewhere in the course', () => {
    const files = lessons.flatMap((l) => componentUses(l.body, 'ManifestFile').map((u) => u.file));
    expect(files).toContain('llmops-k8s.yaml');
  });
});

describe('each lesson has its parts', () => {
  for (const lesson of lessons) {
    describe(lesson.slug, () => {
      it('has a one-line goal and a summary', () => {
        expect(typeof lesson.data.goal).toBe('string');
        expect(String(lesson.data.goal)).not.toMatch(/\n|placeholder/i);
        expect(String(lesson.data.summary)).not.toMatch(/placeholder/i);
      });

      it('has a CheckYourself with 2 to 4 questions', () => {
        const m = /<CheckYourself\b[^>]*>([\s\S]*?)<\/CheckYourself>/.exec(lesson.body);
        expect(m, `${lesson.slug}: no CheckYourself block`).not.toBeNull();
        const questions = (m![1]!.match(/<details[\s>]/g) ?? []).length;
        const summaries = (m![1]!.match(/<summary[\s>]/g) ?? []).length;
        expect(questions).toBeGreaterThanOrEqual(2);
        expect(questions).toBeLessThanOrEqual(4);
        expect(summaries).toBe(questions);
      });

      it('has a LabSlot with commands', () => {
        const m = /<LabSlot\b([\s\S]*?)\/>/.exec(lesson.body);
        expect(m, `${lesson.slug}: no LabSlot`).not.toBeNull();
        expect(m![1]).toMatch(/commands=\{\[\s*['"`]/);
      });

      it('has the diagrams its topic needs', () => {
        for (const d of REQUIRED_DIAGRAMS[lesson.slug] ?? []) {
          expect(lesson.body, `${lesson.slug}: missing <${d} />`).toMatch(new RegExp(`<${d}\\b`));
          expect(existsSync(join(ROOT, 'src/components/lesson/diagrams', `${d}.astro`))).toBe(true);
        }
      });

      it('imports every component it uses', () => {
        const prose = lesson.body.replace(/^(`{3,})[^\n]*\n[\s\S]*?^\1\s*$/gm, '').replace(/`[^`\n]*`/g, '');
        const used = new Set([...prose.matchAll(/<([A-Z][A-Za-z]+)\b/g)].map((m) => m[1]!));
        for (const name of used) expect(lesson.body, `${lesson.slug}: <${name}> is not imported`).toMatch(new RegExp(`import ${name} from`));
      });
    });
  }
});
