/** Small hand-made entries for the search unit tests (valid against the content schemas' output types). */
import type { SourceEntry } from './documents.ts';

type Kind = 'incident' | 'statement' | 'regulatory' | 'legal' | 'political' | 'advisory' | 'context';

const org = (slug: string, name: string, aliases: string[] = [], description = `${name}, une organisation.`): SourceEntry => ({
  collection: 'organizations',
  slug,
  data: { name, aliases, kind: 'complementaire-sante', relations: [], description, sources: [] },
});

const event = (slug: string, title: string, date: string, kind: Kind, organizations: string[], extra: Record<string, unknown> = {}): SourceEntry => ({
  collection: 'events',
  slug,
  body: '',
  data: {
    dossier: 'test',
    title,
    date,
    precision: 'day',
    kind,
    organizations,
    exposed: [],
    notExposed: [],
    figures: [],
    sources: [{ url: 'https://exemple.fr/', publisher: 'Exemple', verified: true }],
    status: 'confirmé',
    corrections: [],
    ...extra,
  } as never,
});

const article = (slug: string, title: string, publishedAt: string, publisher: string, organizations: string[], eventSlug?: string): SourceEntry => ({
  collection: 'coverage',
  slug,
  body: '',
  data: {
    dossier: 'test',
    url: `https://exemple.fr/${slug}`,
    canonicalUrl: `https://exemple.fr/${slug}`,
    publisher,
    title,
    publishedAt,
    organizations,
    event: eventSlug,
    provenance: { via: 'editor', grouping: 'editor', reviewed: true },
    origin: 'editor',
    locked: false,
  } as never,
});

export const SAMPLE: SourceEntry[] = [
  org('almerys', 'Almerys', ['Almérys'], 'Opérateur de tiers payant visé en février 2024.'),
  org('viamedis', 'Viamedis', ['Viamédis'], 'Opérateur de tiers payant pour des complémentaires santé.'),
  org('ag2r-la-mondiale', 'AG2R La Mondiale', ['AG2R'], 'Groupe de protection sociale.'),
  org('soeurs-mutuelle', 'Mutuelle des Sœurs', [], 'Mutuelle fictive au nom avec une ligature.'),
  { collection: 'publishers', slug: 'franceinfo', data: { name: 'Franceinfo', domains: ['francetvinfo.fr'], feeds: [], language: 'fr', origin: 'editor', reviewed: false } },
  { collection: 'publishers', slug: 'zdnet', data: { name: 'ZDNet', domains: ['zdnet.fr'], feeds: [], language: 'fr', origin: 'editor', reviewed: false } },
  event('viamedis-intrusion', 'Viamedis détecte une intrusion dans son portail', '2024-01-29', 'incident', ['viamedis'], {
    summary: 'Un compte de professionnel de santé hameçonné a servi à consulter le portail.',
  }),
  event('almerys-intrusion', 'Almerys annonce à son tour une intrusion', '2024-02-05', 'statement', ['almerys', 'ag2r-la-mondiale'], {
    speaker: { organization: 'almerys' },
  }),
  event('cnil-33-millions', 'La CNIL chiffre la fuite à plus de 33 millions de personnes', '2024-02-07', 'regulatory', ['viamedis', 'almerys'], {
    exposed: ['numéro de sécurité sociale', "nom de l'assureur", 'date de naissance'],
    summary: "L'état civil, le numéro de sécurité sociale et le nom de l'assureur sont exposés.",
  }),
  event('plainte', 'Plainte déposée au cœur de l’enquête', '2024-03-01', 'legal', ['soeurs-mutuelle'], { status: 'rapporté' }),
  article('franceinfo-33-millions', 'Plus de 33 millions de personnes concernées', '2024-02-07', 'franceinfo', ['viamedis', 'almerys'], 'cnil-33-millions'),
  article('zdnet-almerys', 'Almérys confirme une cyberattaque', '2024-02-06', 'zdnet', ['almerys'], 'almerys-intrusion'),
];
