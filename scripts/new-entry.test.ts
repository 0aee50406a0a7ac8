/**
 * `npm run new`: every file it writes passes the checker, slugs are unique,
 * nothing is overwritten, and every mistake gets a clear French message.
 * Runs in copies of the fictional fixture tree.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parse } from 'yaml';
import { checkContent, checkFile, formatError } from '../src/lib/content-check.ts';
import { splitFrontmatter } from '../src/lib/frontmatter.ts';
import { canonicalArticleUrl, parisToday, run, toYaml } from './new-entry.ts';

const ROOT = resolve(import.meta.dirname, '..');
const FIXTURE = join(ROOT, 'tests/fixtures/content');
const TODAY = '2025-03-04';
const temps: string[] = [];
afterEach(() => {
  for (const dir of temps.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/** A project-like folder holding a copy of the fixture as content/. */
function workspace(): string {
  const root = mkdtempSync(join(tmpdir(), 'veille-new-'));
  temps.push(root);
  cpSync(FIXTURE, join(root, 'content'), { recursive: true });
  return root;
}

interface Outcome {
  code: number;
  out: string;
  err: string;
}

function newEntry(cwd: string, args: string[], env: Record<string, string> = {}): Outcome {
  const out: string[] = [];
  const err: string[] = [];
  const code = run(args, { cwd, env: { NEW_ENTRY_TODAY: TODAY, ...env }, out: (l) => out.push(l), err: (l) => err.push(l) });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

/** The path printed after « Créé : ». */
const createdPath = (o: Outcome) => /^Créé : (.+)$/m.exec(o.out)?.[1];

const frontmatter = (path: string) => parse(splitFrontmatter(readFileSync(path, 'utf8')).yaml) as Record<string, any>;

const treeErrors = (root: string) => checkContent(join(root, 'content')).errors.map(formatError);

const snapshot = (dir: string) =>
  Object.fromEntries(
    readdirSync(dir, { recursive: true, withFileTypes: true })
      .filter((d) => d.isFile())
      .map((d) => [join(d.parentPath, d.name), readFileSync(join(d.parentPath, d.name), 'utf8')]),
  );

describe('npm run new -- evenement', () => {
  it('writes a valid event with the slug of the title, today’s date, status rapporté and a TODO body', () => {
    const root = workspace();
    const o = newEntry(root, ['evenement', "Almerys : l'ANSSI enquête", '--source', 'https://presse.example/2025/03/04/anssi']);
    expect(o.err).toBe('');
    expect(o.code).toBe(0);
    expect(createdPath(o)).toBe('content/events/almerys-l-anssi-enquete.mdx');
    const file = join(root, 'content/events/almerys-l-anssi-enquete.mdx');
    const data = frontmatter(file);
    expect(data).toMatchObject({
      dossier: 'exemplis-2025',
      title: "Almerys : l'ANSSI enquête",
      date: TODAY,
      precision: 'day',
      kind: 'context',
      status: 'rapporté',
      sources: [{ url: 'https://presse.example/2025/03/04/anssi', publisher: "La Presse d'Exemple" }],
    });
    expect(readFileSync(file, 'utf8')).toContain("date: '2025-03-04'");
    expect(splitFrontmatter(readFileSync(file, 'utf8')).body).toContain('À RÉDIGER (TODO)');
    expect(checkFile('events', file, 'x').errors).toEqual([]);
    expect(treeErrors(root)).toEqual([]);
  });

  it('explains what to fill and how to check', () => {
    const o = newEntry(workspace(), ['evenement', 'Un fait', '--source', 'https://presse.example/a']);
    expect(o.out).toContain('À compléter avant publication');
    expect(o.out).toMatch(/kind : type d'événement \(actuellement « context »\)/);
    expect(o.out).toContain('title (titre exact de la page)');
    expect(o.out).toContain('npm run check');
  });

  it('adds -2, -3… when the slug is taken, whatever the extension of the other file', () => {
    const root = workspace();
    const args = ['evenement', 'Exemplis détecte un accès frauduleux', '--source', 'https://presse.example/a'];
    writeFileSync(join(root, 'content/events/exemplis-detecte-un-acces-frauduleux.md'), readFileSync(join(FIXTURE, 'events/exemplis-detecte-un-acces-frauduleux.mdx')));
    rmSync(join(root, 'content/events/exemplis-detecte-un-acces-frauduleux.mdx'));
    expect(createdPath(newEntry(root, args))).toBe('content/events/exemplis-detecte-un-acces-frauduleux-2.mdx');
    expect(createdPath(newEntry(root, args))).toBe('content/events/exemplis-detecte-un-acces-frauduleux-3.mdx');
    expect(treeErrors(root)).toEqual([]);
  });

  it('never overwrites: a forced --slug that exists is refused and every file is left as it was', () => {
    const root = workspace();
    const before = snapshot(join(root, 'content'));
    const o = newEntry(root, ['evenement', 'Autre titre', '--source', 'https://presse.example/a', '--slug', 'exemplis-detecte-un-acces-frauduleux']);
    expect(o.code).toBe(1);
    expect(o.err).toContain("existe déjà : refus d'écraser");
    expect(snapshot(join(root, 'content'))).toEqual(before);
  });

  it('accepts a free --slug', () => {
    const root = workspace();
    expect(createdPath(newEntry(root, ['evenement', 'Titre', '--source', 'https://presse.example/a', '--slug', 'mon-slug']))).toBe('content/events/mon-slug.mdx');
  });

  it('takes --date (day or Paris time) and quotes it', () => {
    const root = workspace();
    const o = newEntry(root, ['evenement', 'Heure', '--source', 'https://presse.example/a', '--date', '2025-02-07T14:30']);
    const file = join(root, createdPath(o)!);
    expect(readFileSync(file, 'utf8')).toContain("date: '2025-02-07T14:30'");
    expect(frontmatter(file)).toMatchObject({ date: '2025-02-07T14:30', precision: 'minute' });
    expect(checkFile('events', file, 'x').errors).toEqual([]);
  });

  it('writes a statement with its speaker (organisation or role), organisations and kind', () => {
    const root = workspace();
    const a = newEntry(root, ['evenement', 'Exemplis parle', '--source', 'https://exemple.example/c', '--kind', 'statement', '--speaker', 'exemplis', '--org', 'exemplis,mutuelle-fictia', '--org', 'autorite-fictive']);
    expect(frontmatter(join(root, createdPath(a)!))).toMatchObject({
      kind: 'statement',
      speaker: { organization: 'exemplis' },
      organizations: ['exemplis', 'mutuelle-fictia', 'autorite-fictive'],
      sources: [{ publisher: 'exemple.example' }],
    });
    const b = newEntry(root, ['evenement', 'Revendication', '--source', 'https://exemple.example/d', '--kind', 'statement', '--speaker', 'attacker-claim', '--publisher', 'Un forum']);
    expect(frontmatter(join(root, createdPath(b)!))).toMatchObject({ speaker: { role: 'attacker-claim' }, sources: [{ publisher: 'Un forum' }] });
    expect(treeErrors(root)).toEqual([]);
  });

  it('keeps any title intact: YAML is generated, never pasted', () => {
    const root = workspace();
    const title = `« Piège » : kind: incident # pas un commentaire\n- 'apostrophe' "guillemets" {accolades} [crochets] & *étoile %{x} @`;
    const o = newEntry(root, ['evenement', title, '--source', 'https://presse.example/a?x=1&y=2#z']);
    expect(o.code).toBe(0);
    const file = join(root, createdPath(o)!);
    const data = frontmatter(file);
    expect(data.title).toBe(title.replace(/\s+/g, ' '));
    expect(data.kind).toBe('context');
    expect(data.sources[0].url).toBe('https://presse.example/a?x=1&y=2#z');
    expect(treeErrors(root)).toEqual([]);
  });

  it('writes a title holding « --- » (frontmatter split mid-line)', () => {
    const root = workspace();
    const o = newEntry(root, ['evenement', 'Viamedis --- Almerys', '--source', 'https://presse.example/a']);
    expect(o.err).toBe('');
    expect(frontmatter(join(root, createdPath(o)!)).title).toBe('Viamedis --- Almerys');
  });

  it('requires --source, with a French usage message (exit 2)', () => {
    const root = workspace();
    const o = newEntry(root, ['evenement', 'Sans source']);
    expect(o.code).toBe(2);
    expect(o.err).toContain('un événement doit citer au moins une source : ajoutez --source URL');
    expect(existsSync(join(root, 'content/events/sans-source.mdx'))).toBe(false);
  });

  it('rejects a bad source address, date, kind, speaker or organisation (exit 2)', () => {
    const root = workspace();
    const before = snapshot(join(root, 'content'));
    const cases: [string[], string][] = [
      [['--source', 'presse.example/a'], '--source « presse.example/a » : adresse web invalide'],
      [['--source', 'https://presse.example/a', '--date', '7 février'], '--date « 7 février » : date invalide ; attendu AAAA-MM-JJ'],
      [['--source', 'https://presse.example/a', '--date', '2025-02-31'], '--date « 2025-02-31 »'],
      [['--source', 'https://presse.example/a', '--kind', 'hack'], '--kind « hack » non autorisé ; valeurs permises : incident, statement'],
      [['--source', 'https://presse.example/a', '--kind', 'statement'], 'une déclaration (--kind statement) doit dire qui parle'],
      [['--source', 'https://presse.example/a', '--org', 'exemplys'], '--org « exemplys » introuvable dans organizations/ ; existants : autorite-fictive, exemplis'],
      [['--source', 'https://presse.example/a', '--dossier', 'autre'], '--dossier « autre » introuvable dans dossiers/'],
      [['--source', 'https://presse.example/a', '--slug', 'Mon Slug'], '--slug « Mon Slug » invalide'],
      [['--source', 'https://presse.example/a', '--event', 'x'], 'option(s) sans objet pour « evenement » : --event'],
      [['--source', 'https://presse.example/a', '--titre', 'x'], 'option inconnue « --titre »'],
    ];
    for (const [args, message] of cases) {
      const o = newEntry(root, ['evenement', 'Titre', ...args]);
      expect(o.code, args.join(' ')).toBe(2);
      expect(o.err, args.join(' ')).toContain(message);
    }
    expect(snapshot(join(root, 'content'))).toEqual(before);
  });

  it('refuses a title the schema would reject, listing the checker messages', () => {
    const o = newEntry(workspace(), ['evenement', 'x'.repeat(201), '--source', 'https://presse.example/a']);
    expect(o.code).toBe(2);
    expect(o.err).toContain("l'entrée serait invalide, rien n'a été écrit");
    expect(o.err).toContain('champ « title » : texte trop long (maximum 200 caractères)');
  });

  it('needs a dossier: the main one by default, else --dossier', () => {
    const root = workspace();
    rmSync(join(root, 'content/dossiers'), { recursive: true });
    const o = newEntry(root, ['evenement', 'Titre', '--source', 'https://presse.example/a']);
    expect(o.code).toBe(2);
    expect(o.err).toContain('aucun dossier valide');
    expect(o.err).toContain('--dossier SLUG');
  });
});

describe('npm run new -- couverture', () => {
  it('writes a valid, locked editor entry with its canonical address and the publisher found by domain', () => {
    const root = workspace();
    const o = newEntry(root, ['couverture', "Exemplis : l'enquête continue", '--url', 'https://www.presse.example/2025/03/04/suite?utm_source=rss&id=4#haut', '--event', 'l-autorite-fictive-ouvre-une-enquete', '--author', 'Camille Exemple', '--org', 'exemplis']);
    expect(o.err).toBe('');
    expect(createdPath(o)).toBe('content/coverage/exemplis-l-enquete-continue.mdx');
    const data = frontmatter(join(root, createdPath(o)!));
    expect(data).toEqual({
      dossier: 'exemplis-2025',
      url: 'https://www.presse.example/2025/03/04/suite?utm_source=rss&id=4#haut',
      canonicalUrl: 'https://www.presse.example/2025/03/04/suite?id=4',
      publisher: 'presse-exemple',
      title: "Exemplis : l'enquête continue",
      author: 'Camille Exemple',
      publishedAt: TODAY,
      organizations: ['exemplis'],
      event: 'l-autorite-fictive-ouvre-une-enquete',
      provenance: { via: 'editor', grouping: 'editor', reviewed: true },
      origin: 'editor',
      locked: true,
    });
    expect(treeErrors(root)).toEqual([]);
  });

  it('requires --url (exit 2)', () => {
    const o = newEntry(workspace(), ['couverture', 'Un article']);
    expect(o.code).toBe(2);
    expect(o.err).toContain("ajoutez --url URL (l'adresse de l'article)");
  });

  it('asks to create the publisher first when the domain is unknown', () => {
    const o = newEntry(workspace(), ['couverture', 'Un article', '--url', 'https://inconnu.example/a']);
    expect(o.code).toBe(2);
    expect(o.err).toContain('aucun éditeur connu pour le domaine « inconnu.example »');
    expect(o.err).toContain('npm run new -- editeur "Nom du média" --domain inconnu.example');
  });

  it('refuses an article already described (same canonical address), naming its file (exit 1)', () => {
    const o = newEntry(workspace(), ['couverture', 'Doublon', '--url', 'https://presse.example/2025/02/12/exemplis-les-mutuelles-clientes?utm_medium=social']);
    expect(o.code).toBe(1);
    expect(o.err).toContain('cet article est déjà décrit par content/coverage/presse-exemple-les-mutuelles-clientes.mdx');
  });

  it('checks --event and --publisher references', () => {
    const root = workspace();
    expect(newEntry(root, ['couverture', 'A', '--url', 'https://presse.example/x', '--event', 'inexistant']).err).toContain('--event « inexistant » introuvable dans events/');
    expect(newEntry(root, ['couverture', 'A', '--url', 'https://autre.example/x', '--publisher', 'inexistant']).err).toContain('--publisher « inexistant » introuvable dans publishers/');
    const o = newEntry(root, ['couverture', 'A', '--url', 'https://autre.example/x', '--publisher', 'quotidien-fictif']);
    expect(o.code).toBe(0);
    expect(treeErrors(root)).toEqual([]);
  });
});

describe('npm run new -- organisation / editeur', () => {
  it('writes a valid organisation, kind « autre » unless told', () => {
    const root = workspace();
    const a = newEntry(root, ['organisation', 'Mutuelle Nouvelle & Associés']);
    expect(createdPath(a)).toBe('content/organizations/mutuelle-nouvelle-et-associes.md');
    expect(frontmatter(join(root, createdPath(a)!))).toMatchObject({ name: 'Mutuelle Nouvelle & Associés', kind: 'autre', aliases: [], relations: [] });
    const b = newEntry(root, ['organisation', 'Prestataire Fictif', '--kind', 'prestataire', '--website', 'https://prestataire.example']);
    expect(frontmatter(join(root, createdPath(b)!))).toMatchObject({ kind: 'prestataire', website: 'https://prestataire.example' });
    expect(newEntry(root, ['organisation', 'X', '--kind', 'mutuelle']).err).toContain('valeurs permises : operateur-tiers-payant, complementaire-sante');
    expect(treeErrors(root)).toEqual([]);
  });

  it('writes a valid publisher (editeur or publication) with its domain', () => {
    const root = workspace();
    const a = newEntry(root, ['editeur', 'Le Nouveau Média', '--domain', 'nouveau.example']);
    expect(createdPath(a)).toBe('content/publishers/le-nouveau-media.yaml');
    expect(parse(readFileSync(join(root, createdPath(a)!), 'utf8'))).toEqual({ name: 'Le Nouveau Média', domains: ['nouveau.example'], feeds: [], language: 'fr' });
    const b = newEntry(root, ['publication', 'Autre Média', '--website', 'https://www.autre-media.example/']);
    expect(parse(readFileSync(join(root, createdPath(b)!), 'utf8'))).toMatchObject({ domains: ['autre-media.example'], website: 'https://www.autre-media.example/' });
    expect(treeErrors(root)).toEqual([]);
    // The new publisher is then found by domain.
    expect(newEntry(root, ['couverture', 'Article', '--url', 'https://nouveau.example/a']).code).toBe(0);
    expect(treeErrors(root)).toEqual([]);
  });

  it('requires a domain for a publisher', () => {
    const o = newEntry(workspace(), ['editeur', 'Sans domaine']);
    expect(o.code).toBe(2);
    expect(o.err).toContain('ajoutez --domain exemple.fr');
  });
});

describe('usage errors', () => {
  it('exits 2 on an unknown type, listing the types', () => {
    const o = newEntry(workspace(), ['evenment', 'Titre']);
    expect(o.code).toBe(2);
    expect(o.err).toContain("type d'entrée « evenment » inconnu ; types permis : evenement, couverture, organisation, editeur");
    expect(o.err).toContain('Usage : npm run new --');
  });

  it('exits 2 on a missing type or title', () => {
    expect(newEntry(workspace(), []).code).toBe(2);
    const o = newEntry(workspace(), ['evenement', '--source', 'https://presse.example/a']);
    expect(o.code).toBe(2);
    expect(o.err).toContain('titre manquant');
    expect(newEntry(workspace(), ['evenement', '   ']).err).toContain('titre manquant');
  });

  it('exits 2 on a title without any letter or digit', () => {
    const o = newEntry(workspace(), ['organisation', '« ! »']);
    expect(o.code).toBe(2);
    expect(o.err).toContain('donnez --slug');
  });

  it('prints the usage with --help (exit 0)', () => {
    const o = newEntry(workspace(), ['--help']);
    expect(o.code).toBe(0);
    expect(o.out).toContain('Usage : npm run new -- <type> "Titre" [options]');
  });
});

describe('content folder and today', () => {
  it('writes under --content, or CONTENT_DIR', () => {
    const root = workspace();
    cpSync(join(root, 'content'), join(root, 'autre'), { recursive: true });
    expect(createdPath(newEntry(root, ['organisation', 'A', '--content', 'autre']))).toBe('autre/organizations/a.md');
    expect(createdPath(newEntry(root, ['organisation', 'B'], { CONTENT_DIR: join(root, 'autre') }))).toBe('autre/organizations/b.md');
    expect(existsSync(join(root, 'content/organizations/a.md'))).toBe(false);
  });

  it('takes today in Paris, not UTC', () => {
    expect(parisToday(new Date('2025-02-07T23:30:00Z'))).toBe('2025-02-08');
    expect(parisToday(new Date('2025-06-30T22:30:00Z'))).toBe('2025-07-01');
    expect(parisToday(new Date('2025-06-30T21:30:00Z'))).toBe('2025-06-30');
    const root = workspace();
    const out: string[] = [];
    run(['evenement', 'Minuit', '--source', 'https://presse.example/a'], { cwd: root, env: {}, now: new Date('2025-02-07T23:30:00Z'), out: (l) => out.push(l), err: () => {} });
    expect(frontmatter(join(root, 'content/events/minuit.mdx')).date).toBe('2025-02-08');
  });

  it('rejects a malformed NEW_ENTRY_TODAY', () => {
    expect(newEntry(workspace(), ['organisation', 'A'], { NEW_ENTRY_TODAY: '2025-02-30' }).err).toContain('NEW_ENTRY_TODAY « 2025-02-30 »');
  });
});

describe('helpers', () => {
  it('canonicalArticleUrl drops the fragment and tracking parameters only', () => {
    expect(canonicalArticleUrl('https://presse.example/a?utm_source=x&utm_campaign=y&page=2&xtor=RSS-1#com')).toBe('https://presse.example/a?page=2');
    expect(canonicalArticleUrl('https://presse.example/a')).toBe('https://presse.example/a');
  });

  it('toYaml quotes dates and keeps comments', () => {
    const text = toYaml({ date: '2025-02-07T14:30', day: '2025-02-07', title: 'x: y' }, ' note');
    expect(text).toBe("# note\n\ndate: '2025-02-07T14:30'\nday: '2025-02-07'\ntitle: \"x: y\"\n");
  });
});

describe('the command line', () => {
  const cli = (cwd: string, args: string[]) =>
    spawnSync(process.execPath, [join(ROOT, 'scripts/new-entry.ts'), ...args], { cwd, encoding: 'utf8', env: { ...process.env, NEW_ENTRY_TODAY: TODAY, CONTENT_DIR: '' } });

  it('creates the file, prints its path and exits 0', () => {
    const root = workspace();
    const r = cli(root, ['organisation', 'Mutuelle Test']);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/^Créé : content\/organizations\/mutuelle-test\.md$/m);
    expect(existsSync(join(root, 'content/organizations/mutuelle-test.md'))).toBe(true);
  });

  it('exits 2 on an unknown type', () => {
    const r = cli(workspace(), ['truc', 'Titre']);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain("type d'entrée « truc » inconnu");
  });
});
