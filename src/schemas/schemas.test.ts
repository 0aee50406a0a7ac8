/**
 * Each collection's schema accepts a valid entry and rejects each kind of bad
 * one with the message editors see in `npm run check`: it names the file, the
 * field, the value found and what is allowed.
 */
import { describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { checkFile, formatError } from '../lib/content-check.ts';
import { COLLECTIONS, coverageSchema, dossierSchema, eventSchema, organizationSchema, publisherSchema, type CollectionName } from './index.ts';
import { DATA_CATEGORIES, ORGANIZATION_KINDS, RELATION_TYPES } from './vocabulary.ts';

type Data = Record<string, any>;

/** YAML with every string quoted, as a careful editor writes dates. */
const yamlOf = (data: Data) => stringify(data, { defaultStringType: 'QUOTE_SINGLE', defaultKeyType: 'PLAIN', lineWidth: 0 });

const FILES: Record<CollectionName, string> = {
  dossiers: 'content/dossiers/exemple.yaml',
  events: 'content/events/exemple.mdx',
  coverage: 'content/coverage/exemple.mdx',
  organizations: 'content/organizations/exemple.md',
  publishers: 'content/publishers/exemple.yaml',
};

/** The text of a file of `collection` holding `data` (frontmatter + body for MDX/Markdown). */
function fileText(collection: CollectionName, data: Data | string, body = 'Texte.\n'): string {
  const yaml = typeof data === 'string' ? data : yamlOf(data);
  return COLLECTIONS[collection].extensions[0] === '.yaml' ? yaml : `---\n${yaml}---\n\n${body}`;
}

/** Messages `npm run check` prints for this file. */
function errorsOf(collection: CollectionName, data: Data | string): string[] {
  return checkFile(collection, `/nowhere/${FILES[collection]}`, FILES[collection], fileText(collection, data)).errors.map(formatError);
}

/** Exactly one error, on `field`, whose message holds every part. */
function expectOneError(errors: string[], collection: CollectionName, field: string, ...parts: string[]) {
  expect(errors, errors.join('\n')).toHaveLength(1);
  const [message] = errors as [string];
  expect(message.startsWith(`${FILES[collection]} : champ « ${field} » : `), message).toBe(true);
  for (const part of parts) expect(message).toContain(part);
}

const SOURCE = 'https://presse.example/2024/02/07/article';

const validEvent = (): Data => ({
  dossier: 'exemple-2024',
  title: 'Exemplis annonce 1,2 million de personnes concernées',
  date: '2024-02-07T18:45',
  kind: 'statement',
  speaker: { organization: 'exemplis' },
  organizations: ['exemplis', 'mutuelle-fictia'],
  exposed: ['nom', 'prénom', 'numéro de sécurité sociale'],
  notExposed: ['coordonnées bancaires'],
  figures: [
    {
      key: 'personnes-concernees',
      label: 'Personnes concernées',
      value: 1200000,
      unit: 'personnes',
      basis: 'référencées',
      asOf: '2024-02-07',
      source: SOURCE,
      status: 'confirmé',
      wording: '1,2 million',
    },
    { key: 'organismes', label: 'Organismes', min: 10, max: 15, unit: 'organismes', basis: 'estimées', asOf: '2024-02-08', source: SOURCE, status: 'rapporté' },
  ],
  sources: [
    { url: SOURCE, publisher: "La Presse d'Exemple", title: 'Un titre', published: '2024-02-07' },
    { url: 'https://quotidien.example/archives/1', publisher: 'Le Quotidien Fictif', verified: false },
  ],
  status: 'confirmé',
  updated: '2024-02-10',
  corrections: [{ date: '2024-02-10', change: 'Chiffre précisé.', reason: 'Nouveau communiqué.' }],
  summary: 'Une phrase.',
});

const minimalEvent = (): Data => ({
  dossier: 'exemple-2024',
  title: 'Un fait',
  date: '2024-02-07',
  kind: 'incident',
  sources: [{ url: SOURCE, publisher: 'La Presse d’Exemple' }],
  status: 'rapporté',
});

const validCoverage = (): Data => ({
  dossier: 'exemple-2024',
  url: `${SOURCE}?utm_source=rss`,
  canonicalUrl: SOURCE,
  publisher: 'presse-exemple',
  title: 'Tiers payant : 1,2 million de personnes concernées',
  author: 'Camille Exemple',
  publishedAt: '2024-02-07T08:00',
  excerpt: '« Le portail a été consulté avec un compte usurpé », selon l’opérateur.',
  organizations: ['exemplis'],
  event: 'exemplis-annonce-1-2-million',
  story: 'depeche-2024-02-07',
  provenance: { via: 'https://presse.example/rss.xml', fetchedAt: '2024-02-07T09:00', grouping: 'nearest-event', reviewed: false },
  origin: 'ingest',
  locked: false,
});

const validOrganization = (): Data => ({
  name: 'Mutuelle Fictia',
  aliases: ['Fictia'],
  kind: 'complementaire-sante',
  website: 'https://fictia.example',
  relations: [{ type: 'client-de', target: 'exemplis', source: 'https://fictia.example/actualites/1', note: 'selon la mutuelle' }],
  description: 'Complémentaire santé fictive.',
  sources: ['https://fictia.example/actualites/1'],
});

const validPublisher = (): Data => ({
  name: "La Presse d'Exemple",
  domains: ['presse.example', 'amp.presse.example'],
  website: 'https://presse.example',
  feeds: ['https://presse.example/rss.xml'],
  language: 'fr',
  hints: { content: 'article .corps', remove: ['.a-lire-aussi'], author: '.signature', date: 'time' },
});

const validDossier = (): Data => ({
  title: 'Fuite chez Exemplis (fictif)',
  shortTitle: 'Exemplis',
  summary: 'Dossier fictif.',
  period: { start: '2024-01-28', end: '2024-12-31' },
  organizations: ['exemplis'],
  topicTerms: [{ term: 'Exemplis', weight: 5 }, { term: 'tiers payant' }],
  main: true,
});

const with_ = (base: Data, patch: Data): Data => ({ ...base, ...patch });
const without = (base: Data, key: string): Data => {
  const copy = { ...base };
  delete copy[key];
  return copy;
};

describe('events', () => {
  it('accepts a full statement with speaker, figures, corrections and an unverified source beside a verified one', () => {
    expect(errorsOf('events', validEvent())).toEqual([]);
    const parsed = eventSchema.parse(validEvent());
    expect(parsed.precision).toBe('minute');
    expect(parsed.sources[0]!.verified).toBe(true);
    expect(parsed.sources[1]!.verified).toBe(false);
  });

  it('accepts a minimal entry and fills the defaults', () => {
    expect(errorsOf('events', minimalEvent())).toEqual([]);
    const parsed = eventSchema.parse(minimalEvent());
    expect(parsed).toMatchObject({ precision: 'day', organizations: [], exposed: [], notExposed: [], figures: [], corrections: [] });
  });

  it('accepts every data category of the vocabulary', () => {
    expect(errorsOf('events', with_(minimalEvent(), { exposed: [...DATA_CATEGORIES] }))).toEqual([]);
  });

  it('reads a date with an offset and stores it as Paris wall time', () => {
    expect(eventSchema.parse(with_(minimalEvent(), { date: '2024-02-07T13:30:00Z' })).date).toBe('2024-02-07T14:30');
    expect(eventSchema.parse(with_(minimalEvent(), { date: '2024-07-01T22:30:00Z' })).date).toBe('2024-07-02T00:30');
  });

  it('rejects an unknown kind, naming the value and the allowed kinds', () => {
    expectOneError(errorsOf('events', with_(minimalEvent(), { kind: 'hack' })), 'events', 'kind', '« hack » non autorisée', 'valeurs permises : incident, statement, regulatory, legal, political, advisory, context');
  });

  it('rejects an unknown data category, naming its position and the vocabulary', () => {
    expectOneError(
      errorsOf('events', with_(minimalEvent(), { exposed: ['nom', 'adresse IP'] })),
      'events',
      'exposed[1]',
      '« adresse IP » non autorisée',
      "valeurs permises : nom, prénom, date de naissance, rang de naissance, numéro de sécurité sociale, nom de l'assureur",
      'e-mail',
    );
  });

  it('rejects a category both exposed and not exposed', () => {
    expectOneError(errorsOf('events', with_(minimalEvent(), { exposed: ['nom'], notExposed: ['nom', 'téléphone'] })), 'events', 'notExposed', 'à la fois exposée et non exposée : nom');
  });

  it('rejects a missing sources list', () => {
    expectOneError(errorsOf('events', without(minimalEvent(), 'sources')), 'events', 'sources', 'champ obligatoire manquant');
  });

  it('rejects an empty sources list', () => {
    expectOneError(errorsOf('events', with_(minimalEvent(), { sources: [] })), 'events', 'sources', 'au moins une source est requise (url, publisher), 0 trouvé(s)');
  });

  it('rejects a source without publisher or with an incomplete address', () => {
    expectOneError(errorsOf('events', with_(minimalEvent(), { sources: [{ url: SOURCE }] })), 'events', 'sources[0].publisher', 'champ obligatoire manquant');
    expectOneError(
      errorsOf('events', with_(minimalEvent(), { sources: [{ url: 'presse.example/article', publisher: 'P' }] })),
      'events',
      'sources[0].url',
      'adresse web invalide',
      'http:// ou https://',
      '« presse.example/article »',
    );
  });

  it('rejects an event whose only sources are unverified', () => {
    expectOneError(errorsOf('events', with_(minimalEvent(), { sources: [{ url: SOURCE, publisher: 'P', verified: false }] })), 'events', 'sources', 'aucune source vérifiée', 'verified: false');
  });

  it('rejects a date that is not in the calendar', () => {
    expectOneError(errorsOf('events', with_(minimalEvent(), { date: '2024-02-31' })), 'events', 'date', 'date invalide « 2024-02-31 »', 'attendu AAAA-MM-JJ ou AAAA-MM-JJTHH:MM (heure de Paris)');
    expectOneError(errorsOf('events', with_(minimalEvent(), { date: '2024-02-07T25:10' })), 'events', 'date', '« 2024-02-07T25:10 »');
  });

  it('rejects a date written in words', () => {
    expectOneError(errorsOf('events', with_(minimalEvent(), { date: '7 février' })), 'events', 'date', 'date invalide « 7 février »', 'AAAA-MM-JJ');
  });

  it('rejects a month alone (precision month still needs a full date)', () => {
    expectOneError(errorsOf('events', with_(minimalEvent(), { date: '2024-02', precision: 'month' })), 'events', 'date', '« 2024-02 »');
  });

  it('rejects an unquoted date-time, asking for quotes', () => {
    const text = yamlOf(minimalEvent()).replace("date: '2024-02-07'", 'date: 2024-02-07T14:30');
    expectOneError(errorsOf('events', text), 'events', 'date', '« 2024-02-07T14:30 » sans guillemets', "'2024-02-07T14:30'", 'heure de Paris');
  });

  it('flags an unquoted date-time deep in a list too', () => {
    const text = yamlOf(validEvent()).replace("published: '2024-02-07'", 'published: 2024-02-07 09:15');
    expectOneError(errorsOf('events', text), 'events', 'sources[0].published', 'sans guillemets');
  });

  it('accepts an unquoted date without time (read as that day)', () => {
    const text = yamlOf(minimalEvent()).replace("date: '2024-02-07'", 'date: 2024-02-07');
    expect(errorsOf('events', text)).toEqual([]);
  });

  it('rejects a statement without speaker', () => {
    expectOneError(errorsOf('events', without(validEvent(), 'speaker')), 'events', 'speaker', 'une déclaration (kind: statement) doit dire qui parle', 'speaker.organization ou speaker.role');
  });

  it('rejects an empty speaker and an unknown speaker role', () => {
    expectOneError(errorsOf('events', with_(validEvent(), { speaker: {} })), 'events', 'speaker', 'speaker.organization ou speaker.role');
    expectOneError(
      errorsOf('events', with_(validEvent(), { speaker: { role: 'journaliste' } })),
      'events',
      'speaker.role',
      '« journaliste »',
      'company, regulator, prosecutor, researcher, attacker-claim, press-investigation',
    );
  });

  it('accepts a speaker given by role', () => {
    expect(errorsOf('events', with_(validEvent(), { speaker: { role: 'attacker-claim' } }))).toEqual([]);
  });

  it('rejects a figure whose source is not among the event sources', () => {
    const event = validEvent();
    event.figures[0].source = 'https://autre.example/page';
    expectOneError(errorsOf('events', event), 'events', 'figures[0].source', '« https://autre.example/page »', 'absente de la liste sources');
  });

  it('rejects a range whose min is above its max', () => {
    const event = validEvent();
    Object.assign(event.figures[1], { min: 20, max: 15 });
    expectOneError(errorsOf('events', event), 'events', 'figures[1].min', 'intervalle inversé : min 20 > max 15');
  });

  it('rejects a figure without value, an unknown unit and an unknown basis', () => {
    const event = validEvent();
    delete event.figures[0].value;
    expectOneError(errorsOf('events', event), 'events', 'figures[0].value', 'chiffre sans valeur', 'value, ou min et/ou max');
    const event2 = validEvent();
    event2.figures[0].unit = 'patients';
    expectOneError(errorsOf('events', event2), 'events', 'figures[0].unit', '« patients »', 'personnes, assurés, comptes, enregistrements, organismes');
    const event3 = validEvent();
    event3.figures[0].basis = 'volées';
    expectOneError(errorsOf('events', event3), 'events', 'figures[0].basis', '« volées »', 'référencées, exfiltrées, notifiées, estimées');
  });

  it('rejects an unknown field (a typo), naming it', () => {
    const errors = errorsOf('events', with_(minimalEvent(), { organisations: ['exemplis'] }));
    expect(errors).toEqual([`${FILES.events} : champ(s) inconnu(s) : organisations (vouliez-vous dire « organizations » ?) ; vérifiez l'orthographe (voir CONTRIBUTING.md)`]);
  });

  it('rejects an unknown status and a status without its accent', () => {
    expectOneError(errorsOf('events', with_(minimalEvent(), { status: 'confirme' })), 'events', 'status', '« confirme »', 'confirmé, rapporté, revendiqué, contesté');
  });

  it('rejects a reference that is not a slug', () => {
    expectOneError(errorsOf('events', with_(minimalEvent(), { organizations: ['Exemplis SA'] })), 'events', 'organizations[0]', 'référence invalide', '« Exemplis SA »');
  });

  it('rejects a title over 200 characters and a correction without reason', () => {
    expectOneError(errorsOf('events', with_(minimalEvent(), { title: 'x'.repeat(201) })), 'events', 'title', 'maximum 200', '201 trouvés');
    expectOneError(errorsOf('events', with_(minimalEvent(), { corrections: [{ date: '2024-02-08', change: 'x' }] })), 'events', 'corrections[0].reason', 'champ obligatoire manquant');
  });

  it('reports every problem of a file at once', () => {
    const errors = errorsOf('events', with_(minimalEvent(), { kind: 'hack', date: '7 février', status: 'vrai' }));
    expect(errors.map((e) => /champ « (\w+) »/.exec(e)?.[1])).toEqual(['date', 'kind', 'status']);
  });
});

describe('coverage', () => {
  it('accepts a full entry and a minimal one', () => {
    expect(errorsOf('coverage', validCoverage())).toEqual([]);
    const minimal = { ...validCoverage() };
    for (const key of ['author', 'excerpt', 'organizations', 'event', 'story', 'locked']) delete minimal[key];
    minimal.provenance = { via: 'editor', grouping: 'editor' };
    expect(errorsOf('coverage', minimal)).toEqual([]);
    expect(coverageSchema.parse(minimal)).toMatchObject({ organizations: [], locked: false, provenance: { reviewed: false } });
  });

  it('accepts the evidence ingestion stores and rejects a negative score', () => {
    const evidence = { score: 12.5, threshold: 7, terms: [{ term: 'tiers payant', hits: 3 }], eventScore: 0.41 };
    const withEvidence = (e: unknown) => with_(validCoverage(), { provenance: { ...(validCoverage().provenance as Data), evidence: e } });
    expect(errorsOf('coverage', withEvidence(evidence))).toEqual([]);
    expectOneError(errorsOf('coverage', withEvidence({ ...evidence, score: -1 })), 'coverage', 'provenance.evidence.score');
  });

  it('accepts an excerpt of exactly 300 characters and rejects 301', () => {
    expect(errorsOf('coverage', with_(validCoverage(), { excerpt: 'a'.repeat(300) }))).toEqual([]);
    expectOneError(errorsOf('coverage', with_(validCoverage(), { excerpt: 'a'.repeat(301) })), 'coverage', 'excerpt', 'extrait trop long : au plus 300 caractères', '301 trouvés');
  });

  it('rejects a missing canonical address, an unknown origin and an unknown grouping', () => {
    expectOneError(errorsOf('coverage', without(validCoverage(), 'canonicalUrl')), 'coverage', 'canonicalUrl', 'champ obligatoire manquant');
    expectOneError(errorsOf('coverage', with_(validCoverage(), { origin: 'robot' })), 'coverage', 'origin', '« robot »', 'ingest, editor');
    expectOneError(
      errorsOf('coverage', with_(validCoverage(), { provenance: { via: 'x', grouping: 'magie' } })),
      'coverage',
      'provenance.grouping',
      '« magie »',
      'editor, same-url, near-duplicate, nearest-event, unassigned',
    );
  });

  it('rejects a bad publication date and a misspelled field', () => {
    expectOneError(errorsOf('coverage', with_(validCoverage(), { publishedAt: '31/01/2025' })), 'coverage', 'publishedAt', '« 31/01/2025 »', 'AAAA-MM-JJ');
    expect(errorsOf('coverage', with_(validCoverage(), { extrait: 'x' }))).toEqual([
      `${FILES.coverage} : champ(s) inconnu(s) : extrait ; vérifiez l'orthographe (voir CONTRIBUTING.md)`,
    ]);
  });
});

describe('coverage: headlines and dates as known, no more', () => {
  const untitled = () => with_(without(validCoverage(), 'title'), { headlineUnknown: true, about: 'Les 1,2 million de personnes concernées selon l’opérateur' });

  it('accepts an unknown headline said so, with our description', () => {
    expect(errorsOf('coverage', untitled())).toEqual([]);
    expect(coverageSchema.parse(untitled())).toMatchObject({ headlineUnknown: true, precision: 'day' });
  });

  it('refuses a headline in square brackets, pointing to headlineUnknown', () => {
    expectOneError(
      errorsOf('coverage', with_(validCoverage(), { title: '[Article de La Presse sur les 1,2 million de personnes]' })),
      'coverage', 'title', 'titre entre crochets', 'headlineUnknown: true', 'about',
    );
    expectOneError(errorsOf('coverage', with_(untitled(), { about: '[Article sur la fuite]' })), 'coverage', 'about', 'entre crochets');
    // A real headline may hold brackets inside it.
    expect(errorsOf('coverage', with_(validCoverage(), { title: '[VIDÉO] Fuite chez Exemplis : ce que l’on sait' }))).toEqual([]);
  });

  it('refuses a missing headline not said unknown, an unknown headline without description, and both at once', () => {
    expectOneError(errorsOf('coverage', without(validCoverage(), 'title')), 'coverage', 'title', 'titre manquant');
    expectOneError(errorsOf('coverage', without(untitled(), 'about')), 'coverage', 'about', "décrivez l'article");
    expectOneError(errorsOf('coverage', with_(untitled(), { title: 'Un titre' })), 'coverage', 'headlineUnknown', 'un titre est donné');
  });

  it('stores a month-only date as the 1st of the month without a time, a year-only one as 1 January', () => {
    expect(errorsOf('coverage', with_(validCoverage(), { publishedAt: '2024-02-01', precision: 'month' }))).toEqual([]);
    expect(errorsOf('coverage', with_(validCoverage(), { publishedAt: '2024-01-01', precision: 'year' }))).toEqual([]);
    expect(errorsOf('coverage', with_(validCoverage(), { publishedAt: '2024-02-07', precision: 'unknown' }))).toEqual([]);
    expectOneError(errorsOf('coverage', with_(validCoverage(), { publishedAt: '2024-02-07', precision: 'month' })), 'coverage', 'publishedAt', '1er du mois', '« 2024-02-01 »');
    expectOneError(errorsOf('coverage', with_(validCoverage(), { publishedAt: '2024-02-01T10:00', precision: 'month' })), 'coverage', 'publishedAt', 'sans heure');
    expectOneError(errorsOf('coverage', with_(validCoverage(), { publishedAt: '2024-02-01', precision: 'year' })), 'coverage', 'publishedAt', '1er janvier');
    expectOneError(errorsOf('coverage', with_(validCoverage(), { publishedAt: '2024-02-01', precision: 'semaine' })), 'coverage', 'precision', 'day, month, year, unknown');
  });
});

describe('organizations', () => {
  it('accepts a full entry and a minimal one', () => {
    expect(errorsOf('organizations', validOrganization())).toEqual([]);
    const minimal = { name: 'X', kind: 'autre', description: 'Une phrase.' };
    expect(errorsOf('organizations', minimal)).toEqual([]);
    expect(organizationSchema.parse(minimal)).toMatchObject({ aliases: [], relations: [], sources: [] });
  });

  it('rejects an unknown kind', () => {
    expectOneError(
      errorsOf('organizations', with_(validOrganization(), { kind: 'mutuelle' })),
      'organizations',
      'kind',
      '« mutuelle »',
      Object.keys(ORGANIZATION_KINDS).join(', '),
    );
  });

  it('rejects an unknown relation type and a relation without source', () => {
    const org = validOrganization();
    org.relations[0].type = 'client';
    expectOneError(errorsOf('organizations', org), 'organizations', 'relations[0].type', '« client »', Object.keys(RELATION_TYPES).join(', '));
    const org2 = validOrganization();
    delete org2.relations[0].source;
    expectOneError(errorsOf('organizations', org2), 'organizations', 'relations[0].source', 'champ obligatoire manquant');
  });

  it('rejects an empty description and a website without scheme', () => {
    expectOneError(errorsOf('organizations', with_(validOrganization(), { description: '' })), 'organizations', 'description', 'texte vide');
    expectOneError(errorsOf('organizations', with_(validOrganization(), { website: 'www.fictia.example' })), 'organizations', 'website', 'adresse web invalide', '« www.fictia.example »');
  });
});

describe('publishers', () => {
  it('accepts a full entry and a minimal one', () => {
    expect(errorsOf('publishers', validPublisher())).toEqual([]);
    expect(publisherSchema.parse({ name: 'X', domains: ['x.example'] })).toMatchObject({ feeds: [], language: 'fr', origin: 'editor' });
  });

  it('accepts an entry written by ingestion, not yet reviewed, and rejects an unknown origin', () => {
    expect(errorsOf('publishers', with_(validPublisher(), { origin: 'ingest', reviewed: false }))).toEqual([]);
    expect(publisherSchema.parse({ name: 'X', domains: ['x.example'], origin: 'ingest' })).toMatchObject({ origin: 'ingest', reviewed: false });
    expectOneError(errorsOf('publishers', with_(validPublisher(), { origin: 'robot' })), 'publishers', 'origin', '« robot »', 'ingest, editor');
  });

  it('rejects a domain written as an address, and no domain at all', () => {
    expectOneError(errorsOf('publishers', with_(validPublisher(), { domains: ['https://www.presse.example'] })), 'publishers', 'domains[0]', 'domaine invalide', '« https://www.presse.example »', '« exemple.fr »');
    expectOneError(errorsOf('publishers', with_(validPublisher(), { domains: [] })), 'publishers', 'domains', 'au moins 1 élément(s) requis, 0 trouvé(s)');
  });

  it('rejects a feed that is not an address and an unknown hint', () => {
    expectOneError(errorsOf('publishers', with_(validPublisher(), { feeds: ['rss.xml'] })), 'publishers', 'feeds[0]', 'adresse web invalide', '« rss.xml »');
    expect(errorsOf('publishers', with_(validPublisher(), { hints: { body: 'main' } }))).toEqual([
      `${FILES.publishers} : champ « hints » : champ(s) inconnu(s) : body ; vérifiez l'orthographe (voir CONTRIBUTING.md)`,
    ]);
  });
});

describe('dossiers', () => {
  it('accepts a full entry and defaults main and weights', () => {
    expect(errorsOf('dossiers', validDossier())).toEqual([]);
    const parsed = dossierSchema.parse(without(validDossier(), 'main'));
    expect(parsed.main).toBe(false);
    expect(parsed.topicTerms[1]!.weight).toBe(1);
  });

  it('rejects a bad period date, no organisation and no topic term', () => {
    expectOneError(errorsOf('dossiers', with_(validDossier(), { period: { start: '2024-13-01' } })), 'dossiers', 'period.start', '« 2024-13-01 »');
    expectOneError(errorsOf('dossiers', with_(validDossier(), { organizations: [] })), 'dossiers', 'organizations', 'au moins 1');
    expectOneError(errorsOf('dossiers', with_(validDossier(), { topicTerms: [] })), 'dossiers', 'topicTerms', 'au moins 1');
  });
});

describe('file shape', () => {
  it('rejects a Markdown file without frontmatter', () => {
    const r = checkFile('events', '/nowhere/x.mdx', FILES.events, 'Juste du texte.\n');
    expect(r.errors.map(formatError)).toEqual([`${FILES.events} : en-tête YAML manquant : le fichier doit commencer par une ligne '---'`]);
  });

  it('rejects an empty frontmatter', () => {
    const r = checkFile('events', '/nowhere/x.mdx', FILES.events, '---\n---\nTexte.\n');
    expect(r.errors.map(formatError)).toEqual([`${FILES.events} : en-tête YAML vide ou qui n’est pas une liste de champs`]);
  });

  it('rejects a YAML syntax error with its line', () => {
    const errors = errorsOf('publishers', 'name: X\ndomains: [presse.example\nlanguage: fr\n');
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatch(/^content\/publishers\/exemple\.yaml : YAML invalide \(ligne \d\) : /);
  });

  it('rejects a field written twice', () => {
    const errors = errorsOf('publishers', 'name: X\ndomains: [presse.example]\nname: Y\n');
    expect(errors).toHaveLength(1);
    expect(errors[0]).toContain('YAML invalide (ligne 3)');
  });

  it('returns the parsed data and body of a valid file', () => {
    const r = checkFile('events', '/nowhere/x.mdx', FILES.events, fileText('events', minimalEvent(), 'Premier paragraphe.\n'));
    expect(r.errors).toEqual([]);
    expect(r.data).toMatchObject({ kind: 'incident', precision: 'day' });
    expect(r.body?.trim()).toBe('Premier paragraphe.');
  });
});

/** Messages that tell editors what to do, not only what is wrong. */
describe('dates that contradict each other', () => {
  it('rejects an event updated before it happened', () => {
    expectOneError(errorsOf('events', with_(minimalEvent(), { date: '2024-02-07', updated: '2024-02-01' })), 'events', 'updated', 'antérieure à la date de l’événement');
  });

  it('rejects a dossier period that ends before it starts', () => {
    expectOneError(errorsOf('dossiers', with_(validDossier(), { period: { start: '2024-02-01', end: '2024-01-01' } })), 'dossiers', 'period.end', 'période inversée');
  });
});

describe('helpful messages', () => {
  it('gives the line of a frontmatter YAML error as the line of the file (after the opening ---)', () => {
    // Line 1 of the file is '---': the title is on line 3 of the file, line 2 of the YAML.
    const text = "---\ndossier: exemple-2024\ntitle: Almerys : l'ANSSI enquête\n---\n";
    const errors = checkFile('events', '/nowhere/x.mdx', FILES.events, text).errors.map(formatError);
    expect(errors[0]).toContain('(ligne 3)');
  });

  it('explains the most common YAML mistake in French (« : » inside an unquoted value)', () => {
    const errors = errorsOf('events', "dossier: exemple-2024\ntitle: Almerys : l'ANSSI enquête\n");
    expect(errors[0]).toMatch(/guillemets/);
    expect(errors[0]).not.toMatch(/Nested mappings/);
  });

  it('names the expected type in French when a field is missing', () => {
    const [message] = errorsOf('events', without(minimalEvent(), 'sources'));
    expect(message).not.toMatch(/\b(array|string)\b/);
    expect(message).toContain('source');
  });

  it('does not dump the whole entry as « valeur » for a rule about the entry', () => {
    const [message] = errorsOf('events', without(validEvent(), 'speaker'));
    expect(message).not.toContain('"dossier"');
    const [range] = errorsOf('events', { ...validEvent(), figures: [{ ...validEvent().figures[1], min: 20, max: 15 }] });
    expect(range).not.toContain('"key"');
  });

  it('says « strictement positif » for a zero weight (not « trop petite (minimum 0) »)', () => {
    const [message] = errorsOf('dossiers', with_(validDossier(), { topicTerms: [{ term: 'x', weight: 0 }] }));
    expect(message).toMatch(/supérieure? à 0|strictement positi/);
  });

  it('says a missing closed-vocabulary field is missing (not « valeur « (absent) » non autorisée »)', () => {
    const [message] = errorsOf('events', without(minimalEvent(), 'status'));
    expect(message).toContain('champ obligatoire manquant');
    expect(message).toContain('confirmé, rapporté, revendiqué, contesté');
  });

  it('suggests the right spelling of a misspelled field', () => {
    const [message] = errorsOf('events', with_(minimalEvent(), { organisations: ['exemplis'] }));
    expect(message).toContain('organizations');
  });
});
