/**
 * End to end, as a new user meets it: a feed whose outlets are all unknown to
 * content/publishers/, served on loopback (see outlets.ts). Relevant articles
 * and their publishers are written (marked not reviewed), the hostile page is
 * written harmless and masked, failures are reported, a denied host is never
 * fetched, and a second run writes nothing and sends conditional requests.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { spawn } from 'node:child_process';
import { PassThrough } from 'node:stream';
import { join } from 'node:path';
import { parse } from 'yaml';
import { mdxToMdast } from 'satteri';
import { checkContent, formatError } from '../../src/lib/content-check.ts';
import { splitFrontmatter } from '../../src/lib/frontmatter.ts';
import { runIngest, type IngestOptions } from '../../scripts/ingest.ts';
import { main as review } from '../../scripts/review.ts';
import { loadReviewQueue } from '../../scripts/pipeline/review/queue.ts';
import type { RunReport } from '../../scripts/pipeline/report/index.ts';
import { HOSTILE, startOutlets, type Outlets } from './outlets.ts';
import { FIXTURE, fileTree, ingestOptions, makeWorkspace } from './workspace.ts';

let outlets: Outlets;
let work: string;
let content: string;
let remove: () => void;

beforeAll(async () => {
  outlets = await startOutlets();
  ({ dir: work, content, remove } = makeWorkspace('vf-outlets-', outlets.config));
});
afterAll(async () => {
  await outlets.server.close();
  remove();
});

const options = (over: Partial<IngestOptions> = {}) => ingestOptions(work, { fetch: outlets.viaLoopback }, over);
const tree = fileTree;

const fixturePublishers = readdirSync(join(FIXTURE, 'publishers'));
const newPublishers = () => readdirSync(join(content, 'publishers')).filter((f) => !fixturePublishers.includes(f)).sort();
const readYaml = (path: string) => parse(readFileSync(path, 'utf8')) as Record<string, any>;
const coverage = () =>
  readdirSync(join(content, 'coverage'))
    .filter((f) => f.endsWith('.mdx') && f !== 'editeur-article-existant.mdx')
    .map((f) => {
      const text = readFileSync(join(content, 'coverage', f), 'utf8');
      const { yaml, body } = splitFrontmatter(text);
      return { file: f, text, body, data: parse(yaml) as Record<string, any> };
    });
const byUrl = (url: string) => coverage().find((c) => c.data['url'] === url);

describe('first ingestion of outlets nobody registered', () => {
  let report: RunReport;
  beforeAll(async () => {
    report = await runIngest(options());
  }, 60_000);

  it('writes every relevant article, each with its outlet’s new publisher entry', () => {
    expect(report.totals).toMatchObject({ new: 5, rejected: 2, denied: 2 });
    expect(report.totals.irrelevant).toBeGreaterThanOrEqual(1);
    for (const key of ['gazette', 'morvan', 'alpes', 'littoral', 'hostile'] as const) expect(byUrl(outlets.urls[key]), key).toBeDefined();
    expect(newPublishers()).toEqual(['echo-du-morvan.yaml', 'gazette-normande.yaml', 'le-pirate-fictif.yaml', 'littoral-info.yaml', 'quotidien-des-alpes.yaml']);
    for (const f of newPublishers()) expect(readYaml(join(content, 'publishers', f)), f).toMatchObject({ origin: 'ingest', reviewed: false, language: 'fr' });
    expect(readYaml(join(content, 'publishers', 'gazette-normande.yaml'))).toMatchObject({ name: 'La Gazette normande', domains: ['gazette-normande.example'], website: 'https://www.gazette-normande.example/' });
    expect(readYaml(join(content, 'publishers', 'littoral-info.yaml'))).toMatchObject({ name: 'Littoral Info', domains: ['littoral-info.example'] });
    expect(byUrl(outlets.urls.gazette)!.data).toMatchObject({ publisher: 'gazette-normande', origin: 'ingest', provenance: { reviewed: false } });
    expect(checkContent(content).errors.map(formatError)).toEqual([]);
    expect(report.written.filter((w) => w.startsWith('publishers/')).sort()).toEqual(newPublishers().map((f) => `publishers/${f}`));
  });

  it('reads the windows-1252 page and names its outlet from application-name', () => {
    const e = byUrl(outlets.urls.morvan)!;
    expect(e.data['title']).toBe('Après Viamedis, les pharmaciens de la Nièvre inquiets pour le tiers payant');
    expect(e.data['excerpt']).toContain('À Château-Chinon comme à Clamecy');
    expect(e.data['excerpt']).toContain('l’opérateur Almerys reconnaît');
    expect(readYaml(join(content, 'publishers', 'echo-du-morvan.yaml'))['name']).toBe('L’Écho du Morvan');
  });

  it('groups the agency dispatch on two sites into one story, the mobile address made canonical', () => {
    const a = byUrl(outlets.urls.alpes)!.data;
    const b = byUrl(outlets.urls.littoral)!.data;
    expect(a['story']).toBeDefined();
    expect(b['story']).toBe(a['story']);
    expect(b['canonicalUrl']).toBe('https://www.littoral-info.example/national/cnil-33-millions-de-personnes');
    expect(a['event']).toBe('cnil-plus-de-33-millions');
  });

  it('stores the evidence editors review: score, threshold, terms, event score', () => {
    const ev = byUrl(outlets.urls.alpes)!.data['provenance']['evidence'];
    expect(ev.threshold).toBe(7);
    expect(ev.score).toBeGreaterThanOrEqual(7);
    expect(ev.terms.map((t: { term: string }) => t.term)).toEqual(expect.arrayContaining(['Viamedis', 'Almerys', 'tiers payant']));
    expect(ev.eventScore).toBeGreaterThan(0);
  });

  it('writes the hostile page harmless: no code, no injected field, personal data masked', () => {
    const e = byUrl(outlets.urls.hostile)!;
    // The frontmatter holds only the fields ingestion writes, with its own values.
    expect(Object.keys(e.data).sort()).toEqual(['author', 'canonicalUrl', 'dossier', 'excerpt', 'ingestHash', 'locked', 'organizations', 'origin', 'provenance', 'publishedAt', 'publisher', 'title', 'url', ...(e.data['event'] ? ['event'] : []), ...(e.data['story'] ? ['story'] : [])].sort());
    expect(e.data).toMatchObject({ origin: 'ingest', locked: false, provenance: { reviewed: false } });
    expect(e.data['author']).not.toMatch(/\n/);
    expect(e.data['event']).not.toBe('viamedis-annonce-cyberattaque');
    // The body compiles to quotation and text only: no ESM, no expression, no HTML.
    const types = new Set<string>();
    const walk = (n: { type: string; children?: unknown[] }) => {
      types.add(n.type);
      for (const c of (n.children ?? []) as (typeof n)[]) walk(c);
    };
    walk(mdxToMdast(e.body) as never);
    expect([...types].filter((t) => /mdx|html|jsx|esm|expression/i.test(t))).toEqual([]);
    expect(e.body).not.toMatch(/^(import|export)\b/m);
    for (const secret of [HOSTILE.nir, HOSTILE.iban, HOSTILE.email, HOSTILE.phone, HOSTILE.nir.replace(/ /g, ''), 'martine.leroux']) expect(e.text).not.toContain(secret);
    expect(e.data['excerpt']).toContain('[masqué]');
    // The outlet's name, read from the page, is one harmless line.
    const pub = readFileSync(join(content, 'publishers', 'le-pirate-fictif.yaml'), 'utf8');
    const data = parse(pub) as Record<string, unknown>;
    expect(Object.keys(data).sort()).toEqual(['domains', 'language', 'name', 'origin', 'reviewed', 'website']);
    expect(data).toMatchObject({ origin: 'ingest', reviewed: false });
    expect(data['name']).not.toMatch(/[\n\u202e<>{}]/);
    expect(String(data['name']).length).toBeLessThanOrEqual(80);
  });

  it('reports the 404 and the slow page, never fetches the denied host (even through a redirect), writes no publisher for the off-topic site', () => {
    const reasons = Object.fromEntries(report.rejected.map((r) => [r.url, r.reason]));
    expect(reasons[outlets.urls.missing]).toMatch(/^fetch: réponse HTTP 404/);
    expect(reasons[outlets.urls.slow]).toMatch(/^fetch: pas de réponse complète en 800 ms/);
    // Neither listed directly nor reached through a redirect.
    expect(outlets.server.hits(`/${new URL(outlets.urls.denied).host}${new URL(outlets.urls.denied).pathname}`)).toBe(0);
    expect(outlets.server.hits(`/${new URL(outlets.urls.redirected).host}${new URL(outlets.urls.redirected).pathname}`)).toBe(1);
    expect(outlets.server.log.filter((r) => r.path.startsWith('/copieur-automatique.example/'))).toEqual([]);
    expect(newPublishers()).not.toContain('journal-disparu.yaml');
    expect(newPublishers()).not.toContain('site-lent.yaml');
    expect(coverage().some((c) => c.data['url'] === outlets.urls.offTopic)).toBe(false);
  });

  describe('second run', () => {
    let second: RunReport;
    let before: Record<string, string>;
    let requestsBefore: number;
    beforeAll(async () => {
      before = tree(content);
      requestsBefore = outlets.server.log.length;
      second = await runIngest(options({ now: () => new Date('2024-02-21T10:00:00Z') }));
    }, 60_000);

    it('writes nothing', () => {
      expect(second.totals).toMatchObject({ new: 0, updated: 0, unchanged: 5 });
      expect(second.written).toEqual([]);
      expect(tree(content)).toEqual(before);
    });

    it('asks for every page it already has conditionally and gets 304s', () => {
      const pages = [outlets.urls.feed, outlets.urls.gazette, outlets.urls.morvan, outlets.urls.alpes, outlets.urls.littoral, outlets.urls.hostile].map((u) => `/${new URL(u).host}${new URL(u).pathname}`);
      const requests = outlets.server.log.slice(requestsBefore).filter((r) => pages.includes(r.path.split('?')[0]!));
      expect(new Set(requests.map((r) => r.path.split('?')[0])).size).toBe(pages.length);
      for (const r of requests) expect(Boolean(r.headers['if-none-match'] || r.headers['if-modified-since']), r.path).toBe(true);
      expect(second.http.notModified).toBeGreaterThanOrEqual(pages.length);
    });
  });

  describe('the editors’ review queue', () => {
    const ROOT = join(import.meta.dirname, '..', '..');
    /** Runs `npm run review` in-process with captured output. */
    const cli = async (args: string[], input = '') => {
      const stdin = Object.assign(new PassThrough(), { isTTY: false });
      const stdout = new PassThrough();
      const stderr = new PassThrough();
      let out = '';
      let err = '';
      stdout.on('data', (c) => (out += c));
      stderr.on('data', (c) => (err += c));
      stdin.end(input);
      const code = await review(['--content', content, ...args], { stdin, stdout, stderr });
      return { code, out, err };
    };
    const slugOf = (url: string) => byUrl(url)!.file.replace(/\.mdx$/, '');

    it('lists every article and publisher ingestion wrote, with the evidence', async () => {
      const q = loadReviewQueue(content);
      expect(q.publishers.map((p) => p.slug).sort()).toEqual(newPublishers().map((f) => f.replace('.yaml', '')));
      expect(q.articles).toHaveLength(5);
      const alpes = q.articles.find((a) => a.url === outlets.urls.alpes)!;
      expect(alpes.event).toMatchObject({ slug: 'cnil-plus-de-33-millions', title: 'La CNIL chiffre la fuite à plus de 33 millions de personnes', date: '2024-02-07' });
      expect(alpes.copies.map((c) => c.publisher)).toEqual(['Littoral Info']);
      expect(alpes.organizations).toEqual(expect.arrayContaining(['cnil', 'viamedis', 'almerys']));
      const r = await cli([]);
      expect(r.code).toBe(0);
      expect(r.out).toContain('À relire : 5 article(s), 5 éditeur(s)');
      expect(r.out).toMatch(/pertinence : score [\d.]+ \(seuil 7\) — termes : .*Viamedis ×\d/);
      expect(r.out).toContain('événement : La CNIL chiffre la fuite à plus de 33 millions de personnes (2024-02-07)');
      expect(r.out).toContain('même dépêche (1) :');
      // Nothing scraped reaches the terminal as a control sequence.
      expect(r.out).not.toMatch(/[\u0000-\u0009\u000b-\u001f\u202a-\u202e]/);
      expect(JSON.parse((await cli(['--json'])).out).articles).toHaveLength(5);
    });

    it('applies the flags, names the slug on a bad one, and never touches an editor’s entry', async () => {
      const editorBefore = readFileSync(join(content, 'coverage', 'editeur-article-existant.mdx'), 'utf8');
      const gazette = slugOf(outlets.urls.gazette);
      const morvan = slugOf(outlets.urls.morvan);
      const bodyBefore = splitFrontmatter(byUrl(outlets.urls.morvan)!.text).body;
      const r = await cli(['--accept', gazette, '--event', morvan, 'aucun', '--accept', 'pas-un-article', '--event', gazette, 'evenement-inconnu', '--reject', 'editeur-article-existant', '--accept', 'gazette-normande']);
      expect(r.code).toBe(1);
      expect(r.err).toContain('review: article « pas-un-article » introuvable (aucun fichier coverage/pas-un-article.mdx)');
      expect(r.err).toContain(`review: coverage/${gazette}.mdx : événement « evenement-inconnu » introuvable`);
      expect(r.err).toContain('review: coverage/editeur-article-existant.mdx : entrée d’éditeur');
      expect(readFileSync(join(content, 'coverage', 'editeur-article-existant.mdx'), 'utf8')).toBe(editorBefore);
      expect(byUrl(outlets.urls.gazette)!.data['provenance']['reviewed']).toBe(true);
      const m = byUrl(outlets.urls.morvan)!;
      expect(m.data['event']).toBeUndefined();
      expect(m.data['provenance']).toMatchObject({ reviewed: true, grouping: 'editor' });
      expect(m.body).toBe(bodyBefore);
      expect(readYaml(join(content, 'publishers', 'gazette-normande.yaml'))['reviewed']).toBe(true);
      expect(checkContent(content).errors.map(formatError)).toEqual([]);
    });

    it('is interactive on standard input: accept, move, reject, lock, skip', async () => {
      const q = loadReviewQueue(content);
      // Publishers first (4 left), then the articles left (3), in date order.
      const answers = ['a', 's', 'a', 'x', 'a', ...q.articles.map((a) => (a.url === outlets.urls.hostile ? 'r' : a.url === outlets.urls.alpes ? 'e' : 'l')).flatMap((x) => (x === 'e' ? ['e', '1'] : [x]))];
      const child = spawn(process.execPath, [join(ROOT, 'scripts', 'review.ts'), '--content', content, '-i'], { cwd: work });
      let out = '';
      child.stdout.on('data', (c) => (out += c));
      child.stdin.end(`${answers.join('\n')}\n`);
      const code = await new Promise<number | null>((done) => child.on('close', done));
      expect(code, out).toBe(0);
      expect(out).toContain('Réponse attendue : a, s ou q.');
      expect(out).toContain('Fin de la file de relecture.');
      // The hostile article is gone for good, with its publisher made for it alone.
      expect(byUrl(outlets.urls.hostile)).toBeUndefined();
      expect(existsSync(join(content, 'publishers', 'le-pirate-fictif.yaml'))).toBe(false);
      expect(readFileSync(join(content, 'coverage', '.tombstones.yaml'), 'utf8')).toContain('url: https://www.le-pirate-fictif.example/viamedis-tout-savoir');
      const firstEvent = q.events[0]!.slug;
      expect(byUrl(outlets.urls.alpes)!.data).toMatchObject({ event: firstEvent, provenance: { reviewed: true, grouping: 'editor' } });
      expect(byUrl(outlets.urls.littoral)!.data).toMatchObject({ locked: true, provenance: { reviewed: true } });
      expect(loadReviewQueue(content).articles).toEqual([]);
      expect(checkContent(content).errors.map(formatError)).toEqual([]);
    });

    it('a later run keeps the editors’ decisions and never brings the rejected article back', async () => {
      const before = tree(join(content, 'coverage'));
      const r = await runIngest(options({ now: () => new Date('2024-02-22T10:00:00Z') }));
      expect(r.totals).toMatchObject({ new: 0, updated: 0 });
      expect(r.protectedFiles.map((p) => p.outcome).sort()).toEqual(['relu par un éditeur', 'relu par un éditeur', 'relu par un éditeur', 'supprimé par un éditeur (pierre tombale)', 'verrouillé (locked: true)']);
      expect(byUrl(outlets.urls.hostile)).toBeUndefined();
      expect(tree(join(content, 'coverage'))).toEqual(before);
      expect((await cli(['--all-accepted'])).code).toBe(0);
      expect(loadReviewQueue(content)).toMatchObject({ articles: [], publishers: [] });
    }, 60_000);
  });
});
