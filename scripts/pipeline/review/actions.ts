/**
 * What an editor decides in the review queue, applied to the files:
 * accept (`reviewed: true`), move to another event or to none, reject as
 * irrelevant (the file is removed and a tombstone keeps ingestion from ever
 * writing it again), lock (accepted and never rewritten). Only the fields
 * concerned change: the rest of the frontmatter (comments included) and the
 * body are kept as they are. An editor's own entry is never touched. Errors
 * start with « review: » and name the slug and the file.
 */
import { existsSync, readFileSync, unlinkSync } from 'node:fs';
import { join } from 'node:path';
import { CST, parse, parseDocument, Parser } from 'yaml';
import { splitFrontmatter } from '../../../src/lib/frontmatter.ts';
import { appendTombstones, atomicWrite } from '../write/index.ts';
import { coverageUnreviewed, publisherUnreviewed, readCollection } from './queue.ts';

export class ReviewError extends Error {
  constructor(detail: string) {
    super(`review: ${detail}`);
    this.name = 'ReviewError';
  }
}

export type Decision =
  | { action: 'accept'; slug: string }
  | { action: 'event'; slug: string; event: string | null }
  | { action: 'reject'; slug: string }
  | { action: 'lock'; slug: string };

const fileOf = (contentDir: string, collection: string, slug: string) => {
  for (const ext of collection === 'publishers' ? ['.yaml', '.yml'] : ['.mdx', '.md']) {
    const rel = `${collection}/${slug}${ext}`;
    if (existsSync(join(contentDir, rel))) return rel;
  }
  return null;
};

/** One field to set (or remove, with `undefined`). */
type Edit = { path: string[]; value: string | boolean | undefined };

const scalarText = (v: string | boolean) => (typeof v === 'boolean' ? { text: String(v), type: 'PLAIN' as const } : { text: v, type: parse(v) === v && !/[#:]/.test(v) ? ('PLAIN' as const) : ('QUOTE_DOUBLE' as const) });

/**
 * Applies edits to a YAML text through its concrete syntax tree, so every
 * line nobody decided on stays byte for byte (comments, quoting, flow
 * styles). Returns null when the shape is not the usual block mapping (the
 * caller then goes through a whole-document rewrite).
 */
function editInPlace(yaml: string, edits: Edit[]): string | null {
  const tokens = [...new Parser().parse(yaml)];
  const doc = tokens.find((t): t is CST.Document => t.type === 'document');
  if (!doc || doc.value?.type !== 'block-map') return null;
  const root = doc.value;
  const keyOf = (it: CST.BlockMap['items'][number]) => (it.key && CST.isScalar(it.key) ? it.key.source : undefined);
  const appended: string[] = [];
  for (const e of edits) {
    let map: CST.BlockMap = root;
    for (const k of e.path.slice(0, -1)) {
      const inner = map.items.find((it) => keyOf(it) === k)?.value;
      if (inner?.type !== 'block-map') return null;
      map = inner;
    }
    const last = e.path.at(-1)!;
    const item = map.items.find((it) => keyOf(it) === last);
    if (e.value === undefined) {
      if (item) map.items.splice(map.items.indexOf(item), 1);
    } else if (item) {
      if (!item.value || !CST.isScalar(item.value)) return null;
      const { text, type } = scalarText(e.value);
      CST.setScalarValue(item.value, text, { type });
    } else {
      if (map !== root) return null;
      const { text, type } = scalarText(e.value);
      appended.push(`${last}: ${type === 'PLAIN' ? text : JSON.stringify(text)}\n`);
    }
  }
  const out = tokens.map((t) => CST.stringify(t)).join('');
  return `${out}${out.endsWith('\n') || !appended.length ? '' : '\n'}${appended.join('')}`;
}

/** Applies edits to the YAML of a file (its frontmatter for MDX), keeping the body byte for byte. */
function editYaml(contentDir: string, rel: string, edits: Edit[]): void {
  const path = join(contentDir, rel);
  const text = readFileSync(path, 'utf8');
  const isYaml = /\.ya?ml$/.test(rel);
  const parts = isYaml ? { yaml: text, body: '', hasFrontmatter: true } : splitFrontmatter(text);
  if (!parts.hasFrontmatter) throw new ReviewError(`${rel} : pas de frontmatter`);
  const doc = parseDocument(parts.yaml);
  if (doc.errors.length) throw new ReviewError(`${rel} : YAML invalide (${doc.errors[0]!.message.split('\n')[0]})`);
  let yaml = editInPlace(parts.yaml, edits);
  if (yaml === null) {
    for (const e of edits) {
      if (e.value === undefined) doc.deleteIn(e.path);
      else doc.setIn(e.path, e.value);
    }
    yaml = doc.toString({ lineWidth: 0, flowCollectionPadding: false });
  }
  if (!yaml.endsWith('\n')) yaml += '\n';
  atomicWrite(path, isYaml ? yaml : `---\n${yaml}---\n${parts.body}`);
}

interface Target {
  rel: string;
  data: Record<string, unknown>;
}

function coverageTarget(contentDir: string, slug: string): Target {
  const rel = fileOf(contentDir, 'coverage', slug);
  if (!rel) throw new ReviewError(`article « ${slug} » introuvable (aucun fichier coverage/${slug}.mdx)`);
  const entry = readCollection(contentDir, 'coverage').find((c) => c.file === rel);
  if (!entry) throw new ReviewError(`${rel} : frontmatter illisible, corrigez le fichier à la main`);
  if (entry.data['origin'] !== 'ingest') throw new ReviewError(`${rel} : entrée d’éditeur (origin: editor), la relecture ne la modifie pas`);
  return { rel, data: entry.data };
}

function eventExists(contentDir: string, event: string) {
  return fileOf(contentDir, 'events', event) !== null;
}

/** Marks a publisher written by ingestion as reviewed. */
function acceptPublisher(contentDir: string, slug: string): string {
  const rel = fileOf(contentDir, 'publishers', slug)!;
  editYaml(contentDir, rel, [{ path: ['reviewed'], value: true }]);
  return rel;
}

/**
 * Applies one decision; returns the files changed (relative to the content
 * folder). A slug names an article (coverage/SLUG.mdx) or, for `accept`, a
 * publisher (publishers/SLUG.yaml).
 */
export function apply(contentDir: string, d: Decision, today = new Date().toISOString().slice(0, 10)): string[] {
  if (d.action === 'accept' && !fileOf(contentDir, 'coverage', d.slug)) {
    const rel = fileOf(contentDir, 'publishers', d.slug);
    if (rel) {
      const p = readCollection(contentDir, 'publishers').find((x) => x.file === rel);
      if (!p || !publisherUnreviewed(p.data)) throw new ReviewError(`${rel} : éditeur déjà relu ou écrit par un éditeur`);
      return [acceptPublisher(contentDir, d.slug)];
    }
  }
  const t = coverageTarget(contentDir, d.slug);
  switch (d.action) {
    case 'accept':
      if (!coverageUnreviewed(t.data)) throw new ReviewError(`${t.rel} : déjà relu`);
      editYaml(contentDir, t.rel, [{ path: ['provenance', 'reviewed'], value: true }]);
      return [t.rel];
    case 'lock':
      editYaml(contentDir, t.rel, [
        { path: ['provenance', 'reviewed'], value: true },
        { path: ['locked'], value: true },
      ]);
      return [t.rel];
    case 'event':
      if (d.event !== null && !eventExists(contentDir, d.event)) throw new ReviewError(`${t.rel} : événement « ${d.event} » introuvable (aucun fichier events/${d.event}.mdx)`);
      editYaml(contentDir, t.rel, [
        { path: ['event'], value: d.event ?? undefined },
        { path: ['provenance', 'grouping'], value: 'editor' },
        { path: ['provenance', 'reviewed'], value: true },
      ]);
      return [t.rel];
    case 'reject': {
      const url = String(t.data['canonicalUrl'] ?? t.data['url'] ?? '');
      if (!url) throw new ReviewError(`${t.rel} : ni canonicalUrl ni url, impossible de l’écarter pour de bon`);
      appendTombstones(join(contentDir, 'coverage'), [{ url, removed: today, file: t.rel.replace(/^coverage\//, ''), reason: 'hors sujet (relecture)' }]);
      unlinkSync(join(contentDir, t.rel));
      const changed = [t.rel, 'coverage/.tombstones.yaml'];
      // A publisher ingestion made for this article alone goes with it.
      const pubSlug = String(t.data['publisher'] ?? '');
      const pub = readCollection(contentDir, 'publishers').find((p) => p.slug === pubSlug);
      const left = readCollection(contentDir, 'coverage').some((c) => c.data['publisher'] === pubSlug);
      if (pub && publisherUnreviewed(pub.data) && !left) {
        unlinkSync(join(contentDir, pub.file));
        changed.push(pub.file);
      }
      return changed;
    }
  }
}

/** Accepts every article and publisher waiting for review; returns the files changed. */
export function acceptAll(contentDir: string): string[] {
  const changed: string[] = [];
  for (const p of readCollection(contentDir, 'publishers')) if (publisherUnreviewed(p.data)) changed.push(acceptPublisher(contentDir, p.slug));
  for (const c of readCollection(contentDir, 'coverage')) if (coverageUnreviewed(c.data)) changed.push(...apply(contentDir, { action: 'accept', slug: c.slug }));
  return changed;
}
