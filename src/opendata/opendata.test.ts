/**
 * The open-data package over the shipped and fixture records: `datapackage.json`
 * against the published Frictionless profiles (ajv, draft-04), each CSV parsed
 * back (csv-parse) to its JSON records, every row within its Table Schema,
 * primary and foreign keys, hostile text, stable output and a versioned structure.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import Ajv from 'ajv-draft-04';
import addFormats from 'ajv-formats';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { checkContent } from '../lib/content-check.ts';
import { recordFromEntries, type ContentRecord } from '../lib/record.ts';
import { castCell, foreignKeyErrors, rowErrors, type TableSchema, type Value } from '../../tests/support/table-schema.ts';
import { CHANGELOG, CURRENT } from './changelog.ts';
import { fieldsFingerprint, openDataFiles } from './package.ts';
import { TABLES } from './tables.ts';

const root = resolve(import.meta.dirname, '../..');
const site = new URL('https://veille-fuites.example');
const profile = (name: string) => JSON.parse(readFileSync(resolve(root, 'tests/schemas/frictionless', `${name}.json`), 'utf8'));
// The profiles use « textarea », a display hint for editors, as a format: accepted as any string.
const ajv = new Ajv({ allErrors: true, strict: false, formats: { textarea: true } });
addFormats(ajv);
const validators = Object.fromEntries(['data-package', 'tabular-data-package', 'tabular-data-resource', 'table-schema'].map((n) => [n, ajv.compile(profile(n))]));

interface Resource { name: string; path: string; format: string; schema: TableSchema }

/** Reads the files back the way a reuser would: JSON as is, CSV through csv-parse and the Table Schema types. */
function readBack(files: Map<string, string>) {
  const pkg = JSON.parse(files.get('datapackage.json')!) as { resources: Resource[] } & Record<string, unknown>;
  const resources = new Map<string, { schema: TableSchema; rows: Record<string, Value>[] }>();
  for (const r of pkg.resources) {
    const body = files.get(r.path)!;
    if (r.format === 'json') {
      resources.set(r.name, { schema: r.schema, rows: JSON.parse(body) });
      continue;
    }
    const [header, ...lines] = parse(body, { bom: true }) as string[][];
    expect(header, r.name).toEqual(r.schema.fields.map((f) => f.name));
    const rows = lines.map((cells) => Object.fromEntries(r.schema.fields.map((f, i) => [f.name, castCell(cells[i]!, f, r.schema.missingValues)])));
    resources.set(r.name, { schema: r.schema, rows });
  }
  return { pkg, resources };
}

const shipped = recordFromEntries(checkContent(resolve(root, 'content')).entries);
const fixture = recordFromEntries(checkContent(resolve(root, 'tests/fixtures/content')).entries);

describe.each([
  ['shipped', shipped],
  ['fixture', fixture],
])('%s open data', (_name, record) => {
  const files = openDataFiles(record, site);
  const { pkg, resources } = readBack(files);

  it('datapackage.json validates against the Data Package, Tabular Data Package, Tabular Data Resource and Table Schema profiles', () => {
    for (const [name, validate] of Object.entries(validators)) {
      const targets = name === 'tabular-data-resource' ? pkg.resources : name === 'table-schema' ? pkg.resources.map((r) => r.schema) : [pkg];
      for (const target of targets) {
        const ok = validate(target);
        expect(ok ? [] : validate.errors!.map((e) => `${name} ${e.instancePath} ${e.message}`)).toEqual([]);
      }
    }
  });

  it('states the licence, the version and the changelog', () => {
    expect(pkg.licenses).toEqual([{ name: 'etalab-2.0', path: 'https://www.etalab.gouv.fr/licence-ouverte-open-licence/', title: 'Licence Ouverte / Open Licence version 2.0' }]);
    expect(pkg.version).toBe(CURRENT.version);
    expect((pkg.changelog as { version: string }[])[0]!.version).toBe(CURRENT.version);
  });

  it('has every table as CSV and JSON, one row per entry', () => {
    expect(pkg.resources.map((r) => r.name)).toEqual(TABLES.flatMap((t) => [t.name, `${t.name}-json`]));
    expect(resources.get('evenements')!.rows).toHaveLength(record.events.length);
    expect(resources.get('couverture')!.rows).toHaveLength(record.coverage.length);
    expect(resources.get('organisations')!.rows).toHaveLength(record.organizations.length);
    expect(resources.get('relations')!.rows).toHaveLength(record.organizations.reduce((n, o) => n + o.data.relations.length, 0));
    expect(resources.get('chiffres')!.rows).toHaveLength(record.events.reduce((n, e) => n + e.data.figures.length, 0));
  });

  it('each CSV parses back to the same records as its JSON', () => {
    for (const t of TABLES) expect(resources.get(t.name)!.rows, t.name).toEqual(resources.get(`${t.name}-json`)!.rows);
  });

  it('every row satisfies its Table Schema, and primary and foreign keys hold', () => {
    for (const [name, { schema, rows }] of resources) expect(rowErrors(name, schema, rows)).toEqual([]);
    expect(foreignKeyErrors(resources)).toEqual([]);
  });

  it('gives the same files from the same record (ids and order stable across builds)', () => {
    expect(openDataFiles(structuredClone(record) as ContentRecord, site)).toEqual(files);
  });
});

describe('open data checks', () => {
  it('round-trips commas, quotes, newlines and accents through CSV', () => {
    const record = structuredClone(fixture) as ContentRecord;
    const hostile = 'Fuite « Exemplis », dite "la grande" ;\nseconde ligne, accents éèàçœ, \r\nfin';
    record.events[0]!.data.title = hostile;
    record.organizations[0]!.data.aliases = ['a,b', 'c"d', 'e\nf'];
    const { resources } = readBack(openDataFiles(record, site));
    const event = resources.get('evenements')!.rows.find((r) => r.id === record.events[0]!.id)!;
    expect(event.titre).toBe(hostile);
    const org = resources.get('organisations')!.rows.find((r) => r.id === record.organizations[0]!.id)!;
    expect(org.alias).toEqual(['a,b', 'c"d', 'e\nf']);
  });

  it('catches a broken foreign key, a duplicate key and a bad type', () => {
    const record = structuredClone(fixture) as ContentRecord;
    record.coverage[0]!.data.event = 'evenement-inexistant';
    const { resources } = readBack(openDataFiles(record, site));
    expect(foreignKeyErrors(resources).some((e) => e.includes('« evenement-inexistant » absent de evenements'))).toBe(true);
    const events = resources.get('evenements')!;
    const broken = [...events.rows, { ...events.rows[0]!, date: '2024-02-30x' }];
    const errors = rowErrors('evenements', events.schema, broken);
    expect(errors.some((e) => /clé primaire .* en double/.test(e))).toBe(true);
    expect(errors.some((e) => e.includes('date : attendu une date'))).toBe(true);
  });

  it('the profiles reject a broken descriptor (bad resource name, unknown field type, bad primary key)', () => {
    const pkg = JSON.parse(openDataFiles(fixture, site).get('datapackage.json')!);
    pkg.resources[0].name = 'Événements CSV';
    pkg.resources[1].schema.fields[0].type = 'texte';
    pkg.resources[2].schema.primaryKey = 42;
    expect(validators['tabular-data-package']!(pkg)).toBe(false);
    const where = validators['tabular-data-package']!.errors!.map((e) => e.instancePath);
    expect(where).toEqual(expect.arrayContaining(['/resources/0/name', '/resources/1/schema/fields/0/type', '/resources/2/schema/primaryKey']));
  });

  it('the changelog records the structure of the current version: changing a field needs a new version', () => {
    expect(CHANGELOG[0]).toBe(CURRENT);
    expect(fieldsFingerprint(), 'les champs ont changé : ajoutez une version à src/opendata/changelog.ts avec ce fingerprint').toBe(CURRENT.fields);
  });
});
