/**
 * The open-data files: each table as CSV (RFC 4180 through csv-stringify, UTF-8,
 * header row) and as JSON (an array of objects), and `datapackage.json`, the
 * Frictionless Tabular Data Package that describes them (the format
 * data.gouv.fr reads), with the licence, the version and the changelog.
 */
import { createHash } from 'node:crypto';
import { stringify } from 'csv-stringify/sync';
import type { ContentRecord } from '../lib/record.ts';
import { CHANGELOG, CURRENT } from './changelog.ts';
import { TABLES, type Cell, type Field, type Row, type Table } from './tables.ts';

export const LICENSE = {
  name: 'etalab-2.0',
  path: 'https://www.etalab.gouv.fr/licence-ouverte-open-licence/',
  title: 'Licence Ouverte / Open Licence version 2.0',
} as const;

/** Files of the package, by name under `/donnees/`. */
export const csvFile = (t: Table) => `${t.name}.csv`;
export const jsonFile = (t: Table) => `${t.name}.json`;

/** One cell as CSV text: empty for null, JSON for arrays, the plain value otherwise. */
export function csvCell(value: Cell): string {
  if (value === null) return '';
  if (Array.isArray(value)) return JSON.stringify(value);
  return String(value);
}

export function tableCsv(table: Table, rows: readonly Row[]): string {
  const names = table.fields.map((f) => f.name);
  return stringify([names, ...rows.map((r) => names.map((n) => csvCell(r[n] ?? null)))], { record_delimiter: 'windows' });
}

export function tableJson(rows: readonly Row[]): string {
  return `${JSON.stringify(rows, null, 2)}\n`;
}

/** A hash of every table's field names and types: it changes when the structure does. */
export function fieldsFingerprint(tables: readonly Table[] = TABLES): string {
  const shape = tables.map((t) => [t.name, t.primaryKey, t.fields.map((f) => [f.name, f.type, f.constraints?.required ?? false])]);
  return createHash('sha256').update(JSON.stringify(shape)).digest('hex').slice(0, 16);
}

const schemaOf = (table: Table, resource: (name: string) => string) => ({
  fields: table.fields.map(({ name, type, format, title, description, constraints }: Field) => ({ name, type, ...(format ? { format } : {}), title, description, ...(constraints ? { constraints } : {}) })),
  primaryKey: table.primaryKey,
  ...(table.foreignKeys.length
    ? { foreignKeys: table.foreignKeys.map((fk) => ({ fields: fk.fields, reference: { resource: resource(fk.reference.resource), fields: fk.reference.fields } })) }
    : {}),
  missingValues: [''],
});

/** `datapackage.json`: each table twice, as CSV and as JSON, with the same Table Schema. */
export function dataPackage(record: ContentRecord, site: URL, tables: readonly Table[] = TABLES) {
  const latest = [...record.events.flatMap((e) => [e.data.date, e.data.updated ?? '', ...e.data.corrections.map((c) => c.date)]), ...record.coverage.map((c) => c.data.publishedAt)]
    .filter(Boolean)
    .map((d) => d.slice(0, 10))
    .sort()
    .at(-1);
  return {
    profile: 'tabular-data-package',
    name: 'veille-fuites',
    id: new URL('/donnees/datapackage.json', site).href,
    title: 'Veille Fuites : chronologie sourcée des fuites de données',
    description:
      'Les événements, articles de presse, organisations, relations et chiffres recensés par Veille Fuites, chacun avec ses sources. Les textes (titres d’événements, résumés, descriptions) sont rédigés par Veille Fuites ; les titres d’articles sont des citations.',
    homepage: new URL('/donnees/', site).href,
    version: CURRENT.version,
    ...(latest ? { created: `${latest}T00:00:00Z` } : {}),
    licenses: [LICENSE],
    keywords: ['fuite de données', 'cybersécurité', 'tiers payant', 'données de santé', 'revue de presse'],
    contributors: [{ title: 'Veille Fuites', role: 'author', path: site.href }],
    changelog: CHANGELOG.map(({ version, date, changes }) => ({ version, date, changes })),
    resources: tables.flatMap((t) => [
      {
        profile: 'tabular-data-resource',
        name: t.name,
        path: csvFile(t),
        title: `${t.title} (CSV)`,
        description: t.description,
        format: 'csv',
        mediatype: 'text/csv',
        encoding: 'utf-8',
        dialect: { delimiter: ',', quoteChar: '"', doubleQuote: true, lineTerminator: '\r\n', header: true },
        licenses: [LICENSE],
        schema: schemaOf(t, (name) => name),
      },
      {
        profile: 'tabular-data-resource',
        name: `${t.name}-json`,
        path: jsonFile(t),
        title: `${t.title} (JSON)`,
        description: `${t.description} Un tableau JSON d’objets, mêmes champs que le CSV.`,
        format: 'json',
        mediatype: 'application/json',
        encoding: 'utf-8',
        licenses: [LICENSE],
        schema: schemaOf(t, (name) => `${name}-json`),
      },
    ]),
  };
}

/** Every file of `/donnees/` with its body, rows computed once. */
export function openDataFiles(record: ContentRecord, site: URL, tables: readonly Table[] = TABLES): Map<string, string> {
  const files = new Map<string, string>();
  for (const t of tables) {
    const rows = t.rows(record, site);
    files.set(csvFile(t), tableCsv(t, rows));
    files.set(jsonFile(t), tableJson(rows));
  }
  files.set('datapackage.json', `${JSON.stringify(dataPackage(record, site, tables), null, 2)}\n`);
  return files;
}
