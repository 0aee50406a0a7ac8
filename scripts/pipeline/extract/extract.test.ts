import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { extractArticle, ExtractError, parseBylineDates, parseFrenchDate, parseMachineDate } from './index.ts';
import { loadCorpus, textF1 } from './testdata/corpus.ts';

const corpus = loadCorpus();

describe('golden pages (testdata/sites)', () => {
  it('has at least 8 sites of different structures', () => {
    expect(corpus.length).toBeGreaterThanOrEqual(8);
  });
  it.each(corpus.map((c) => [c.name, c] as const))('%s: fields and main text', (_name, c) => {
    const a = extractArticle(c.html, c.expected.url);
    const { encoding: _e, ...fields } = c.expected;
    for (const [k, v] of Object.entries(fields)) expect((a as unknown as Record<string, unknown>)[k], k).toEqual(v);
    expect(a.text).toBe(c.text);
    for (const k of ['author', 'modifiedAt', 'siteName'] as const) if (!(k in fields)) expect(a[k], `${k} should be absent`).toBeUndefined();
  });
  it('drops menus, related blocks, newsletters and bylines everywhere', () => {
    for (const c of corpus) {
      const t = extractArticle(c.html, c.expected.url).text;
      expect(t, c.name).not.toMatch(/À voir aussi|En savoir plus|Le Récap|Recevoir la newsletter|Partager|Navigation|Mentions légales|cookies|Il vous reste|Lire aussi|Publié le|Sur le même sujet/i);
      expect(t, c.name).not.toMatch(/[<>]/);
    }
  });
});

describe('French and machine dates', () => {
  it.each([
    ['6 février 2024 à 12h17', '2024-02-06T12:17:00+01:00'],
    ['1er mars 2024', '2024-03-01'],
    ['le 12 juil. 2024 à 9 h 05', '2024-07-12T09:05:00+02:00'],
    ['06/02/2024 à 12:17', '2024-02-06T12:17:00+01:00'],
    ['lundi 5 fevrier 2024, 21h04', '2024-02-05T21:04:00+01:00'],
    ['31 février 2024', null],
    ['pas de date ici', null],
  ])('%s', (text, iso) => expect(parseFrenchDate(text)).toBe(iso));

  it('reads a full byline in Paris time', () => {
    expect(parseBylineDates('Par Jeanne Martin, publié le 6 février 2024 à 12h17, modifié le 6 février 2024 à 12h56.')).toEqual({
      published: '2024-02-06T12:17:00+01:00',
      modified: '2024-02-06T12:56:00+01:00',
    });
    expect(parseBylineDates('Mis à jour le 7 février 2024 à 08h00')).toEqual({ modified: '2024-02-07T08:00:00+01:00' });
    expect(parseBylineDates('Le 5 février 2024 à 10h00, mis à jour le 6 février 2024')).toEqual({ published: '2024-02-05T10:00:00+01:00', modified: '2024-02-06' });
  });

  it.each([
    ['2024-02-06T11:17:00Z', '2024-02-06T12:17:00+01:00'],
    ['2024-07-06T10:17:00+0000', '2024-07-06T12:17:00+02:00'],
    ['2024-02-06T12:17', '2024-02-06T12:17:00+01:00'],
    ['2024-02-06', '2024-02-06'],
    ['Tue, 06 Feb 2024 11:17:00 GMT', '2024-02-06T12:17:00+01:00'],
    ['n/a', null],
  ])('machine date %s', (v, iso) => expect(parseMachineDate(v)).toBe(iso));
});

describe('extractArticle', () => {
  const page = (body: string, head = '') => `<html lang="fr"><head><title>Un titre d'essai</title>${head}</head><body>${body}</body></html>`;
  const para = (n: number) => `<p>Paragraphe ${n} sur la fuite de données du tiers payant, avec assez de texte, des virgules, et des détails pour compter.</p>`;

  it('reads NewsArticle in a JSON-LD @graph and prefers it over Open Graph', () => {
    const ld = { '@context': 'https://schema.org', '@graph': [{ '@type': 'WebSite', name: 'X' }, { '@type': 'NewsArticle', headline: 'Titre JSON-LD', datePublished: '2024-02-01T10:00:00+01:00', author: { '@type': 'Person', name: 'Ana Vidal' } }] };
    const a = extractArticle(page(`<article>${para(1)}${para(2)}</article>`, `<meta property="og:title" content="Titre OG"><script type="application/ld+json">${JSON.stringify(ld)}</script>`), 'https://a.example/x');
    expect(a.title).toBe('Titre JSON-LD');
    expect(a.author).toBe('Ana Vidal');
    expect(a.publishedAt).toBe('2024-02-01T10:00:00+01:00');
    expect(a.sources['title']).toBe('json-ld');
  });

  it('survives broken JSON-LD', () => {
    const a = extractArticle(page(`<article>${para(1)}</article>`, '<script type="application/ld+json">{"@type": "NewsArticle", </script>'), 'https://a.example/x');
    expect(a.title).toBe("Un titre d'essai");
  });

  it('applies per-site hints before the heuristic', () => {
    const html = page(`<div class="bloc-a">${para(1)}${para(2)}${para(3)}</div><div class="bloc-b"><p>Le vrai texte, court mais choisi par la règle du site.</p><p class="pub">Encart à retirer</p></div><span class="sig">Par Zoé Marchal</span><span class="quand">3 février 2024 à 10h00</span>`);
    const a = extractArticle(html, 'https://a.example/x', { content: '.bloc-b', remove: ['.pub'], author: '.sig', date: '.quand' });
    expect(a.text).toBe('Le vrai texte, court mais choisi par la règle du site.');
    expect(a.author).toBe('Zoé Marchal');
    expect(a.publishedAt).toBe('2024-02-03T10:00:00+01:00');
    expect(a.sources['text']).toBe('hint');
  });

  it('keeps a paragraph that starts with « Par ailleurs »', () => {
    const a = extractArticle(page(`<article>${para(1)}<p>Par ailleurs, les pirates ont utilisé des comptes de soignants.</p>${para(2)}</article>`), 'https://a.example/x');
    expect(a.text).toContain('Par ailleurs, les pirates');
  });

  it('removes a label-opened link list without any class names', () => {
    const a = extractArticle(page(`<div>${para(1)}${para(2)}</div><div><div>À voir aussi</div><div><a href="/1">Un autre article sur un sujet voisin</a></div><div><a href="/2">Encore un autre article</a></div></div>`), 'https://a.example/x');
    expect(a.text).not.toContain('autre article');
    expect(a.text.split('\n\n')).toHaveLength(2);
  });

  it('resolves the canonical URL against the page address', () => {
    const a = extractArticle(page(`<article>${para(1)}</article>`, '<link rel="canonical" href="/article-propre">'), 'https://a.example/x?utm_source=rss');
    expect(a.canonicalUrl).toBe('https://a.example/article-propre');
  });

  it('fails with a named error on a page without text', () => {
    expect(() => extractArticle(page('<nav><a href="/">Accueil</a></nav>'), 'https://a.example/vide')).toThrow(/^extract: aucun texte d’article trouvé \(https:\/\/a\.example\/vide\)$/);
  });

  it('never throws anything but ExtractError and never returns markup (fuzz)', () => {
    const piece = fc.oneof(
      fc.constantFrom('<p>', '</p>', '<div class="related">', '</div>', '<nav>', '</nav>', '<a href="/x">', '</a>', '<script>', '</script>', '<h2>À voir aussi</h2>', '<br>', '<!--', '-->', '<article>', '</article>', '&amp;', '&lt;b&gt;'),
      fc.string({ maxLength: 40 }),
    );
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 40 }), (parts) => {
        try {
          const a = extractArticle(`<html><head><title>t</title></head><body>${parts.join('')}</body></html>`, 'https://a.example/f');
          expect(a.text).not.toMatch(/<\/?(?:p|div|nav|a|script|article|h2|br)\b/);
        } catch (e) {
          expect(e).toBeInstanceOf(ExtractError);
        }
      }),
      { numRuns: 200, seed: 20240206 },
    );
  });

  it('text F1 of the whole corpus is 1', () => {
    const f1 = corpus.map((c) => textF1(extractArticle(c.html, c.expected.url).text, c.text));
    expect(Math.min(...f1)).toBe(1);
  });
});

describe('hostile nesting', () => {
  it('refuses a page nested deeper than browsers nest, fast and with a clear message', () => {
    const deep = `<html><head><title>Viamedis</title></head><body><article><h1>Viamedis</h1>${'<div><span>'.repeat(5000)}texte${'</span></div>'.repeat(5000)}</article></body></html>`;
    expect(() => extractArticle(deep, 'https://exemple.fr/a')).toThrow(/^extract: page illisible : balises imbriquées sur plus de 512 niveaux \(https:\/\/exemple\.fr\/a\)$/);
  });
});
