/**
 * Version of the open-data package and what changed in each. Bump the version
 * (semver: major when a field is removed or renamed, minor when one is added)
 * and add an entry whenever a table's fields change; the tests compare the
 * fields' fingerprint with the one recorded for the current version.
 */
export interface Release {
  version: string;
  /** « AAAA-MM-JJ » */
  date: string;
  changes: string[];
  /** Fingerprint of the tables' fields at this version (see `fieldsFingerprint`). */
  fields: string;
}

export const CHANGELOG: Release[] = [
  {
    version: '1.0.0',
    date: '2026-11-29',
    changes: [
      'Première publication : dossiers, événements, revue de presse, organisations, relations et chiffres, en CSV et en JSON, décrits par un Data Package Frictionless.',
    ],
    fields: '11b1950be27155d6',
  },
];

export const CURRENT = CHANGELOG[0]!;
