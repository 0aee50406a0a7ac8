/**
 * The open-data tables: one row per dossier, event, article, organisation,
 * relation and figure claim, each described by a Frictionless Table Schema
 * (field names, types, constraints, keys). Rows are plain JSON values; the CSV
 * and JSON files and `datapackage.json` are written from these definitions.
 * Ids are slugs (file names), so they are the same from one build to the next.
 */
import { DATA_CATEGORIES, DATE_PRECISIONS, EVENT_KINDS, FIGURE_BASES, FIGURE_UNITS, ORGANIZATION_KINDS, PUBLICATION_PRECISIONS, RELATION_TYPES, STATUSES } from '../schemas/vocabulary.ts';
import { citedUrlOf } from '../schemas/fields.ts';
import { toParisDate } from '../lib/dates.ts';
import { archiveUrl } from '../lib/archive.ts';
import { paths } from '../lib/paths.ts';
import { summaryOf, type ContentRecord } from '../lib/record.ts';

export type Cell = string | number | boolean | null | readonly unknown[];
export type Row = Record<string, Cell>;

/** A Table Schema field (the subset this package uses). */
export interface Field {
  name: string;
  type: 'string' | 'number' | 'integer' | 'boolean' | 'date' | 'time' | 'array';
  format?: 'uri';
  title: string;
  description: string;
  constraints?: { required?: boolean; unique?: boolean; enum?: readonly (string | number)[]; pattern?: string; minimum?: number };
}

export interface Table {
  name: string;
  title: string;
  description: string;
  fields: Field[];
  primaryKey: string;
  foreignKeys: { fields: string; reference: { resource: string; fields: string } }[];
  rows: (record: ContentRecord, site: URL) => Row[];
}

const SLUG = '^[a-z0-9]+(-[a-z0-9]+)*$';
const id = (what: string): Field => ({ name: 'id', type: 'string', title: 'Identifiant', description: `Identifiant permanent ${what} (nom de son fichier), stable d'une publication à l'autre.`, constraints: { required: true, unique: true, pattern: SLUG } });
/** An id made of several slugs (no file of its own), unique in its table. */
const composite = (description: string): Field => ({ name: 'id', type: 'string', title: 'Identifiant', description, constraints: { required: true, unique: true } });
const ref = (name: string, title: string, description: string, required = true): Field => ({ name, type: 'string', title, description, constraints: { required, pattern: SLUG } });
const text = (name: string, title: string, description: string, required = false): Field => ({ name, type: 'string', title, description, ...(required ? { constraints: { required } } : {}) });
const url = (name: string, title: string, description: string, required = false): Field => ({ name, type: 'string', format: 'uri', title, description, ...(required ? { constraints: { required } } : {}) });
const list = (name: string, title: string, description: string): Field => ({ name, type: 'array', title, description: `${description} Tableau JSON (dans le CSV : le texte JSON du tableau).` });
const oneOf = (name: string, title: string, description: string, values: readonly string[]): Field => ({ name, type: 'string', title, description, constraints: { required: true, enum: values } });
const keys = (o: object) => Object.keys(o);

/** « AAAA-MM-JJ » and « HH:MM:SS » (or null) of a stored Paris date. */
const dayOf = (stored: string) => toParisDate(stored).day;
const timeOf = (stored: string) => {
  const t = toParisDate(stored).time;
  return t ? `${t}:00` : null;
};
const abs = (site: URL, path: string) => new URL(path, site).href;
const sortById = <T extends { id: string }>(rows: T[]) => rows.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));

export const TABLES: Table[] = [
  {
    name: 'dossiers',
    title: 'Dossiers',
    description: 'Les affaires suivies : une ligne par fuite de données.',
    fields: [
      id('du dossier'),
      text('titre', 'Titre', 'Titre du dossier.', true),
      text('titre_court', 'Titre court', 'Titre court, pour la navigation.'),
      text('resume', 'Résumé', 'Résumé en quelques phrases, rédigé par Veille Fuites.', true),
      { name: 'debut', type: 'date', title: 'Début', description: 'Début de la période couverte.', constraints: { required: true } },
      { name: 'fin', type: 'date', title: 'Fin', description: 'Fin de la période couverte, si l’affaire est close.' },
      { name: 'principal', type: 'boolean', title: 'Dossier principal', description: 'Vrai pour le dossier de la page d’accueil.', constraints: { required: true } },
      url('page', 'Page', 'Adresse du dossier sur le site.', true),
    ],
    primaryKey: 'id',
    foreignKeys: [],
    rows: (record, site) =>
      sortById(record.dossiers.map(({ id, data: d }) => ({
        id, titre: d.title, titre_court: d.shortTitle ?? null, resume: d.summary, debut: dayOf(d.period.start), fin: d.period.end ? dayOf(d.period.end) : null,
        principal: !!d.main, page: abs(site, paths.dossier(id)),
      }))),
  },
  {
    name: 'evenements',
    title: 'Événements',
    description: 'Les étapes de chaque affaire : incidents, déclarations, décisions, avec leurs sources.',
    fields: [
      id("de l'événement"),
      ref('dossier', 'Dossier', 'Identifiant du dossier de l’événement.'),
      list('dossiers_lies', 'Dossiers liés', 'Identifiants des autres dossiers auxquels l’événement se rattache.'),
      text('titre', 'Titre', 'Titre, rédigé par Veille Fuites.', true),
      { name: 'date', type: 'date', title: 'Date', description: 'Jour, à l’heure de Paris ; pour une date connue au mois seulement, le premier du mois (voir precision_date).', constraints: { required: true } },
      { name: 'heure', type: 'time', title: 'Heure', description: 'Heure de Paris, quand la source la donne.' },
      oneOf('precision_date', 'Précision de la date', 'minute, day (jour), month (mois) ou year (année).', keys(DATE_PRECISIONS)),
      oneOf('type', 'Type', Object.entries(EVENT_KINDS).map(([k, v]) => `${k} (${v})`).join(', ') + '.', keys(EVENT_KINDS)),
      oneOf('statut', 'Statut', Object.entries(STATUSES).map(([k, v]) => `${k} (${v})`).join(', ') + '.', keys(STATUSES)),
      text('resume', 'Résumé', 'Résumé en une ou deux phrases, rédigé par Veille Fuites.'),
      list('organisations', 'Organisations', 'Identifiants des organisations en cause (table organisations).'),
      ref('intervenant', 'Qui parle', 'Pour une déclaration, identifiant de l’organisation qui s’exprime.', false),
      list('donnees_exposees', 'Données exposées', `Catégories de données exposées selon les sources, parmi : ${DATA_CATEGORIES.join(', ')}.`),
      list('donnees_non_exposees', 'Données non exposées', 'Catégories de données que les sources disent non exposées.'),
      list('sources', 'Sources', 'Pages citées : objets { url, editeur, titre, date, verifiee, copie_archivee }.'),
      { name: 'mis_a_jour', type: 'date', title: 'Mise à jour', description: 'Dernière révision ou correction, sinon la date de l’événement.', constraints: { required: true } },
      list('corrections', 'Corrections', 'Journal des corrections : objets { date, changement, raison }.'),
      url('page', 'Page', 'Adresse de l’événement sur le site.', true),
    ],
    primaryKey: 'id',
    foreignKeys: [{ fields: 'dossier', reference: { resource: 'dossiers', fields: 'id' } }, { fields: 'intervenant', reference: { resource: 'organisations', fields: 'id' } }],
    rows: (record, site) =>
      sortById(record.events.map(({ id, data: e, body = '' }) => ({
        id, dossier: e.dossier, dossiers_lies: e.related, titre: e.title, date: dayOf(e.date), heure: timeOf(e.date), precision_date: e.precision,
        type: e.kind, statut: e.status, resume: e.summary ?? (summaryOf(body) || null), organisations: e.organizations,
        intervenant: e.speaker?.organization ?? null, donnees_exposees: e.exposed, donnees_non_exposees: e.notExposed,
        sources: e.sources.map((s) => ({ url: s.url, editeur: s.publisher, titre: s.title ?? null, date: s.published ? dayOf(s.published) : null, verifiee: s.verified, copie_archivee: archiveUrl(s.url, s.published) })),
        mis_a_jour: [e.date, e.updated, ...e.corrections.map((c) => c.date)].filter((d): d is string => !!d).map(dayOf).sort().at(-1)!,
        corrections: e.corrections.map((c) => ({ date: dayOf(c.date), changement: c.change, raison: c.reason })),
        page: abs(site, paths.event(id)),
      }))),
  },
  {
    name: 'couverture',
    title: 'Revue de presse',
    description: 'Les articles de presse relus par la rédaction (les autres ne sont pas publiés), un par ligne, avec l’événement qu’ils rapportent. Le titre est celui de l’article (citation), quand il a été relevé.',
    fields: [
      id("de l'article"),
      ref('dossier', 'Dossier', 'Identifiant du dossier.'),
      url('url', 'Adresse', 'Adresse de l’article.', true),
      url('url_canonique', 'Adresse canonique', 'Adresse sans paramètres de suivi.', true),
      url('copie_archivee', 'Copie archivée', 'Copie de l’article dans une archive du web, à la date de publication quand elle est connue.', true),
      text('editeur', 'Éditeur', 'Nom du média.', true),
      text('titre', 'Titre', 'Titre de l’article tel que publié (citation) ; vide quand personne ne l’a relevé.'),
      { name: 'titre_releve', type: 'boolean', title: 'Titre relevé', description: 'Faux quand le titre n’a pas été relevé : voir alors objet.', constraints: { required: true } },
      text('objet', 'Objet', 'De quoi parle l’article, en une ligne rédigée par Veille Fuites ; toujours donné quand le titre n’est pas relevé.'),
      { name: 'date_publication', type: 'date', title: 'Date de publication', description: 'Jour de publication, à l’heure de Paris ; le 1er du mois (ou le 1er janvier) quand seul le mois (ou l’année) est connu ; vide quand la date n’a pas été relevée.' },
      { name: 'heure_publication', type: 'time', title: 'Heure de publication', description: 'Heure de Paris, quand elle est connue.' },
      oneOf('precision_date', 'Précision de la date', Object.entries(PUBLICATION_PRECISIONS).map(([k, v]) => `${k} (${v})`).join(', ') + '.', keys(PUBLICATION_PRECISIONS)),
      text('resume', 'Résumé', 'Ce que dit l’article, rédigé par Veille Fuites, quand il existe.'),
      ref('evenement', 'Événement', 'Identifiant de l’événement rapporté.', false),
      list('autres_evenements', 'Autres événements', 'Identifiants d’autres événements rapportés.'),
      list('organisations', 'Organisations', 'Identifiants des organisations citées.'),
    ],
    primaryKey: 'id',
    foreignKeys: [{ fields: 'dossier', reference: { resource: 'dossiers', fields: 'id' } }, { fields: 'evenement', reference: { resource: 'evenements', fields: 'id' } }],
    rows: (record) => {
      const publisher = new Map(record.publishers.map((p) => [p.id, p.data.name]));
      return sortById(record.coverage.map(({ id, data: c, body = '' }) => {
        return {
          id, dossier: c.dossier, url: c.url, url_canonique: c.canonicalUrl, editeur: publisher.get(c.publisher) ?? c.publisher,
          // An unknown date is stored at its event's date to place the article: never published as its date.
          copie_archivee: c.precision === 'unknown' ? archiveUrl(c.url) : archiveUrl(c.url, c.publishedAt, c.precision),
          titre: c.headlineUnknown ? null : (c.title ?? null), titre_releve: !c.headlineUnknown && c.title !== undefined, objet: c.about ?? null,
          date_publication: c.precision === 'unknown' ? null : dayOf(c.publishedAt), heure_publication: c.precision === 'day' ? timeOf(c.publishedAt) : null,
          precision_date: c.precision, resume: summaryOf(body) || null,
          evenement: c.event ?? null, autres_evenements: c.alsoEvents, organisations: c.organizations,
        };
      }));
    },
  },
  {
    name: 'organisations',
    title: 'Organisations',
    description: 'Opérateurs, complémentaires santé, autorités et autres organisations citées.',
    fields: [
      id("de l'organisation"),
      text('nom', 'Nom', 'Nom tel que l’organisation l’écrit.', true),
      oneOf('type', 'Type', Object.entries(ORGANIZATION_KINDS).map(([k, v]) => `${k} (${v})`).join(', ') + '.', keys(ORGANIZATION_KINDS)),
      list('alias', 'Autres noms', 'Autres graphies et noms employés par la presse.'),
      url('site_web', 'Site web', 'Site officiel.'),
      text('description', 'Description', 'Description rédigée par Veille Fuites.', true),
      list('sources', 'Sources', 'Adresses des pages qui appuient la description.'),
      url('page', 'Page', 'Adresse de l’organisation sur le site.', true),
    ],
    primaryKey: 'id',
    foreignKeys: [],
    rows: (record, site) =>
      sortById(record.organizations.map(({ id, data: o }) => ({
        id, nom: o.name, type: o.kind, alias: o.aliases, site_web: o.website ?? null, description: o.description,
        sources: o.sources.map((s) => citedUrlOf(s).url), page: abs(site, paths.organization(id)),
      }))),
  },
  {
    name: 'relations',
    title: 'Relations entre organisations',
    description: 'Liens sourcés entre organisations, lus « organisation <type> cible » (par exemple client de, filiale de).',
    fields: [
      composite('organisation--type--cible.'),
      ref('organisation', 'Organisation', 'Identifiant de l’organisation.'),
      oneOf('type', 'Type', Object.entries(RELATION_TYPES).map(([k, v]) => `${k} (${v.forward})`).join(', ') + '.', keys(RELATION_TYPES)),
      ref('cible', 'Cible', 'Identifiant de l’autre organisation.'),
      url('source', 'Source', 'Page qui établit la relation.', true),
      { name: 'verifiee', type: 'boolean', title: 'Source vérifiée', description: 'Faux quand la page n’a pas été retrouvée lors d’une seconde vérification.', constraints: { required: true } },
      text('note', 'Note', 'Nuance (« selon l’AFP »…).'),
    ],
    primaryKey: 'id',
    foreignKeys: [{ fields: 'organisation', reference: { resource: 'organisations', fields: 'id' } }, { fields: 'cible', reference: { resource: 'organisations', fields: 'id' } }],
    rows: (record) =>
      sortById(record.organizations.flatMap(({ id, data: o }) => o.relations.map((r) => ({
        id: `${id}--${r.type}--${r.target}`, organisation: id, type: r.type, cible: r.target, source: r.source, verifiee: r.verified, note: r.note ?? null,
      })))),
  },
  {
    name: 'chiffres',
    title: 'Chiffres annoncés',
    description: 'Chaque chiffre annoncé par une source, avec son unité, sa base de calcul, sa date, son statut et sa source : un même nombre dit par deux sources fait deux lignes.',
    fields: [
      composite('evenement--cle, suivi de --2, --3… quand l’événement cite plusieurs fois la même série.'),
      ref('evenement', 'Événement', 'Identifiant de l’événement dont une source annonce le chiffre.'),
      { name: 'cle', type: 'string', title: 'Série', description: 'Clé qui regroupe les annonces d’une même quantité.', constraints: { required: true, pattern: '^[a-z0-9-]+$' } },
      text('libelle', 'Libellé', 'Ce qui est compté.', true),
      { name: 'valeur', type: 'number', title: 'Valeur', description: 'La valeur, quand un nombre unique est annoncé.', constraints: { minimum: 0 } },
      { name: 'minimum', type: 'number', title: 'Minimum', description: 'Borne basse d’une fourchette (« plus de 33 millions »).', constraints: { minimum: 0 } },
      { name: 'maximum', type: 'number', title: 'Maximum', description: 'Borne haute d’une fourchette (« près de 40 millions »).', constraints: { minimum: 0 } },
      oneOf('unite', 'Unité', 'Ce que compte le nombre.', FIGURE_UNITS),
      oneOf('base', 'Base', Object.entries(FIGURE_BASES).map(([k, v]) => `${k} (${v})`).join(', ') + '.', keys(FIGURE_BASES)),
      { name: 'date', type: 'date', title: 'Date', description: 'Date de l’annonce ; le premier du mois quand seul le mois est connu.', constraints: { required: true } },
      oneOf('precision_date', 'Précision de la date', 'day (jour) ou month (mois).', ['day', 'month']),
      oneOf('statut', 'Statut', 'Degré d’établissement du chiffre.', keys(STATUSES)),
      url('source', 'Source', 'Page qui annonce le chiffre.', true),
      text('formulation', 'Formulation', 'Le chiffre tel que la source le formule, en nos mots.'),
    ],
    primaryKey: 'id',
    foreignKeys: [{ fields: 'evenement', reference: { resource: 'evenements', fields: 'id' } }],
    rows: (record) =>
      sortById(record.events.flatMap(({ id, data: e }) => {
        const seen = new Map<string, number>();
        return e.figures.map((f) => {
          const n = (seen.get(f.key) ?? 0) + 1;
          seen.set(f.key, n);
          return {
            id: `${id}--${f.key}${n > 1 ? `--${n}` : ''}`, evenement: id, cle: f.key, libelle: f.label, valeur: f.value ?? null, minimum: f.min ?? null, maximum: f.max ?? null,
            unite: f.unit, base: f.basis, date: dayOf(f.asOf), precision_date: f.asOfPrecision, statut: f.status, source: f.source, formulation: f.wording ?? null,
          };
        });
      })),
  },
];
