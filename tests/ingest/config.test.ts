import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { ConfigError, loadConfig, parseConfig } from '../../scripts/ingest-config.ts';

describe('ingest config', () => {
  it('the smallest config is a list of feeds, with defaults for the rest', () => {
    const c = parseConfig('feeds:\n  - https://example.org/rss.xml\n', 'sources.yaml');
    expect(c.feeds).toEqual(['https://example.org/rss.xml']);
    expect(c.lists).toEqual([]);
    expect(c.relevance.threshold).toBe(7);
    expect(c.limits).toEqual({ maxItemsPerSource: 200, maxSitemaps: 5 });
    expect(c.deny).toEqual([]);
    expect(parseConfig('feeds: [https://x.example/f]\ndeny: [Copieur.Example]\n', 's.yaml').deny).toEqual(['copieur.example']);
  });

  it.each([
    ['', /une liste de champs est attendue/],
    ['feeds: []\n', /aucune source/],
    ['feeds:\n  - ftp://x.example/f\n', /champ « feeds\[0\] » : adresse http:\/\/ ou https:\/\/ attendue/],
    ['feeds:\n  - https://x.example/f\nwindow: { since: 2024 }\n', /champ « window\.since »/],
    ['feeds:\n  - https://x.example/f\nfedds: []\n', /champ\(s\) inconnu\(s\) fedds|fedds/],
    ['feeds:\n  - { url: https://x.example/f, publisher: Pas Un Slug }\n', /champ « feeds\[0\]/],
    ['feeds: [https://x.example/f\n', /YAML invalide \(ligne \d+\)/],
    ['feeds:\n  - https://x.example/f\npublishers:\n  sante:\n    domains: [pas un domaine]\n', /publishers\.sante\.domains\[0\]/],
    ['feeds:\n  - https://x.example/f\ndeny: [https://copieur.example/]\n', /champ « deny\[0\] » : hôte attendu/],
  ])('rejects %j with a message naming the field', (text, message) => {
    expect(() => parseConfig(text, 'sources.yaml')).toThrow(ConfigError);
    expect(() => parseConfig(text, 'sources.yaml')).toThrow(message);
    expect(() => parseConfig(text, 'sources.yaml')).toThrow(/^config: sources\.yaml : /);
  });

  it('names a missing file', () => {
    expect(() => loadConfig('/nulle/part/sources.yaml')).toThrow(/^config: \/nulle\/part\/sources\.yaml : fichier illisible \(ENOENT\)$/);
  });

  it('the shipped sources.yaml is valid and lists only http(s) feeds with a publisher', () => {
    const c = loadConfig(join(import.meta.dirname, '..', '..', 'sources.yaml'));
    expect(c.feeds.length).toBeGreaterThanOrEqual(5);
    for (const f of c.feeds) expect(typeof f === 'object' && f.publisher).toBeTruthy();
  });
});
