/**
 * Validates the whole `content/` tree the way editors need it: each message
 * names the file, the field, the value found and what is allowed. Used by
 * `npm run check` and by the build (an integration stops it on any error).
 */
import { isUtf8 } from 'node:buffer';
import { readdirSync, readFileSync, existsSync } from 'node:fs';
import { join, relative, extname, basename } from 'node:path';
import { isScalar, isMap, type Document } from 'yaml';
import type { z } from 'zod';
import { COLLECTIONS, type CollectionName } from '../schemas/index.ts';
import { SLUG_RE } from '../schemas/fields.ts';
import { parseYaml, splitFrontmatter } from './frontmatter.ts';
import { crossEntryErrors, type RuleOptions } from './content-rules.ts';
import { bodyProblems } from './entry-body.ts';

export interface ContentError {
  /** Path of the file, relative to the project (or to the content root's parent). */
  file: string;
  /** Dotted field path, '' for the whole file. */
  field: string;
  message: string;
}

export interface LoadedEntry {
  collection: CollectionName;
  slug: string;
  file: string;
  data: Record<string, unknown>;
  body: string;
}

export interface CheckResult {
  entries: LoadedEntry[];
  errors: ContentError[];
}

export function formatError(e: ContentError): string {
  return e.field ? `${e.file} : champ « ${e.field} » : ${e.message}` : `${e.file} : ${e.message}`;
}

const show = (v: unknown): string => {
  if (v === undefined) return '(absent)';
  const s = typeof v === 'string' ? v : JSON.stringify(v);
  return s.length > 80 ? `${s.slice(0, 77)}…` : s;
};

const fieldPath = (path: readonly PropertyKey[]) =>
  path.map((p, i) => (typeof p === 'number' ? `[${p}]` : `${i ? '.' : ''}${String(p)}`)).join('');

const TYPE_NAMES: Record<string, string> = {
  array: 'une liste',
  string: 'un texte',
  number: 'un nombre',
  boolean: 'true ou false',
  object: 'un groupe de champs',
  date: 'une date',
};
const typeName = (t: string) => TYPE_NAMES[t] ?? t;

/** Closest known field name to a misspelled one (small edit distance), for « did you mean ». */
export function closestField(name: string, known: readonly string[]): string | undefined {
  const distance = (a: string, b: string) => {
    const row = Array.from({ length: b.length + 1 }, (_, j) => j);
    for (let i = 1; i <= a.length; i++) {
      let prev = row[0]!;
      row[0] = i;
      for (let j = 1; j <= b.length; j++) {
        const cur = row[j]!;
        row[j] = Math.min(row[j]! + 1, row[j - 1]! + 1, prev + (a[i - 1] === b[j - 1] ? 0 : 1));
        prev = cur;
      }
    }
    return row[b.length]!;
  };
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const k of known) {
    const d = distance(name.toLowerCase(), k.toLowerCase());
    if (d < bestDistance) [best, bestDistance] = [k, d];
  }
  return best !== undefined && bestDistance <= Math.max(2, Math.floor(name.length / 3)) ? best : undefined;
}

/** One Zod issue in French: the value found and what is allowed. `knownKeys` helps name a misspelled field. */
export function describeIssue(issue: z.core.$ZodIssue, knownKeys: readonly string[] = []): string {
  const input = (issue as { input?: unknown }).input;
  switch (issue.code) {
    case 'invalid_value':
      return input === undefined
        ? `champ obligatoire manquant ; valeurs permises : ${issue.values.map(String).join(', ')}`
        : `valeur « ${show(input)} » non autorisée ; valeurs permises : ${issue.values.map(String).join(', ')}`;
    case 'invalid_type':
      return input === undefined
        ? `champ obligatoire manquant (attendu : ${typeName(issue.expected)})`
        : `type incorrect : « ${show(input)} » ; attendu : ${typeName(issue.expected)}`;
    case 'too_small': {
      const custom = issue.message && !issue.message.startsWith('Too small') ? issue.message : undefined;
      if (issue.origin === 'array') return `${custom ?? `au moins ${issue.minimum} élément(s) requis`}, ${Array.isArray(input) ? input.length : 0} trouvé(s)`;
      if (issue.origin === 'string') return custom ?? `texte vide ou trop court (minimum ${issue.minimum} caractère(s))`;
      return issue.inclusive === false
        ? `valeur ${show(input)} : doit être strictement supérieure à ${issue.minimum}`
        : `valeur ${show(input)} trop petite (minimum ${issue.minimum})`;
    }
    case 'too_big':
      if (issue.origin === 'string') return `${issue.message.startsWith('extrait') ? issue.message : `texte trop long (maximum ${issue.maximum} caractères)`}, ${typeof input === 'string' ? input.length : '?'} trouvés`;
      return `trop grand : maximum ${issue.maximum}`;
    case 'unrecognized_keys':
      return `champ(s) inconnu(s) : ${issue.keys
        .map((k) => {
          const guess = closestField(k, knownKeys);
          return guess ? `${k} (vouliez-vous dire « ${guess} » ?)` : k;
        })
        .join(', ')} ; vérifiez l'orthographe (voir CONTRIBUTING.md)`;
    case 'invalid_format':
      return `${issue.message} (valeur « ${show(input)} »)`;
    case 'custom': {
      // A rule about a whole entry or group: its message says it all; the object itself is noise.
      const isGroup = input !== null && typeof input === 'object' && !Array.isArray(input) && !(input instanceof Date);
      return input === undefined || isGroup || issue.message.includes(show(input)) ? issue.message : `${issue.message} (valeur « ${show(input)} »)`;
    }
    default:
      return `${issue.message}${input !== undefined ? ` (valeur « ${show(input)} »)` : ''}`;
  }
}

type SchemaNode = { def?: { type?: string; shape?: Record<string, unknown>; element?: unknown; innerType?: unknown; in?: unknown } };

/** Skips wrappers (optional, default, pipe of a transform) down to an object or array schema. */
function unwrap(node: unknown): SchemaNode | undefined {
  let cur = node as SchemaNode | undefined;
  for (let i = 0; i < 10 && cur?.def; i++) {
    const { type, innerType, in: input } = cur.def;
    if (type === 'object' || type === 'array') return cur;
    cur = (innerType ?? input) as SchemaNode | undefined;
  }
  return cur;
}

/** Field names allowed at `path` in a schema, read from its Zod shape (for spelling suggestions). */
function keysAt(schema: unknown, path: readonly PropertyKey[]): string[] {
  let node = unwrap(schema);
  for (const p of path) {
    node = unwrap(typeof p === 'number' ? node?.def?.element : node?.def?.shape?.[String(p)]);
  }
  return Object.keys(node?.def?.shape ?? {});
}

/** Unquoted date-times are read as UTC by some YAML parsers: require quotes so Paris time is kept. */
function unquotedTimestamps(doc: Document, file: string): ContentError[] {
  const errors: ContentError[] = [];
  const visit = (node: unknown, path: string) => {
    if (isMap(node)) {
      for (const pair of node.items) {
        const key = isScalar(pair.key) ? String(pair.key.value) : '?';
        visit(pair.value, path ? `${path}.${key}` : key);
      }
    } else if (node && typeof node === 'object' && 'items' in node && Array.isArray((node as { items: unknown[] }).items)) {
      (node as { items: unknown[] }).items.forEach((item, i) => visit(item, `${path}[${i}]`));
    } else if (isScalar(node) && node.type === 'PLAIN' && typeof node.value === 'string' && /^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}/.test(node.value)) {
      errors.push({ file, field: path, message: `date et heure « ${node.value} » sans guillemets ; écrivez '${node.value}' entre apostrophes pour qu'elle soit lue en heure de Paris` });
    }
  };
  visit(doc.contents, '');
  return errors;
}

/** Hidden (`.x`) and draft-template (`_x`) files are not entries. */
export const isIgnoredName = (name: string) => name.startsWith('.') || name.startsWith('_');

/** Files of a collection folder, sorted, without ignored ones. */
export function listFiles(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((d) => d.isFile() && !isIgnoredName(d.name))
    .map((d) => join(d.parentPath, d.name))
    .sort();
}

/** Reads and validates one file of a collection. */
export function checkFile(collection: CollectionName, path: string, displayPath: string, text = readFileSync(path, 'utf8')) {
  const spec = COLLECTIONS[collection];
  const errors: ContentError[] = [];
  const isData = spec.extensions[0] === '.yaml';
  const parts = isData ? { yaml: text, body: '', hasFrontmatter: true } : splitFrontmatter(text);
  if (!parts.hasFrontmatter) {
    return { errors: [{ file: displayPath, field: '', message: "en-tête YAML manquant : le fichier doit commencer par une ligne '---'" }] };
  }
  const parsed = parseYaml(parts.yaml, isData ? 0 : 1);
  if (parsed.error) return { errors: [{ file: displayPath, field: '', message: parsed.error }] };
  errors.push(...unquotedTimestamps(parsed.doc, displayPath));
  if (!parsed.data || typeof parsed.data !== 'object' || Array.isArray(parsed.data)) {
    return { errors: [...errors, { file: displayPath, field: '', message: 'en-tête YAML vide ou qui n’est pas une liste de champs' }] };
  }
  const result = spec.schema.safeParse(parsed.data, { reportInput: true });
  if (!result.success) {
    for (const issue of result.error.issues) {
      const known = issue.code === 'unrecognized_keys' ? keysAt(spec.schema, issue.path) : [];
      errors.push({ file: displayPath, field: fieldPath(issue.path), message: describeIssue(issue, known) });
    }
    return { errors };
  }
  // The body is text: no code, no tags, no unsafe link (entry-body.ts). Lines counted in the file.
  const bodyStart = text.length - parts.body.length;
  const firstBodyLine = text.slice(0, bodyStart).split('\n').length;
  for (const p of bodyProblems(parts.body, extname(path) === '.mdx')) errors.push({ file: displayPath, field: '', message: `ligne ${p.line + firstBodyLine - 1} : ${p.message}` });
  return { errors, data: result.data as Record<string, unknown>, body: parts.body };
}

/** Every reference an entry makes: [field, target collection, slug]. */
function referencesOf(e: LoadedEntry): [string, CollectionName, string][] {
  const d = e.data as Record<string, any>;
  const refs: [string, CollectionName, string][] = [];
  const many = (field: string, target: CollectionName, list: unknown) =>
    Array.isArray(list) && list.forEach((slug, i) => refs.push([`${field}[${i}]`, target, String(slug)]));
  if (e.collection === 'events') {
    refs.push(['dossier', 'dossiers', d.dossier]);
    many('organizations', 'organizations', d.organizations);
    if (d.speaker?.organization) refs.push(['speaker.organization', 'organizations', d.speaker.organization]);
    many('related', 'dossiers', d.related);
  } else if (e.collection === 'coverage') {
    refs.push(['dossier', 'dossiers', d.dossier], ['publisher', 'publishers', d.publisher]);
    many('organizations', 'organizations', d.organizations);
    if (d.event) refs.push(['event', 'events', d.event]);
    many('alsoEvents', 'events', d.alsoEvents);
  } else if (e.collection === 'organizations') {
    (d.relations ?? []).forEach((r: { target: string }, i: number) => refs.push([`relations[${i}].target`, 'organizations', r.target]));
  } else if (e.collection === 'dossiers') {
    many('organizations', 'organizations', d.organizations);
    many('operators', 'organizations', d.operators);
  }
  return refs;
}

/** Validates every collection under `contentDir`, then references, duplicates and the main dossier. */
export function checkContent(contentDir: string, displayBase = join(contentDir, '..'), options: RuleOptions = {}): CheckResult {
  const entries: LoadedEntry[] = [];
  const errors: ContentError[] = [];
  // Slugs of every file found, valid or not: an invalid file is reported once, not again as a broken reference.
  const known = new Map<CollectionName, Set<string>>();
  const display = (p: string) => relative(displayBase, p) || p;

  for (const [name, spec] of Object.entries(COLLECTIONS) as [CollectionName, (typeof COLLECTIONS)[CollectionName]][]) {
    const seen = new Map<string, string>();
    for (const path of listFiles(join(contentDir, spec.dir))) {
      const file = display(path);
      const ext = extname(path);
      if (!(spec.extensions as readonly string[]).includes(ext)) {
        errors.push({ file, field: '', message: `extension « ${ext} » non prise en charge dans ${spec.dir}/ ; attendu : ${spec.extensions.join(', ')}` });
        continue;
      }
      const slug = basename(path, ext);
      if (!SLUG_RE.test(slug)) {
        errors.push({ file, field: '', message: `nom de fichier « ${slug} » invalide : minuscules sans accents, chiffres et tirets (ex. « cnil-annonce-33-millions »)` });
        continue;
      }
      const previous = seen.get(slug);
      if (previous) {
        errors.push({ file, field: '', message: `identifiant (slug) « ${slug} » en double : déjà utilisé par ${previous}` });
        continue;
      }
      seen.set(slug, file);
      (known.get(name) ?? known.set(name, new Set()).get(name)!).add(slug);
      const bytes = readFileSync(path);
      if (!isUtf8(bytes)) {
        // Read as UTF-8, bad bytes would silently become « � » (and stop Astro's loader with a misleading error).
        errors.push({ file, field: '', message: "le fichier n'est pas en UTF-8 valide (octets illisibles) : réenregistrez-le en UTF-8" });
        continue;
      }
      const checked = checkFile(name, path, file, bytes.toString('utf8'));
      errors.push(...checked.errors);
      if (checked.data) entries.push({ collection: name, slug, file, data: checked.data, body: checked.body ?? '' });
    }
  }

  for (const e of entries) {
    for (const [field, target, slug] of referencesOf(e)) {
      if (!known.get(target)?.has(slug)) {
        errors.push({ file: e.file, field, message: `référence introuvable : « ${slug} » n'existe pas dans content/${COLLECTIONS[target].dir}/` });
      }
    }
  }

  const invalidEvents = (known.get('events')?.size ?? 0) - entries.filter((e) => e.collection === 'events').length;
  errors.push(...crossEntryErrors(entries, invalidEvents, options));

  const dossiers = entries.filter((e) => e.collection === 'dossiers');
  const mains = dossiers.filter((d) => d.data.main === true);
  if (dossiers.length > 0 && mains.length !== 1) {
    errors.push({ file: `content/${COLLECTIONS.dossiers.dir}/`, field: 'main', message: `exactement un dossier doit avoir main: true (${mains.length} trouvé(s) : ${mains.map((m) => m.slug).join(', ') || 'aucun'})` });
  }
  return { entries, errors };
}
