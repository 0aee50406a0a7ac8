/**
 * Frictionless Table Schema (v1) rules for rows, written from the
 * specification: reading a CSV cell by its field type, then types, required,
 * unique, enum, pattern and minimum per field, the primary key, and foreign keys
 * across the resources of a package. Each broken rule gives one message naming
 * the resource, the row and the field.
 */
export interface SchemaField {
  name: string;
  type: string;
  format?: string;
  constraints?: { required?: boolean; unique?: boolean; enum?: unknown[]; pattern?: string; minimum?: number };
}
export interface TableSchema {
  fields: SchemaField[];
  primaryKey?: string | string[];
  foreignKeys?: { fields: string | string[]; reference: { resource: string; fields: string | string[] } }[];
  missingValues?: string[];
}
export type Value = string | number | boolean | null | unknown[] | Record<string, unknown>;

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const TIME = /^\d{2}:\d{2}:\d{2}$/;

/** A CSV cell read as its field's type; throws on text the type cannot hold. */
export function castCell(text: string, field: SchemaField, missing: string[] = ['']): Value {
  if (missing.includes(text)) return null;
  switch (field.type) {
    case 'number': {
      const n = Number(text);
      if (text.trim() === '' || Number.isNaN(n)) throw new Error(`« ${text} » n'est pas un nombre`);
      return n;
    }
    case 'integer':
      if (!/^-?\d+$/.test(text)) throw new Error(`« ${text} » n'est pas un entier`);
      return Number(text);
    case 'boolean':
      if (['true', 'True', 'TRUE', '1'].includes(text)) return true;
      if (['false', 'False', 'FALSE', '0'].includes(text)) return false;
      throw new Error(`« ${text} » n'est pas un booléen`);
    case 'array': {
      const v = JSON.parse(text) as unknown;
      if (!Array.isArray(v)) throw new Error(`« ${text} » n'est pas un tableau JSON`);
      return v;
    }
    default:
      return text;
  }
}

function typeError(value: Value, field: SchemaField): string | undefined {
  if (value === null) return undefined;
  const is = (ok: boolean, what: string) => (ok ? undefined : `attendu ${what}, trouvé ${JSON.stringify(value)}`);
  switch (field.type) {
    case 'string':
      if (typeof value !== 'string') return is(false, 'une chaîne');
      return field.format === 'uri' ? is(URL.canParse(value), 'une URI') : undefined;
    case 'number': return is(typeof value === 'number' && Number.isFinite(value), 'un nombre');
    case 'integer': return is(Number.isInteger(value), 'un entier');
    case 'boolean': return is(typeof value === 'boolean', 'un booléen');
    case 'date': return is(typeof value === 'string' && DATE.test(value) && !Number.isNaN(Date.parse(`${value}T00:00:00Z`)), 'une date AAAA-MM-JJ');
    case 'time': return is(typeof value === 'string' && TIME.test(value), 'une heure HH:MM:SS');
    case 'array': return is(Array.isArray(value), 'un tableau');
    default: return undefined;
  }
}

const list = (x: string | string[] | undefined) => (x === undefined ? [] : Array.isArray(x) ? x : [x]);

/** Field-level rules and the primary key over one resource's rows. */
export function rowErrors(resource: string, schema: TableSchema, rows: Record<string, Value>[]): string[] {
  const errors: string[] = [];
  const names = schema.fields.map((f) => f.name);
  rows.forEach((row, i) => {
    const at = `${resource} ligne ${i + 1}`;
    const extra = Object.keys(row).filter((k) => !names.includes(k));
    if (extra.length) errors.push(`${at} : champs hors schéma ${extra.join(', ')}`);
    for (const field of schema.fields) {
      const value = row[field.name] ?? null;
      const c = field.constraints ?? {};
      if (value === null) {
        if (c.required) errors.push(`${at}, ${field.name} : valeur requise`);
        continue;
      }
      const type = typeError(value, field);
      if (type) errors.push(`${at}, ${field.name} : ${type}`);
      if (c.enum && !c.enum.includes(value)) errors.push(`${at}, ${field.name} : « ${String(value)} » hors de la liste permise`);
      if (c.pattern && typeof value === 'string' && !new RegExp(`^(?:${c.pattern})$`).test(value)) errors.push(`${at}, ${field.name} : « ${value} » ne suit pas le motif ${c.pattern}`);
      if (c.minimum !== undefined && typeof value === 'number' && value < c.minimum) errors.push(`${at}, ${field.name} : ${value} < ${c.minimum}`);
    }
  });
  for (const field of schema.fields.filter((f) => f.constraints?.unique)) {
    const seen = new Set<unknown>();
    for (const row of rows) {
      const v = row[field.name];
      if (v === null || v === undefined) continue;
      if (seen.has(v)) errors.push(`${resource}, ${field.name} : « ${String(v)} » en double (unique)`);
      seen.add(v);
    }
  }
  const pk = list(schema.primaryKey);
  if (pk.length) {
    const seen = new Set<string>();
    for (const row of rows) {
      const key = JSON.stringify(pk.map((k) => row[k]));
      if (pk.some((k) => row[k] === null || row[k] === undefined)) errors.push(`${resource} : clé primaire vide ${key}`);
      else if (seen.has(key)) errors.push(`${resource} : clé primaire ${key} en double`);
      seen.add(key);
    }
  }
  return errors;
}

/** Foreign keys: each non-empty value must be a key of the referenced resource. */
export function foreignKeyErrors(resources: Map<string, { schema: TableSchema; rows: Record<string, Value>[] }>): string[] {
  const errors: string[] = [];
  for (const [name, { schema, rows }] of resources) {
    for (const fk of schema.foreignKeys ?? []) {
      const target = resources.get(fk.reference.resource);
      if (!target) {
        errors.push(`${name} : ressource référencée « ${fk.reference.resource} » absente`);
        continue;
      }
      const keys = new Set(target.rows.map((r) => JSON.stringify(list(fk.reference.fields).map((f) => r[f]))));
      rows.forEach((row, i) => {
        const values = list(fk.fields).map((f) => row[f] ?? null);
        if (values.every((v) => v === null)) return;
        if (!keys.has(JSON.stringify(values))) errors.push(`${name} ligne ${i + 1}, ${list(fk.fields).join('+')} : « ${values.join(', ')} » absent de ${fk.reference.resource}`);
      });
    }
  }
  return errors;
}
