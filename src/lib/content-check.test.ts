/**
 * Checks across files: references, duplicates, the main dossier, file names.
 * Each test copies the fictional fixture tree (tests/fixtures/content/) into a
 * temporary folder, breaks one thing and reads the messages.
 */
import { describe, expect, it } from 'vitest';
import { cpSync, readFileSync, renameSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { FIXTURE, edit, fixtureCopies } from '../../tests/support/fixture-copy.ts';
import { checkContent, checkFile, formatError } from './content-check.ts';

const fixtureCopy = fixtureCopies('veille-check-');

const messages = (dir: string) => checkContent(dir).errors.map(formatError);

describe('the fixture tree', () => {
  it('is valid and holds every collection', () => {
    const { entries, errors } = checkContent(FIXTURE);
    expect(errors.map(formatError)).toEqual([]);
    const count = (c: string) => entries.filter((e) => e.collection === c).length;
    expect([count('dossiers'), count('events'), count('coverage'), count('organizations'), count('publishers')]).toEqual([1, 4, 5, 4, 3]);
  });

  it('exercises what the pages show: kinds, a statement with speaker and figures, a story, coverage without event, relations', () => {
    const { entries } = checkContent(FIXTURE);
    const events = entries.filter((e) => e.collection === 'events');
    expect(new Set(events.map((e) => e.data.kind)).size).toBe(4);
    const statement = events.find((e) => e.data.kind === 'statement')!;
    expect(statement.data.speaker).toEqual({ organization: 'exemplis' });
    expect((statement.data.figures as unknown[]).length).toBeGreaterThan(0);
    const coverage = entries.filter((e) => e.collection === 'coverage');
    const stories = coverage.map((c) => c.data.story).filter(Boolean);
    expect(stories).toHaveLength(2);
    expect(new Set(stories).size).toBe(1);
    expect(coverage.some((c) => c.data.event === undefined)).toBe(true);
    const relations = entries.filter((e) => e.collection === 'organizations').flatMap((o) => o.data.relations as { type: string; target: string }[]);
    expect(relations.filter((r) => r.type === 'client-de' && r.target === 'exemplis')).toHaveLength(2);
  });

  it('only uses reserved example domains', () => {
    const { entries } = checkContent(FIXTURE);
    const urls = JSON.stringify(entries.map((e) => e.data)).match(/https?:\/\/[^"\s]+/g) ?? [];
    expect(urls.length).toBeGreaterThan(10);
    for (const url of urls) expect(new URL(url).hostname).toMatch(/(^|\.)[a-z-]+\.example$/);
  });
});

describe('cross-file checks', () => {
  it('refuses an article attached to an event of another dossier', () => {
    const dir = fixtureCopy();
    writeFileSync(join(dir, 'dossiers/autre-dossier.yaml'), "title: Autre\nsummary: Autre dossier fictif.\nperiod: { start: '2025-01-01' }\norganizations: [exemplis]\ntopicTerms: [{ term: Autre }]\n");
    edit(join(dir, 'coverage/presse-exemple-exemplis-1-2-million.mdx'), /^dossier: .*$/m, 'dossier: autre-dossier');
    expect(messages(dir)).toEqual([
      "content/coverage/presse-exemple-exemplis-1-2-million.mdx : champ « event » : l'événement « exemplis-annonce-1-2-million-de-personnes » appartient au dossier « exemplis-2025 », pas à « autre-dossier » (ni ne le cite dans related)",
    ]);
  });

  it('accepts an article of another dossier attached to an event that links to it (related)', () => {
    const dir = fixtureCopy();
    writeFileSync(join(dir, 'dossiers/autre-dossier.yaml'), "title: Autre\nsummary: Autre dossier fictif.\nperiod: { start: '2025-01-01' }\norganizations: [exemplis]\ntopicTerms: [{ term: Autre }]\n");
    edit(join(dir, 'coverage/presse-exemple-exemplis-1-2-million.mdx'), /^dossier: .*$/m, 'dossier: autre-dossier');
    edit(join(dir, 'events/exemplis-annonce-1-2-million-de-personnes.mdx'), /^dossier: (.*)$/m, 'dossier: $1\nrelated: [autre-dossier]');
    expect(messages(dir)).toEqual([]);
  });

  it('reports a broken reference with the field, the slug and the folder', () => {
    const dir = fixtureCopy();
    edit(join(dir, 'events/mutuelle-fictia-previent-ses-adherents.mdx'), 'organizations: [mutuelle-fictia, exemplis]', 'organizations: [mutuelle-fictia, exemplys]');
    expect(messages(dir)).toEqual([
      "content/events/mutuelle-fictia-previent-ses-adherents.mdx : champ « organizations[1] » : référence introuvable : « exemplys » n'existe pas dans content/organizations/",
    ]);
  });

  it('checks every kind of reference: dossier, speaker, publisher, event, relation target', () => {
    const dir = fixtureCopy();
    edit(join(dir, 'events/exemplis-annonce-1-2-million-de-personnes.mdx'), 'organization: exemplis', 'organization: exemplis-sa');
    edit(join(dir, 'events/l-autorite-fictive-ouvre-une-enquete.mdx'), 'dossier: exemplis-2025', 'dossier: exemplis-2024');
    edit(join(dir, 'coverage/quotidien-fictif-exemplis-1-2-million.mdx'), 'publisher: quotidien-fictif', 'publisher: le-quotidien');
    edit(join(dir, 'coverage/presse-exemple-exemplis-1-2-million.mdx'), 'event: exemplis-annonce-1-2-million-de-personnes', 'event: exemplis-annonce');
    edit(join(dir, 'organizations/mutuelle-imagina.md'), 'target: exemplis', 'target: exemplys');
    const found = messages(dir);
    expect(found).toHaveLength(5);
    expect(found).toEqual(
      expect.arrayContaining([
        "content/events/exemplis-annonce-1-2-million-de-personnes.mdx : champ « speaker.organization » : référence introuvable : « exemplis-sa » n'existe pas dans content/organizations/",
        "content/events/l-autorite-fictive-ouvre-une-enquete.mdx : champ « dossier » : référence introuvable : « exemplis-2024 » n'existe pas dans content/dossiers/",
        "content/coverage/quotidien-fictif-exemplis-1-2-million.mdx : champ « publisher » : référence introuvable : « le-quotidien » n'existe pas dans content/publishers/",
        "content/coverage/presse-exemple-exemplis-1-2-million.mdx : champ « event » : référence introuvable : « exemplis-annonce » n'existe pas dans content/events/",
        "content/organizations/mutuelle-imagina.md : champ « relations[0].target » : référence introuvable : « exemplys » n'existe pas dans content/organizations/",
      ]),
    );
  });

  it('reports an invalid entry once, not again as a broken reference from the entries citing it', () => {
    const dir = fixtureCopy();
    edit(join(dir, 'organizations/exemplis.md'), 'kind: operateur-tiers-payant', 'kind: operateur');
    const found = messages(dir);
    expect(found).toHaveLength(1);
    expect(found[0]).toContain('content/organizations/exemplis.md : champ « kind » : valeur « operateur » non autorisée');
  });

  it('reports a duplicate slug across extensions (foo.md and foo.mdx)', () => {
    const dir = fixtureCopy();
    cpSync(join(dir, 'organizations/exemplis.md'), join(dir, 'organizations/exemplis.mdx'));
    expect(messages(dir)).toEqual([
      'content/organizations/exemplis.mdx : identifiant (slug) « exemplis » en double : déjà utilisé par content/organizations/exemplis.md',
    ]);
  });

  it('reports two coverage entries for the same canonical address', () => {
    const dir = fixtureCopy();
    cpSync(join(dir, 'coverage/presse-exemple-les-mutuelles-clientes.mdx'), join(dir, 'coverage/presse-exemple-mutuelles-copie.mdx'));
    const found = messages(dir);
    expect(found).toHaveLength(1);
    expect(found[0]).toMatch(/^content\/coverage\/presse-exemple-[a-z-]+\.mdx : champ « canonicalUrl » : article en double : /);
    expect(found[0]).toContain('« https://presse.example/2025/02/12/exemplis-les-mutuelles-clientes » est déjà décrit par content/coverage/presse-exemple-');
  });

  it('requires exactly one main dossier: none', () => {
    const dir = fixtureCopy();
    edit(join(dir, 'dossiers/exemplis-2025.yaml'), 'main: true', 'main: false');
    expect(messages(dir)).toEqual(['content/dossiers/ : champ « main » : exactement un dossier doit avoir main: true (0 trouvé(s) : aucun)']);
  });

  it('requires exactly one main dossier: two', () => {
    const dir = fixtureCopy();
    cpSync(join(dir, 'dossiers/exemplis-2025.yaml'), join(dir, 'dossiers/autre-dossier.yaml'));
    expect(messages(dir).filter((m) => m.includes('« main »'))).toEqual(['content/dossiers/ : champ « main » : exactement un dossier doit avoir main: true (2 trouvé(s) : autre-dossier, exemplis-2025)']);
  });

  it('accepts a second dossier that is not main', () => {
    const dir = fixtureCopy();
    writeFileSync(
      join(dir, 'dossiers/autre-dossier.yaml'),
      "title: Autre\nsummary: Fictif.\nperiod: { start: '2025-03-01' }\norganizations: [exemplis]\ntopicTerms: [{ term: Autre }]\n",
    );
    expect(messages(dir)).toEqual([]);
  });

  it('rejects a file name that is not a slug, with an example', () => {
    const dir = fixtureCopy();
    renameSync(join(dir, 'publishers/quotidien-fictif.yaml'), join(dir, 'publishers/Quotidien Fictif.yaml'));
    const found = messages(dir);
    expect(found[0]).toBe(
      'content/publishers/Quotidien Fictif.yaml : nom de fichier « Quotidien Fictif » invalide : minuscules sans accents, chiffres et tirets (ex. « cnil-annonce-33-millions »)',
    );
    // The coverage citing the old slug now points nowhere.
    expect(found.slice(1)).toEqual([
      "content/coverage/quotidien-fictif-exemplis-1-2-million.mdx : champ « publisher » : référence introuvable : « quotidien-fictif » n'existe pas dans content/publishers/",
    ]);
  });

  it('rejects a file with an extension the collection does not take', () => {
    const dir = fixtureCopy();
    writeFileSync(join(dir, 'events/notes.txt'), 'brouillon');
    expect(messages(dir)).toEqual(['content/events/notes.txt : extension « .txt » non prise en charge dans events/ ; attendu : .mdx, .md']);
  });

  it('ignores drafts whose name starts with _ or .', () => {
    const dir = fixtureCopy();
    writeFileSync(join(dir, 'events/_brouillon.mdx'), 'pas encore valide');
    writeFileSync(join(dir, 'events/.cache'), 'x');
    expect(messages(dir)).toEqual([]);
  });

  it('reports a YAML syntax error with the file and keeps checking the others', () => {
    const dir = fixtureCopy();
    edit(join(dir, 'publishers/quotidien-fictif.yaml'), 'domains: [quotidien.example]', 'domains: [quotidien.example');
    edit(join(dir, 'events/mutuelle-fictia-previent-ses-adherents.mdx'), 'kind: advisory', 'kind: conseil');
    const found = messages(dir);
    expect(found[0]).toMatch(/^content\/events\/mutuelle-fictia-previent-ses-adherents\.mdx : champ « kind » : valeur « conseil » non autorisée/);
    expect(found.some((m) => /^content\/publishers\/quotidien-fictif\.yaml : YAML invalide \(ligne \d+\) : /.test(m))).toBe(true);
    // The publisher file exists: the coverage citing it is not reported again.
    expect(found).toHaveLength(2);
  });

  it('returns the valid entries with slug, file, data and body', () => {
    const dir = fixtureCopy();
    unlinkSync(join(dir, 'coverage/presse-exemple-les-mutuelles-clientes.mdx'));
    const { entries, errors } = checkContent(dir);
    expect(errors).toEqual([]);
    const entry = entries.find((e) => e.slug === 'exemplis-detecte-un-acces-frauduleux')!;
    expect(entry).toMatchObject({ collection: 'events', file: 'content/events/exemplis-detecte-un-acces-frauduleux.mdx' });
    expect(entry.data).toMatchObject({ date: '2025-01-28', precision: 'day', kind: 'incident' });
    expect(entry.body).toContain('Exemplis a constaté le 28 janvier 2025');
  });

  it('treats an empty or missing content folder as empty', () => {
    expect(checkContent(join(tmpdir(), 'veille-does-not-exist'))).toEqual({ entries: [], errors: [] });
  });
});

describe('frontmatter split', () => {
  it('ends the frontmatter only at a « --- » that starts a line, as Astro does', () => {
    const text = "---\nname: Exemple --- Test\nkind: autre\ndescription: Une phrase.\n---\n";
    expect(checkFile('organizations', '/nowhere/x.md', 'content/organizations/x.md', text).errors).toEqual([]);
  });
});

describe('YAML alias', () => {
  it('reports a value starting with « * » (an unresolved YAML alias) instead of crashing', () => {
    const text = '---\nname: *Exclusif\nkind: autre\ndescription: Une phrase.\n---\n';
    const errors = checkFile('organizations', '/nowhere/x.md', 'content/organizations/x.md', text).errors.map(formatError);
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatch(/^content\/organizations\/x\.md : YAML invalide/);
  });
});

describe('the examples of CONTRIBUTING.md', () => {
  const guide = readFileSync(resolve(import.meta.dirname, '../../CONTRIBUTING.md'), 'utf8');
  const blocks = [...guide.matchAll(/```(?:mdx|yaml)\n([\s\S]*?)```/g)].map((m) => m[1]!);

  it('full event example passes the checker', () => {
    const example = blocks.find((b) => b.startsWith('---\ndossier: exemplis-2025\ntitle:'));
    expect(example).toBeDefined();
    const r = checkFile('events', '/nowhere/x.mdx', 'content/events/x.mdx', example!);
    expect(r.errors.map(formatError)).toEqual([]);
    expect(r.data).toMatchObject({ kind: 'statement', precision: 'minute' });
    expect((r.data!.figures as unknown[]).length).toBe(2);
  });

  it('coverage and organisation examples pass the checker', () => {
    const coverage = blocks.find((b) => b.startsWith('---\ndossier: tiers-payant-2024\nurl:'));
    const organization = blocks.find((b) => b.startsWith('---\nname: Mutuelle Fictia'));
    expect(checkFile('coverage', '/nowhere/x.mdx', 'x', coverage!).errors).toEqual([]);
    expect(checkFile('organizations', '/nowhere/x.md', 'x', organization!).errors).toEqual([]);
  });

  it('quotes the real messages of the checker', () => {
    // Each « - content/… » line of the sample output is produced by the checker on a broken copy of the fixture.
    const dir = fixtureCopy();
    edit(join(dir, 'events/mutuelle-fictia-previent-ses-adherents.mdx'), "date: '2025-02-01'", 'date: 1er février 2025');
    edit(join(dir, 'events/mutuelle-fictia-previent-ses-adherents.mdx'), 'kind: advisory', 'kind: conseil');
    edit(join(dir, 'events/exemplis-annonce-1-2-million-de-personnes.mdx'), 'exposed: [nom, prénom, date de naissance, numéro de sécurité sociale]', 'exposed: [nom, prénom, date de naissance, numéro de sécu]');
    edit(join(dir, 'events/exemplis-annonce-1-2-million-de-personnes.mdx'), "date: '2025-01-30T18:45'", 'date: 2025-01-30T18:45');
    edit(join(dir, 'events/l-autorite-fictive-ouvre-une-enquete.mdx'), '    source: https://autorite.example/actualites/enquete-exemplis', '    source: https://autorite.example/actualites/enquete');
    edit(join(dir, 'events/exemplis-detecte-un-acces-frauduleux.mdx'), 'status: confirmé', 'statut: confirmé');
    cpSync(join(dir, 'organizations/exemplis.md'), join(dir, 'organizations/exemplis.mdx'));
    edit(join(dir, 'coverage/presse-exemple-les-mutuelles-clientes.mdx'), 'title: "Exemplis : quelles mutuelles sont concernées ?"', 'title: Exemplis : quelles mutuelles sont concernées ?');
    const quoted = [...guide.matchAll(/^ {2}- (content\/.+)$/gm)].map((m) => m[1]);
    expect(quoted).toHaveLength(9);
    expect(messages(dir).sort()).toEqual(quoted.sort());
  });
});
