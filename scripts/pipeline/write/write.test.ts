import { afterEach, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { mkdtempSync, readFileSync, readdirSync, rmSync, statSync, unlinkSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import { parse } from 'yaml';
import { mdxToMdast } from 'satteri';
import { checkFile } from '../../../src/lib/content-check.ts';
import { splitFrontmatter } from '../../../src/lib/frontmatter.ts';
import { acquireLock, CoverageStore, escapeMdx, fileHash, LOCK_FILE, makeExcerpt, MANIFEST_FILE, mdxEscapedText, renderCoverage, sanitizeLine, TOMBSTONES_FILE, type CoverageDraft } from './index.ts';

const draft = (over: Partial<CoverageDraft> = {}): CoverageDraft => ({
  dossier: 'tiers-payant-2024',
  url: 'https://www.sante-hebdo.example/tiers-payant-almerys/20240206?utm_source=rss',
  canonicalUrl: 'https://www.sante-hebdo.example/tiers-payant-almerys/20240206',
  publisher: 'sante-hebdo',
  publisherName: 'Santé Hebdo Pro',
  title: 'Tiers payant : Almerys confirme à son tour une intrusion',
  author: 'Claire Dumontel',
  publishedAt: '2024-02-06T09:45:00+01:00',
  text: 'Viamedis n’est donc plus seul. L’opérateur Almerys a reconnu qu’un tiers s’était introduit dans son portail destiné aux professionnels de santé.\n\nSuite du texte.',
  organizations: ['almerys', 'viamedis'],
  event: 'almerys-attaque',
  story: 'story-2024-02-06-abc',
  via: 'https://www.sante-hebdo.example/rss',
  grouping: 'nearest-event',
  ...over,
});
const NOW = () => new Date('2024-02-10T08:00:00Z');

const dirs: string[] = [];
const tmp = () => {
  const d = mkdtempSync(join(tmpdir(), 'vf-write-'));
  dirs.push(d);
  return join(d, 'content', 'coverage');
};
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

/** MDX body → node types and plain text, through the site's own MDX compiler (satteri). */
function renderBody(body: string) {
  const types = new Set<string>();
  let text = '';
  const walk = (n: { type: string; value?: string; children?: unknown[] }) => {
    types.add(n.type);
    if (n.type === 'text') text += (n.value ?? '').replace(/\u2060/g, '');
    if (n.type === 'paragraph' && text) text += '\n';
    for (const c of (n.children ?? []) as (typeof n)[]) walk(c);
  };
  walk(mdxToMdast(body) as never);
  return { types, text };
}

describe('renderCoverage', () => {
  it('writes a file valid against the coverage schema, dates quoted in Paris time', () => {
    const text = renderCoverage(draft(), '2024-02-10T09:00');
    const checked = checkFile('coverage', '/x/content/coverage/a.mdx', 'a.mdx', text);
    expect(checked.errors).toEqual([]);
    expect(text).toContain("publishedAt: '2024-02-06T09:45'");
    expect(text).toContain("fetchedAt: '2024-02-10T09:00'");
    expect(text).toMatch(/\ningestHash: '[0-9a-f]{16}'\n---\n/);
    expect(checked.data).toMatchObject({ origin: 'ingest', locked: false, provenance: { grouping: 'nearest-event', reviewed: false } });
    expect(fileHash(text)).toBe(/ingestHash: '(\w+)'/.exec(text)![1]);
    // A hash that looks like a number stays a string.
    expect(checkFile('coverage', '/x/a.mdx', 'a.mdx', text.replace(/ingestHash: '\w+'/, "ingestHash: '1234e567'")).data?.['ingestHash']).toBe('1234e567');
  });

  it('quotes a short excerpt with its attribution', () => {
    const text = renderCoverage(draft(), '2024-02-10T09:00');
    const { body } = splitFrontmatter(text);
    expect(body).toBe(
      '\n> Viamedis n’est donc plus seul. L’opérateur Almerys a reconnu qu’un tiers s’était introduit dans son portail destiné aux professionnels de santé.\n>\n> — Santé Hebdo Pro, « Tiers payant : Almerys confirme à son tour une intrusion »\n',
    );
  });

  it('chooses excerpts of whole sentences, at most 300 characters', () => {
    const long = `${'Une phrase de taille moyenne sur la fuite de données. '.repeat(10)}`;
    const e = makeExcerpt(long)!;
    expect(e.length).toBeLessThanOrEqual(280);
    expect(e.endsWith('.')).toBe(true);
    expect(makeExcerpt('Mot '.repeat(200))!.endsWith('…')).toBe(true);
    expect(makeExcerpt('Titre court\n\nUn premier vrai paragraphe, assez long pour servir de citation dans la revue de presse.')).toBe('Un premier vrai paragraphe, assez long pour servir de citation dans la revue de presse.');
  });
});

describe('hostile text', () => {
  const nasty = [
    '{process.exit(1)}',
    '<script>alert("x")</script>',
    'import fs from "node:fs"',
    'export const a = 1',
    '---',
    '--- \nfoo: bar',
    '<img src=x onerror=alert(1)>',
    '&lt;b&gt; &amp; &#123;',
    '[lien](javascript:alert(1)) ![i](x)',
    '# Titre *gras* _it_ `code` ~~barré~~ | a | b |',
    'https://exemple.fr et www.exemple.fr et a@b.fr',
    '1. liste\n- puce\n> citation',
    'bidi \u202eevil\u202c et \u2066iso\u2069 et nul \u0000 et \u0007',
    "key: value\n'quote\" #comment",
    '$x^2$ et \\{ échappé',
    ': deux-points',
    '  ',
  ];
  it.each(nasty.map((s) => [JSON.stringify(s), s]))('%s renders as plain text', (_n, s) => {
    const escaped = escapeMdx(s);
    const { types, text } = renderBody(escaped);
    for (const t of types) expect(['root', 'paragraph', 'text']).toContain(t);
    expect(text.trim()).toBe(sanitizeLine(s));
    expect(mdxEscapedText(escaped)).toBe(sanitizeLine(s));
  });

  it('arbitrary titles, authors and excerpts give files that validate and render as plain text (property)', () => {
    const piece = fc.oneof(fc.string({ unit: 'grapheme', maxLength: 30 }), fc.string({ unit: 'binary', maxLength: 10 }), fc.constantFrom(...nasty));
    const field = fc.array(piece, { minLength: 1, maxLength: 4 }).map((a) => a.join(''));
    fc.assert(
      fc.property(field, field, field, field, (title, excerpt, author, site) => {
        fc.pre(sanitizeLine(title).length > 0);
        const text = renderCoverage(draft({ title, excerpt, author, publisherName: site }), '2024-02-10T09:00');
        const checked = checkFile('coverage', '/x/content/coverage/a.mdx', 'a.mdx', text);
        expect(checked.errors.map((e) => `${e.field}: ${e.message}`)).toEqual([]);
        const { yaml, body } = splitFrontmatter(text);
        const data = parse(yaml) as Record<string, unknown>;
        expect(data['title']).toBe(sanitizeLine(title).slice(0, 300));
        if (sanitizeLine(excerpt)) expect(data['excerpt']).toBe(sanitizeLine(excerpt).slice(0, 300));
        const { types, text: rendered } = renderBody(body);
        for (const t of types) expect(['root', 'blockquote', 'paragraph', 'text']).toContain(t);
        expect(rendered).toContain(sanitizeLine(title).slice(0, 300));
        expect(rendered).not.toMatch(/[\u202a-\u202e\u2066-\u2069\u0000-\u0008]/);
      }),
      { numRuns: 150, seed: 20240206 },
    );
  });
});

describe('CoverageStore', () => {
  const files = (dir: string) => (existsSync(dir) ? readdirSync(dir).sort() : []);
  const snapshot = (dir: string) => files(dir).map((f) => [f, statSync(join(dir, f)).mtimeMs, readFileSync(join(dir, f), 'utf8')] as const);

  it('writes new files, then nothing on an identical second run', () => {
    const dir = tmp();
    const s1 = new CoverageStore(dir, { now: NOW });
    const r = s1.write(draft());
    expect(r.outcome).toBe('new');
    expect(r.file).toBe('sante-hebdo-tiers-payant-almerys-confirme-a-son-tour-une-intrusion.mdx');
    expect(s1.close()).toEqual([MANIFEST_FILE]);
    const before = snapshot(dir);
    const s2 = new CoverageStore(dir, { now: () => new Date('2024-03-01T08:00:00Z') });
    expect(s2.write(draft()).outcome).toBe('unchanged');
    expect(s2.close()).toEqual([]);
    expect(snapshot(dir)).toEqual(before);
  });

  it('updates a file it wrote when the article changed', () => {
    const dir = tmp();
    const s = new CoverageStore(dir, { now: NOW });
    const { file } = s.write(draft());
    s.close();
    const s2 = new CoverageStore(dir, { now: () => new Date('2024-03-01T08:00:00Z') });
    expect(s2.write(draft({ title: 'Titre corrigé par le site', event: undefined, grouping: 'unassigned' })).outcome).toBe('updated');
    const text = readFileSync(join(dir, file), 'utf8');
    expect(text).toContain('title: Titre corrigé par le site');
    expect(text).toContain("fetchedAt: '2024-03-01T09:00'");
  });

  it('never overwrites an edited, locked or editor file', () => {
    const dir = tmp();
    const s = new CoverageStore(dir, { now: NOW });
    const a = s.write(draft()).file;
    const b = s.write(draft({ canonicalUrl: 'https://x.example/b', url: 'https://x.example/b', title: 'Deuxième article' })).file;
    const c = s.write(draft({ canonicalUrl: 'https://x.example/c', url: 'https://x.example/c', title: 'Troisième article' })).file;
    const d = s.write(draft({ canonicalUrl: 'https://x.example/d', url: 'https://x.example/d', title: 'Quatrième article' })).file;
    s.close();
    const edit = (f: string, from: string | RegExp, to: string) => writeFileSync(join(dir, f), readFileSync(join(dir, f), 'utf8').replace(from, to));
    edit(a, 'Viamedis n’est donc plus seul.', 'Viamedis n’est plus seul.');
    edit(d, /reviewed: false/, 'reviewed: true');
    edit(b, 'locked: false', 'locked: true');
    edit(c, 'origin: ingest', 'origin: editor');
    const before = snapshot(dir);
    const s2 = new CoverageStore(dir, { now: () => new Date('2024-03-01T08:00:00Z') });
    const changed = { title: 'Nouveau titre' };
    expect(s2.write(draft(changed)).outcome).toBe('edited');
    expect(s2.write(draft({ ...changed, canonicalUrl: 'https://x.example/b', url: 'https://x.example/b' })).outcome).toBe('locked');
    expect(s2.write(draft({ ...changed, canonicalUrl: 'https://x.example/c', url: 'https://x.example/c' })).outcome).toBe('editor');
    expect(s2.write(draft({ ...changed, canonicalUrl: 'https://x.example/d', url: 'https://x.example/d' })).outcome).toBe('reviewed');
    s2.close();
    expect(snapshot(dir)).toEqual(before);
  });

  it('does not bring back an article an editor deleted (tombstone)', () => {
    const dir = tmp();
    const s = new CoverageStore(dir, { now: NOW });
    const { file } = s.write(draft());
    s.close();
    unlinkSync(join(dir, file));
    const s2 = new CoverageStore(dir, { now: NOW });
    expect(s2.write(draft()).outcome).toBe('tombstoned');
    expect(s2.close()).toEqual([TOMBSTONES_FILE]);
    expect(existsSync(join(dir, file))).toBe(false);
    const tomb = parse(readFileSync(join(dir, TOMBSTONES_FILE), 'utf8')) as { url: string }[];
    expect(tomb).toEqual([{ url: draft().canonicalUrl, removed: '2024-02-10', file }]);
    const s3 = new CoverageStore(dir, { now: NOW });
    expect(s3.write(draft()).outcome).toBe('tombstoned');
    expect(s3.close()).toEqual([]);
  });

  it('honours tombstones written by hand and keeps their comments', () => {
    const dir = tmp();
    const s0 = new CoverageStore(dir, { now: NOW });
    s0.write(draft({ canonicalUrl: 'https://x.example/z', url: 'https://x.example/z' }));
    s0.close();
    writeFileSync(join(dir, TOMBSTONES_FILE), '# écarté à la main\n- url: https://www.sante-hebdo.example/tiers-payant-almerys/20240206\n');
    unlinkSync(join(dir, readdirSync(dir).find((f) => f.endsWith('.mdx'))!));
    const s = new CoverageStore(dir, { now: NOW });
    expect(s.write(draft()).outcome).toBe('tombstoned');
    expect(s.write(draft({ canonicalUrl: 'https://x.example/z', url: 'https://x.example/z' })).outcome).toBe('tombstoned');
    s.close();
    const text = readFileSync(join(dir, TOMBSTONES_FILE), 'utf8');
    expect(text.startsWith('# écarté à la main\n- url: https://www.sante-hebdo.example/tiers-payant-almerys/20240206\n')).toBe(true);
    expect(text).toContain('https://x.example/z');
  });

  it('refuses an entry the schema rejects and names the file', () => {
    const dir = tmp();
    const s = new CoverageStore(dir, { now: NOW });
    const r = s.write(draft({ organizations: ['Pas Un Slug'] }));
    expect(r.outcome).toBe('invalid');
    expect(r.detail).toMatch(/organizations\[0\]/);
    expect(files(dir)).toEqual([]);
  });

  it('gives two articles with one title two files', () => {
    const dir = tmp();
    const s = new CoverageStore(dir, { now: NOW });
    const a = s.write(draft()).file;
    const b = s.write(draft({ canonicalUrl: 'https://www.sante-hebdo.example/autre', url: 'https://www.sante-hebdo.example/autre' })).file;
    expect(a).not.toBe(b);
    expect(b).toMatch(/-[0-9a-f]{6}\.mdx$/);
  });

  it('writes nothing in a dry run', () => {
    const dir = tmp();
    const s = new CoverageStore(dir, { now: NOW, dryRun: true });
    expect(s.write(draft()).outcome).toBe('new');
    expect(s.close()).toEqual([]);
    expect(files(dir)).toEqual([]);
  });

  it('arbitrary edits to generated files survive a re-ingest byte for byte (property)', () => {
    const dir = tmp();
    const s = new CoverageStore(dir, { now: NOW });
    const { file } = s.write(draft());
    s.close();
    const path = join(dir, file);
    const original = readFileSync(path, 'utf8');
    const edit = fc.record({ at: fc.nat(), del: fc.nat({ max: 20 }), ins: fc.string({ maxLength: 20 }) });
    fc.assert(
      fc.property(fc.array(edit, { minLength: 1, maxLength: 3 }), (edits) => {
        let text = original;
        for (const e of edits) {
          const at = e.at % (text.length + 1);
          text = text.slice(0, at) + e.ins + text.slice(at + e.del);
        }
        fc.pre(text !== original);
        writeFileSync(path, text);
        const again = new CoverageStore(dir, { now: () => new Date('2024-03-01T08:00:00Z') });
        const r = again.write(draft({ title: 'Le site a changé son titre' }));
        again.close();
        expect(['edited', 'locked', 'editor', 'new', 'invalid']).toContain(r.outcome);
        expect(readFileSync(path, 'utf8')).toBe(text);
        // A broken file no longer names its URL: the new copy goes elsewhere, never over the editor's file.
        if (r.outcome === 'new') {
          expect(r.file).not.toBe(file);
          unlinkSync(join(dir, r.file));
        }
      }),
      { numRuns: 200, seed: 20240206 },
    );
  });
});

describe('lock file', () => {
  it('stops a second run and is released', () => {
    const dir = tmp();
    const release = acquireLock(dir);
    expect(() => acquireLock(dir)).toThrow(/^write: une autre ingestion est en cours \(pid \d+/);
    release();
    expect(existsSync(join(dir, LOCK_FILE))).toBe(false);
    acquireLock(dir)();
  });
  it('takes over a stale lock left by a dead process', () => {
    const dir = tmp();
    const dead = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))']).stdout.toString();
    acquireLock(dir)();
    writeFileSync(join(dir, LOCK_FILE), JSON.stringify({ pid: Number(dead), host: (require('node:os') as typeof import('node:os')).hostname(), startedAt: 'hier' }));
    const release = acquireLock(dir);
    expect(JSON.parse(readFileSync(join(dir, LOCK_FILE), 'utf8')).pid).toBe(process.pid);
    release();
  });
});
