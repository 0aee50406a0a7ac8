/** `npm run extract`: one article as JSON, from a saved file (any encoding) or an address. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawn } from 'node:child_process';
import iconv from 'iconv-lite';
import { startServer, staticBody, type TestServer } from '../../scripts/pipeline/lib/test-server.ts';
import { loadCorpus } from '../../scripts/pipeline/extract/testdata/corpus.ts';

const ROOT = join(import.meta.dirname, '..', '..');
const CONTENT = join(import.meta.dirname, 'testdata', 'content');
const corpus = Object.fromEntries(loadCorpus().map((c) => [c.name, c]));
let dir: string;
let server: TestServer;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'vf-extract-'));
  server = await startServer({ '/article.html': staticBody(corpus['sante-hebdo']!.bytes) });
});
afterAll(async () => {
  await server.close();
  rmSync(dir, { recursive: true, force: true });
});

const run = (args: string[]) =>
  new Promise<{ code: number | null; out: string; err: string }>((done) => {
    const child = spawn(process.execPath, [join(ROOT, 'scripts', 'extract.ts'), ...args, '--content', CONTENT], { cwd: dir });
    let out = '';
    let err = '';
    child.stdout.on('data', (c) => (out += c));
    child.stderr.on('data', (c) => (err += c));
    child.on('close', (code) => done({ code, out, err }));
  });

describe('extract command', () => {
  it('prints every field for a saved windows-1252 page', async () => {
    const r = await run([join(import.meta.dirname, '..', '..', 'scripts/pipeline/extract/testdata/sites/journal-ouest/page.html'), '--url', 'https://www.journal-ouest.example/economie/a.html']);
    expect(r.code).toBe(0);
    const j = JSON.parse(r.out);
    expect(Object.keys(j)).toEqual(['url', 'canonicalUrl', 'title', 'author', 'publishedAt', 'modifiedAt', 'siteName', 'lang', 'text', 'excerpt', 'organisations', 'dataCategories', 'figures', 'relevance', 'paywalled']);
    expect(j.url).toBe('https://www.journal-ouest.example/economie/a.html');
    expect(j.publishedAt).toBe('2024-02-12T07:30:00+01:00');
    expect(j.text).toContain('d’escroquerie\u00a0: pour les complémentaires santé');
    expect(j.text).toContain('1,20 €');
    expect(j.organisations).toEqual(['viamedis', 'almerys']);
    expect(j.relevance.relevant).toBe(true);
  });

  it('falls back to windows-1252 without a declaration, and reads a BOM', async () => {
    const body = '<html><head><title>Fuite chez Viamedis</title></head><body><article><p>Le numéro de sécurité sociale de 20 millions de personnes, soit 59 % des assurés, serait exposé : Viamedis l’a confirmé.</p></article></body></html>';
    writeFileSync(join(dir, 'latin.html'), iconv.encode(body, 'win1252'));
    writeFileSync(join(dir, 'bom.html'), Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(body)]));
    for (const f of ['latin.html', 'bom.html']) {
      const r = await run([join(dir, f)]);
      expect(r.code, r.err).toBe(0);
      const j = JSON.parse(r.out);
      expect(j.title).toBe('Fuite chez Viamedis');
      expect(j.text).toContain('numéro de sécurité sociale');
      expect(j.figures).toEqual([
        { text: '20 millions de personnes', value: 20000000, unit: 'personnes' },
        { text: '59 %', value: 59, unit: '%' },
      ]);
      expect(j.dataCategories.exposed).toEqual(['numéro de sécurité sociale']);
    }
  });

  it('fetches an address', async () => {
    const r = await run([`${server.origin}/article.html`]);
    expect(r.code, r.err).toBe(0);
    const j = JSON.parse(r.out);
    expect(j.canonicalUrl).toBe('https://www.sante-hebdo.example/tiers-payant-almerys-confirme-une-intrusion/20240206');
    expect(j.author).toBe('Claire Dumontel');
  });

  it('says what is wrong', async () => {
    expect((await run([])).code).toBe(2);
    const missing = await run([join(dir, 'absent.html')]);
    expect(missing.code).toBe(2);
    expect(missing.err).toMatch(/^extract: fichier introuvable/);
    writeFileSync(join(dir, 'vide.html'), '<html><body><nav>menu</nav></body></html>');
    const empty = await run([join(dir, 'vide.html')]);
    expect(empty.code).toBe(1);
    expect(empty.err).toMatch(/^extract: /);
  });
});

describe('extract --batch (the scorers’ protocol)', () => {
  const site = (name: string) => join(ROOT, 'scripts/pipeline/extract/testdata/sites', name, 'page.html');

  it('prints one JSON line per manifest line, in order, with the text and the time spent', async () => {
    // A windows-1252 page without a declaration, its charset given by the third column.
    const latin = '<html><head><title>Fuite</title></head><body><article><p>Les assurés de l’opérateur ont reçu un courrier détaillé, daté de février, sur les données exposées.</p></article></body></html>';
    writeFileSync(join(dir, 'latin-batch.html'), iconv.encode(latin, 'win1252'));
    const manifest = join(dir, 'manifest.tsv');
    writeFileSync(
      manifest,
      [
        `${site('journal-ouest')}\thttps://www.journal-ouest.example/economie/a.html`,
        `${join(dir, 'absent.html')}\thttps://a.example/absent`,
        `${join(dir, 'latin-batch.html')}\thard::a-label-not-an-address\twindows-1252`,
        `${site('sante-hebdo')}\thttps://www.sante-hebdo.example/a`,
        '',
      ].join('\n'),
    );
    const r = await run(['--batch', manifest]);
    expect(r.code, r.err).toBe(0);
    const lines = r.out.trim().split('\n').map((l) => JSON.parse(l));
    expect(lines.map((l) => l.url)).toEqual(['https://www.journal-ouest.example/economie/a.html', 'https://a.example/absent', 'hard::a-label-not-an-address', 'https://www.sante-hebdo.example/a']);
    expect(lines[0].text).toBe(corpus['journal-ouest']!.text);
    expect(lines[0].elapsedMs).toBeGreaterThan(0);
    expect(lines[1]).toMatchObject({ text: '' });
    expect(lines[1].error).toContain('absent.html');
    expect(lines[2].text).toContain('Les assurés de l’opérateur ont reçu un courrier détaillé');
    expect(lines[3].text).toBe(corpus['sante-hebdo']!.text);
  });

  it('runs the Readability reference on the same manifest', async () => {
    const manifest = join(dir, 'manifest-ref.tsv');
    writeFileSync(manifest, `${site('journal-ouest')}\thttps://www.journal-ouest.example/economie/a.html\n`);
    const r = await run(['--extractor', 'readability', '--batch', manifest]);
    expect(r.code, r.err).toBe(0);
    const [line] = r.out.trim().split('\n').map((l) => JSON.parse(l));
    expect(line.text).toContain('la facture de la cyberattaque');
    expect(typeof line.elapsedMs).toBe('number');
  });

  it('names the manifest line that is malformed, and refuses an unknown extractor', async () => {
    const manifest = join(dir, 'bad.tsv');
    writeFileSync(manifest, `${site('journal-ouest')}\thttps://a.example/\nune-ligne-sans-tabulation\n`);
    const bad = await run(['--batch', manifest]);
    expect(bad.code).toBe(1);
    expect(bad.err).toContain(`${manifest}:2`);
    const unknown = await run(['--extractor', 'autre', '--batch', manifest]);
    expect(unknown.code).toBe(2);
    expect(unknown.err).toMatch(/--extractor attend ours ou readability/);
    expect((await run(['--batch', join(dir, 'absent.tsv')])).err).toMatch(/manifeste introuvable/);
  });
});
