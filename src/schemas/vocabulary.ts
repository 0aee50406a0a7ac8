/**
 * Closed vocabularies of the content model, each value with its French label.
 * Values are what editors write in frontmatter; labels are what readers see.
 */

/** Kinds of timeline event. */
export const EVENT_KINDS = {
  incident: 'Incident',
  statement: 'Déclaration',
  regulatory: 'Régulation',
  legal: 'Justice',
  political: 'Politique',
  advisory: 'Conseil aux personnes',
  context: 'Contexte',
} as const;
export type EventKind = keyof typeof EVENT_KINDS;

/** How well a fact is established. */
export const STATUSES = {
  'confirmé': 'Confirmé',
  'rapporté': 'Rapporté par la presse',
  'revendiqué': 'Revendiqué, non confirmé',
  'contesté': 'Contesté',
} as const;
export type Status = keyof typeof STATUSES;

/** How precise an event date is. */
export const DATE_PRECISIONS = {
  minute: "À la minute",
  day: 'Au jour',
  month: 'Au mois',
  year: "À l'année",
} as const;
export type DatePrecision = keyof typeof DATE_PRECISIONS;

/**
 * How precise an article's publication date is. A time, when the page gives
 * one, goes in `publishedAt` itself (« 2024-02-07T14:30 ») at `day` precision.
 */
export const PUBLICATION_PRECISIONS = {
  day: 'Au jour',
  month: 'Au mois (jour non connu)',
  year: "À l'année (mois non connu)",
  unknown: 'Date de parution non relevée',
} as const;
export type PublicationPrecision = keyof typeof PUBLICATION_PRECISIONS;

/** Roles that can speak in a statement when no single organisation does. */
export const SPEAKER_ROLES = {
  company: 'Entreprise',
  regulator: 'Régulateur',
  prosecutor: 'Parquet',
  researcher: 'Chercheur',
  'attacker-claim': "Revendication de l'attaquant",
  'press-investigation': 'Enquête de presse',
} as const;
export type SpeakerRole = keyof typeof SPEAKER_ROLES;

/** Personal-data categories a breach may expose (fixed French vocabulary). */
export const DATA_CATEGORIES = [
  'nom',
  'prénom',
  'date de naissance',
  'rang de naissance',
  'numéro de sécurité sociale',
  "nom de l'assureur",
  'numéro de contrat',
  'garanties',
  'référence interne',
  'coordonnées bancaires',
  'données médicales',
  'remboursements',
  'adresse postale',
  'téléphone',
  'e-mail',
  'sexe',
  'lieu de naissance',
  "numéro d'adhérent",
  'ayants droit',
  'mot de passe',
  'identifiants de connexion',
  'numéros FINESS et SIRET',
  'réseau de soins',
] as const;
export type DataCategory = (typeof DATA_CATEGORIES)[number];

/** Units of a figure claim. */
export const FIGURE_UNITS = [
  'personnes',
  'assurés',
  'comptes',
  'enregistrements',
  'organismes',
  'professionnels',
  'factures',
  'violations',
  'questions',
  'euros',
  'pourcent',
] as const;
/** What a figure counts. */
export const FIGURE_BASES = {
  'référencées': 'personnes référencées',
  'exfiltrées': 'données exfiltrées',
  'notifiées': 'personnes notifiées',
  'estimées': 'estimation',
  'gérées': 'personnes gérées par l’opérateur',
  'déclarées': 'déclaré par l’organisation',
} as const;

/** Kinds of organisation. */
export const ORGANIZATION_KINDS = {
  'operateur-tiers-payant': 'Opérateurs de tiers payant',
  'complementaire-sante': 'Complémentaires santé',
  regulateur: 'Régulateurs',
  autorite: 'Autorités',
  prestataire: 'Prestataires',
  association: 'Associations et syndicats',
  editeur: 'Éditeurs de logiciels',
  autre: 'Autres',
} as const;
export type OrganizationKind = keyof typeof ORGANIZATION_KINDS;
/** One organisation's kind, in the singular. */
export const ORGANIZATION_KIND_SINGULAR: Record<OrganizationKind, string> = {
  'operateur-tiers-payant': 'Opérateur de tiers payant',
  'complementaire-sante': 'Complémentaire santé',
  regulateur: 'Régulateur',
  autorite: 'Autorité',
  prestataire: 'Prestataire',
  association: 'Association ou syndicat',
  editeur: 'Éditeur de logiciels',
  autre: 'Autre',
};

/**
 * Directed relations between organisations: `forward` reads « A <forward> B »,
 * `inverse` titles the list shown on B's page.
 */
export const RELATION_TYPES = {
  'client-de': { forward: 'client de', inverse: 'Clients' },
  'ancien-client-de': { forward: 'ancien client de', inverse: 'Anciens clients' },
  'partenaire-de': { forward: 'partenaire de', inverse: 'Partenaires' },
  'filiale-de': { forward: 'filiale de', inverse: 'Filiales' },
  'actionnaire-de': { forward: 'actionnaire de', inverse: 'Actionnaires' },
  'prestataire-de': { forward: 'prestataire de', inverse: 'Prestataires' },
  'membre-de': { forward: 'membre de', inverse: 'Membres' },
} as const;
export type RelationType = keyof typeof RELATION_TYPES;

/** Whether a data category was exposed at one operator, according to a source. */
export const EXPOSURE_STATUSES = {
  'exposé': 'Exposé',
  'non exposé': 'Non exposé selon les sources',
  'contesté': 'Affirmé par une source, non confirmé',
} as const;
export type ExposureStatus = keyof typeof EXPOSURE_STATUSES;

/** Whose data a category is about. */
export const DATA_SUBJECTS = {
  'assurés': 'Assurés et ayants droit',
  'professionnels': 'Professionnels de santé',
} as const;

/** Who wrote a coverage entry. */
export const ORIGINS = ['ingest', 'editor'] as const;

/** How ingestion attached an article to its story and event. */
export const GROUPINGS = ['editor', 'same-url', 'near-duplicate', 'nearest-event', 'unassigned'] as const;

export const keysOf = <T extends object>(o: T) => Object.keys(o) as [keyof T & string, ...(keyof T & string)[]];
