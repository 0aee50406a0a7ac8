import { afterEach, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'yaml';
import { checkFile } from '../../../src/lib/content-check.ts';
import { cleanPublisherName, PUBLISHER_NAME_MAX, PublisherDirectory, writePublisher, type PublisherInfo } from './publishers.ts';

const dirs: string[] = [];
const tmp = () => {
  const d = mkdtempSync(join(tmpdir(), 'vf-pub-'));
  dirs.push(d);
  return join(d, 'publishers');
};
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

const known = (): PublisherInfo[] => [{ slug: 'sante-hebdo', name: 'Santé Hebdo Pro', domains: ['sante-hebdo.example'] }];

describe('PublisherDirectory', () => {
  it('finds a known outlet from its host, its www., m. and amp. variants and subdomains', () => {
    const d = new PublisherDirectory(known());
    for (const u of ['https://sante-hebdo.example/a', 'https://www.sante-hebdo.example/a', 'https://m.sante-hebdo.example/a', 'https://amp.sante-hebdo.example/a']) expect(d.byUrl(u)?.slug, u).toBe('sante-hebdo');
    expect(d.byUrl('https://sante-hebdo.example.evil.example/a')).toBeUndefined();
  });

  it('makes an unknown outlet from its page: og:site_name, else application-name, else the host', () => {
    const d = new PublisherDirectory(known());
    const a = d.fromPage('https://www.gazette-normande.example/article/1', { siteName: 'La Gazette normande', lang: 'fr-FR', html: '' });
    expect(a).toMatchObject({ slug: 'gazette-normande', name: 'La Gazette normande', domains: ['gazette-normande.example'], create: { website: 'https://www.gazette-normande.example/', language: 'fr-fr', origin: 'ingest', reviewed: false } });
    // The same site on its mobile host is the same publisher, made once.
    expect(d.fromPage('https://m.gazette-normande.example/article/2', { siteName: 'Autre nom', html: '' })).toBe(a);
    expect(d.byUrl('https://amp.gazette-normande.example/x')).toBe(a);
    const b = d.fromPage('https://echo-des-vallees.example/x', { html: '<html><head><meta name="application-name" content="L’Écho des vallées"></head></html>' });
    expect(b.name).toBe('L’Écho des vallées');
    const c = d.fromPage('https://actu.radio-sud.example/x', { siteName: '  \u202e\u0007 ', html: '<p>rien</p>' });
    expect(c).toMatchObject({ slug: 'actu-radio-sud', name: 'actu.radio-sud.example', domains: ['actu.radio-sud.example'] });
  });

  it('never reuses a slug and refuses a host that cannot be a domain', () => {
    const d = new PublisherDirectory([...known(), { slug: 'gazette', name: 'La Gazette', domains: ['gazette.example'] }]);
    expect(d.fromPage('https://gazette.example.org/x', { html: '' }).slug).toBe('gazette-example');
    expect(() => d.fromPage('http://127.0.0.1:8080/x', { html: '' })).toThrow(/^write: éditeur inconnu et hôte « 127\.0\.0\.1 » inutilisable .*\(http:\/\/127\.0\.0\.1:8080\/x\)$/);
  });

  it('denies a host and its subdomains', () => {
    const d = new PublisherDirectory(known(), ['fermes-a-contenu.example', 'www.copieur.example']);
    expect(d.denied('https://www.fermes-a-contenu.example/a')).toBe('fermes-a-contenu.example');
    expect(d.denied('https://copieur.example/a')).toBe('copieur.example');
    expect(d.denied('https://sante-hebdo.example/a')).toBeUndefined();
  });
});

describe('cleanPublisherName', () => {
  it('drops control, bidi and markup characters and caps the length', () => {
    expect(cleanPublisherName('Le {Journal}\u202e <script>\n du soir')).toBe('Le Journal script du soir');
    expect(cleanPublisherName('---\nname: pirate')).toBe('name: pirate');
    expect(cleanPublisherName('x'.repeat(500)).length).toBeLessThanOrEqual(PUBLISHER_NAME_MAX);
  });

  it('whatever a page says, the entry written is valid YAML holding the cleaned name and nothing else', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 200, unit: 'binary' }), (raw) => {
        const dir = tmp();
        const d = new PublisherDirectory([]);
        const p = d.fromPage('https://exemple-hostile.example/a', { siteName: raw, html: '' });
        const path = writePublisher(dir, p)!;
        const text = readFileSync(path, 'utf8');
        const data = parse(text) as Record<string, unknown>;
        expect(Object.keys(data).sort()).toEqual(['domains', 'language', 'name', 'origin', 'reviewed', 'website']);
        expect(data['name']).toBe(p.name);
        expect(p.name).not.toMatch(/[<>{}\u0000-\u001f\u202a-\u202e]/);
        expect(checkFile('publishers', path, 'publishers/x.yaml', text).errors).toEqual([]);
      }),
      { numRuns: 60 },
    );
  });
});

describe('writePublisher', () => {
  it('adds a missing publisher once, marked as not reviewed, and never rewrites it', () => {
    const dir = tmp();
    const p: PublisherInfo = { slug: 'sante-hebdo', name: 'Santé Hebdo Pro', domains: ['sante-hebdo.example'], create: { origin: 'ingest', reviewed: false } };
    const path = writePublisher(dir, p);
    expect(path).toBe(join(dir, 'sante-hebdo.yaml'));
    expect(checkFile('publishers', path!, 'p.yaml').data).toMatchObject({ name: 'Santé Hebdo Pro', origin: 'ingest', reviewed: false });
    writeFileSync(path!, 'name: Édité\ndomains: [sante-hebdo.example]\n');
    expect(writePublisher(dir, { ...p, name: 'Autre' })).toBeNull();
    expect(readFileSync(path!, 'utf8')).toBe('name: Édité\ndomains: [sante-hebdo.example]\n');
    expect(() => writePublisher(dir, { slug: 'mauvais', name: 'X', domains: ['pas un domaine'] })).toThrow(/^write: .*mauvais\.yaml.*domains/);
  });

  it('writes nothing on a dry run', () => {
    const dir = tmp();
    const path = writePublisher(dir, { slug: 'x', name: 'X', domains: ['x.example'] }, true);
    expect(() => readFileSync(path!, 'utf8')).toThrow();
  });
});
