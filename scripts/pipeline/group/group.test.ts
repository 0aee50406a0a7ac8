import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { canonicalizeUrl, chooseCanonical, group, minhash, nearestEvent, similarity, type EventRef, type GroupInput } from './index.ts';

const T = JSON.parse(readFileSync(join(import.meta.dirname, 'testdata', 'texts.json'), 'utf8')) as Record<string, string>;

describe('canonical URLs', () => {
  it.each([
    ['https://www.site.example/a/b/?utm_source=rss&utm_medium=flux&id=12#commentaires', 'https://www.site.example/a/b?id=12'],
    ['https://WWW.Site.Example:443/a/', 'https://www.site.example/a'],
    ['https://www.site.example/amp/sante/article-123', 'https://www.site.example/sante/article-123'],
    ['https://www.site.example/sante/article-123/amp/', 'https://www.site.example/sante/article-123'],
    ['https://www.site.example/sante/article-123.amp.html', 'https://www.site.example/sante/article-123.html'],
    ['https://www.site.example/sante/article?amp=1&xtor=RSS-3', 'https://www.site.example/sante/article'],
    ['https://m.site.example/sante/article', 'https://www.site.example/sante/article'],
    ['https://amp.site.example/sante/article', 'https://www.site.example/sante/article'],
    ['https://mobile.info.site.example/sante/article', 'https://info.site.example/sante/article'],
    ['https://www.site.example/', 'https://www.site.example/'],
    ['http://www.site.example/page?fbclid=abc&gclid=def&p=2', 'http://www.site.example/page?p=2'],
  ])('%s', (input, expected) => expect(canonicalizeUrl(input)).toBe(expected));

  it('takes a declared canonical on the same site only', () => {
    expect(chooseCanonical('https://m.site.example/amp/x?utm_source=a', 'https://www.site.example/x')).toBe('https://www.site.example/x');
    expect(chooseCanonical('https://www.relais.example/x', 'https://www.original.example/y')).toBe('https://www.relais.example/x');
    expect(chooseCanonical('https://www.relais.example/x', 'pas une url')).toBe('https://www.relais.example/x');
    // The publisher's own domains are trusted (a page read through another host, a second domain).
    expect(chooseCanonical('http://127.0.0.1:8080/x', 'https://www.original.example/y', ['original.example'])).toBe('https://www.original.example/y');
    expect(chooseCanonical('http://127.0.0.1:8080/x', 'https://www.original.example/y', ['autre.example'])).toBe('http://127.0.0.1:8080/x');
  });
});

describe('MinHash', () => {
  it('finds one dispatch with a different opening, not other articles', () => {
    const a = minhash(T['dispatch']!);
    expect(similarity(a, minhash(T['dispatch']!))).toBe(1);
    expect(similarity(a, minhash(T['dispatchVariant']!))).toBeGreaterThanOrEqual(0.5);
    expect(similarity(a, minhash(T['other']!))).toBeLessThan(0.2);
    expect(similarity(a, minhash(T['rugby']!))).toBeLessThan(0.1);
  });
  it('is stable (fixed coefficients)', () => {
    expect(minhash('un deux trois quatre cinq six').slice(0, 3)).toEqual(minhash('Un deux, trois quatre cinq six !').slice(0, 3));
  });
});

const events: EventRef[] = [
  { slug: 'viamedis-attaque', date: '2024-02-01', organizations: ['viamedis'], text: 'Viamedis annonce une cyberattaque : un compte de professionnel de santé hameçonné a permis de consulter des données de bénéficiaires.' },
  { slug: 'almerys-attaque', date: '2024-02-05', organizations: ['almerys'], text: 'Almerys annonce à son tour une intrusion sur son portail destiné aux professionnels de santé, par usurpation de comptes.' },
  { slug: 'cnil-plus-de-33-millions', date: '2024-02-07', organizations: ['cnil', 'viamedis', 'almerys'], text: 'La CNIL chiffre la fuite à plus de 33 millions de personnes et ouvre des investigations sur les mesures de sécurité des deux opérateurs de tiers payant.' },
];

describe('nearest event', () => {
  it('attaches by date, organisations and text', () => {
    expect(nearestEvent({ publishedAt: '2024-02-07T18:40:00+01:00', organizations: ['cnil', 'viamedis', 'almerys'], title: 'Plus de 33 millions de personnes concernées, selon la CNIL', text: T['dispatch']! }, events)?.slug).toBe('cnil-plus-de-33-millions');
    expect(nearestEvent({ publishedAt: '2024-02-06T09:45:00+01:00', organizations: ['almerys', 'viamedis'], title: 'Almerys confirme une intrusion', text: 'Almerys confirme une intrusion sur son portail des professionnels de santé, par usurpation de comptes.' }, events)?.slug).toBe('almerys-attaque');
  });
  it('leaves an article out of every window unassigned', () => {
    expect(nearestEvent({ publishedAt: '2024-06-01', organizations: ['cnil'], title: 'CNIL', text: T['dispatch']! }, events)).toBeNull();
    expect(nearestEvent({ organizations: ['cnil'], title: 'CNIL', text: T['dispatch']! }, events)).toBeNull();
  });
});

describe('group', () => {
  const base = (over: Partial<GroupInput>): GroupInput => ({ url: 'https://x.example/a', title: 't', text: '', organizations: [], ...over });
  const inputs: GroupInput[] = [
    base({ url: 'https://www.courrier.example/france/cnil-33-millions?utm_source=rss', title: 'Cyberattaques : 33 millions', text: T['dispatch']!, publishedAt: '2024-02-07T18:40:00+01:00', organizations: ['cnil', 'viamedis', 'almerys'] }),
    base({ url: 'https://www.alpes.example/societe/fuite-33-millions', title: 'Fuite de données : 33 millions', text: T['dispatchVariant']!, publishedAt: '2024-02-08T08:05:00+01:00', organizations: ['cnil', 'viamedis', 'almerys'] }),
    base({ url: 'https://www.mag.example/amp/entreprises/fuite', declaredCanonical: 'https://www.mag.example/entreprises/fuite', amp: true, title: 'Fuite au tiers payant', text: T['other']!, publishedAt: '2024-02-09T10:00:00+01:00', organizations: ['viamedis', 'almerys'] }),
    base({ url: 'https://www.mag.example/entreprises/fuite', declaredCanonical: 'https://www.mag.example/entreprises/fuite', title: 'Fuite au tiers payant', text: T['other']!, publishedAt: '2024-02-09T10:00:00+01:00', organizations: ['viamedis', 'almerys'] }),
    base({ url: 'https://www.sud.example/rugby/match', title: 'Rugby', text: T['rugby']!, publishedAt: '2024-02-10T22:15:00+01:00' }),
  ];

  it('merges copies, groups a dispatch into one story and attaches events', () => {
    const g = group(inputs, { events });
    expect(g[0]!.story).toBe(g[1]!.story);
    expect(g[0]!.storySize).toBe(2);
    expect(g[0]!.event).toBe('cnil-plus-de-33-millions');
    expect(g[1]!.event).toBe('cnil-plus-de-33-millions');
    expect(g[0]!.grouping).toBe('nearest-event');
    expect(g[0]!.canonicalUrl).toBe('https://www.courrier.example/france/cnil-33-millions');
    // The AMP copy is a duplicate of the original page.
    expect(g[2]!.duplicateOf).toBe(3);
    expect(g[3]!.duplicateOf).toBeUndefined();
    expect(g[3]!.mergedUrls).toEqual(['https://www.mag.example/amp/entreprises/fuite']);
    expect(g[4]!.grouping).toBe('unassigned');
    expect(g[4]!.story).not.toBe(g[0]!.story);
  });

  it('is deterministic and keeps earlier stories', () => {
    const first = group(inputs, { events: [] });
    expect(group(inputs, { events: [] }).map((x) => x.story)).toEqual(first.map((x) => x.story));
    expect(first[0]!.grouping).toBe('near-duplicate');
    expect(first[3]!.grouping).toBe('same-url');
    expect(first[4]!.grouping).toBe('unassigned');
    const prior = [{ canonicalUrl: 'https://www.autre.example/depeche', story: 'story-ancienne', signature: minhash(`X\n${T['dispatch']!}`), event: 'cnil-plus-de-33-millions' }];
    const again = group([inputs[1]!], { events: [], prior });
    expect(again[0]!.story).toBe('story-ancienne');
    expect(again[0]!.storySize).toBe(2);
    expect(again[0]!.event).toBe('cnil-plus-de-33-millions');
  });

  it('groups 300 articles quickly', () => {
    const many = Array.from({ length: 300 }, (_, i) => base({ url: `https://x.example/${i}`, title: `Titre ${i}`, text: `${T['other']} Variante numéro ${i} avec des mots propres ${i * 7} et ${i * 13}.`, publishedAt: '2024-02-09' }));
    const t0 = performance.now();
    const g = group(many, { events });
    expect(performance.now() - t0).toBeLessThan(5000);
    expect(new Set(g.map((x) => x.story)).size).toBe(1);
  });
});
