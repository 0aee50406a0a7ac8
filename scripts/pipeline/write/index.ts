/**
 * Write stage: one MDX file per article in content/coverage/, frontmatter made
 * by the `yaml` library and checked against the site's schema before writing.
 * Scraped strings are hostile, so they are sanitized and escaped last:
 * control and bidi characters removed, MDX and Markdown syntax escaped, so no
 * scraped string can run at build time or inject HTML. Files are written
 * atomically; a file an editor changed (the hash in its frontmatter no longer
 * matches), an editor's own entry or a locked one is never overwritten; an
 * article an editor deleted is not brought back (tombstones); a lock file
 * stops two runs at once. Errors start with « write: » and name the file.
 */
import { existsSync, readFileSync, readdirSync, writeFileSync, renameSync, mkdirSync, unlinkSync, openSync, closeSync } from 'node:fs';
import { basename, join, relative } from 'node:path';
import { hostname } from 'node:os';
import { randomBytes } from 'node:crypto';
import { Document, parse as parseYamlText, stringify } from 'yaml';
import slugify from '@sindresorhus/slugify';
import { EXCERPT_MAX, type CoverageData } from '../../../src/schemas/coverage.ts';
import { GROUPINGS } from '../../../src/schemas/vocabulary.ts';
import { normalizeDateInput } from '../../../src/lib/dates.ts';
import { checkFile, formatError } from '../../../src/lib/content-check.ts';
import { parseYaml, splitFrontmatter } from '../../../src/lib/frontmatter.ts';
import { sha256 } from '../lib/text.ts';
import { StageError } from '../lib/stage-error.ts';

export class WriteError extends StageError {
  file: string;
  constructor(file: string, detail: string) {
    super('write', file, detail);
    this.file = file;
  }
}

// ------------------------------------------------------------------ sanitizing

// eslint-disable-next-line no-control-regex
const UNSAFE = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u061c\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u206f\ufeff\ufff9-\ufffb]/g;

/** One line of safe text: NFC, no control, bidi or zero-width characters, no lone surrogates, spaces collapsed. */
export function sanitizeLine(text: string): string {
  return text
    .replace(/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g, '')
    .normalize('NFC')
    .replace(/[\r\n\t\u2028\u2029]+/g, ' ')
    .replace(UNSAFE, '')
    // Ordinary whitespace collapsed; French no-break spaces (U+00A0, U+202F) kept.
    .replace(/[^\S\u00a0\u202f]+/g, ' ')
    .replace(/^[\s]+|[\s]+$/g, '');
}

/**
 * Escapes one line of text for an MDX body so it renders as plain text:
 * braces, angle brackets and every Markdown marker are backslash-escaped,
 * entities are neutralized, autolinks broken, and a leading `import`/`export`
 * is written as a character reference.
 */
export function escapeMdx(line: string): string {
  let t = sanitizeLine(line).replace(/[\\`*_{}[\]<>#|~$&!^]/g, '\\$&');
  // GFM turns bare addresses into links even when escaped: a word joiner (U+2060, invisible) breaks them.
  t = t.replace(/:\/\//g, ':\u2060//').replace(/\b(www)\./gi, '$1\u2060.').replace(/@/g, '@\u2060');
  t = t.replace(/^([-+=])/, '\\$1').replace(/^(\d+)([.)])/, '$1\\$2');
  t = t.replace(/^(import|export)\b/, (m) => `&#${m.charCodeAt(0)};${m.slice(1)}`);
  return t;
}

/** Unescapes what escapeMdx wrote (for tests: the rendered text must equal the input). */
export function mdxEscapedText(escaped: string): string {
  return escaped.replace(/\u2060/g, '').replace(/&#(\d+);/g, (_m, n: string) => String.fromCharCode(Number(n))).replace(/\\([!-/:-@[-`{-~])/g, '$1');
}

/** A short quotation from the text: whole sentences of the first real paragraph, at most `max` characters. */
export function makeExcerpt(text: string, max = Math.min(280, EXCERPT_MAX)): string | undefined {
  const paragraphs = text.split(/\n\s*\n/).map(sanitizeLine).filter((p) => p.length >= 60);
  const first = paragraphs[0] ?? sanitizeLine(text);
  if (!first) return undefined;
  if (first.length <= max) return first;
  // Only the head can hold the excerpt; matching sentences over a whole 200 KB paragraph is quadratic.
  const sentences = first.slice(0, max * 2).match(/[^.!?…]+[.!?…]+(?:\s*[»”"])?\s*/g) ?? [];
  let out = '';
  for (const s of sentences) {
    if ((out + s).trim().length > max) break;
    out += s;
  }
  out = out.trim();
  if (out.length >= 60) return out;
  const cut = first.slice(0, max - 1);
  return `${cut.slice(0, Math.max(cut.lastIndexOf(' '), 1)).trim()}…`;
}

// --------------------------------------------------------------------- rendering

type Grouping = (typeof GROUPINGS)[number];

/** What ingestion knows of one article, before writing. */
export interface CoverageDraft {
  dossier: string;
  url: string;
  canonicalUrl: string;
  publisher: string;
  /** Name shown in the attribution line. */
  publisherName: string;
  title: string;
  author?: string | undefined;
  /** ISO 8601 (any offset) or a Paris day; stored as Paris wall time. */
  publishedAt: string;
  /** Article text, for the quotation. */
  text: string;
  /** A quotation already chosen; else taken from the text. */
  excerpt?: string | undefined;
  organizations: string[];
  event?: string | undefined;
  story?: string | undefined;
  via: string;
  grouping: Grouping;
  /** Why it was kept and attached, for editors (`npm run review`). */
  evidence?: Evidence | undefined;
}

export type Evidence = NonNullable<CoverageData['provenance']['evidence']>;

const HASH_LINE = /^ingestHash: .*\r?\n/m;

/** Hash of a file's text without its ingestHash line. */
export function fileHash(text: string): string {
  return sha256(text.replace(HASH_LINE, ''), 16);
}

/** The whole file, frontmatter and body, with its ingestHash. */
export function renderCoverage(d: CoverageDraft, fetchedAt: string): string {
  const published = normalizeDateInput(d.publishedAt);
  if (!published) throw new WriteError(d.canonicalUrl, `date de publication illisible « ${d.publishedAt} »`);
  const title = sanitizeLine(d.title).slice(0, 300);
  const excerpt = d.excerpt !== undefined ? sanitizeLine(d.excerpt).slice(0, EXCERPT_MAX) : makeExcerpt(d.text);
  const data: Record<string, unknown> = {
    dossier: d.dossier,
    url: d.url,
    canonicalUrl: d.canonicalUrl,
    publisher: d.publisher,
    title,
  };
  const author = d.author ? sanitizeLine(d.author) : '';
  if (author) data['author'] = author;
  data['publishedAt'] = published;
  if (excerpt) data['excerpt'] = excerpt;
  data['organizations'] = [...new Set(d.organizations)];
  if (d.event) data['event'] = d.event;
  if (d.story) data['story'] = d.story;
  const provenance: Record<string, unknown> = { via: sanitizeLine(d.via) || 'ingest', fetchedAt, grouping: d.grouping, reviewed: false };
  if (d.evidence) {
    const e = d.evidence;
    provenance['evidence'] = {
      score: e.score,
      threshold: e.threshold,
      terms: e.terms.map((t) => ({ term: sanitizeLine(t.term), hits: t.hits })),
      ...(e.eventScore !== undefined ? { eventScore: e.eventScore } : {}),
    };
  }
  data['provenance'] = provenance;
  data['origin'] = 'ingest';
  data['locked'] = false;
  const doc = new Document(data);
  for (const path of [['publishedAt'], ['provenance', 'fetchedAt']]) {
    const node = doc.getIn(path, true) as { type?: string } | undefined;
    if (node) node.type = 'QUOTE_SINGLE';
  }
  const yaml = doc.toString({ lineWidth: 0 });
  const attribution = `— ${sanitizeLine(d.publisherName) || d.publisher}, « ${title} »`;
  const body = excerpt ? `> ${escapeMdx(excerpt)}\n>\n> ${escapeMdx(attribution)}\n` : `${escapeMdx(attribution)}\n`;
  const unhashed = `---\n${yaml}---\n\n${body}`;
  // Quoted: an all-digit or « 1e5 »-like hex string would otherwise read as a number.
  return unhashed.replace(/\n---\n\n/, () => `\ningestHash: '${fileHash(unhashed)}'\n---\n\n`);
}

// ----------------------------------------------------------------------- lock file

export const LOCK_FILE = '.ingest.lock';

const alive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
};

/** Takes the run lock in `dir`; a stale lock (dead process on this host) is taken over. Returns a release function. */
export function acquireLock(dir: string, now = new Date()): () => void {
  mkdirSync(dir, { recursive: true });
  const path = join(dir, LOCK_FILE);
  const info = JSON.stringify({ pid: process.pid, host: hostname(), startedAt: now.toISOString() });
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const fd = openSync(path, 'wx');
      writeFileSync(fd, info);
      closeSync(fd);
      return () => {
        try {
          const current = JSON.parse(readFileSync(path, 'utf8')) as { pid: number };
          if (current.pid === process.pid) unlinkSync(path);
        } catch {
          /* already gone */
        }
      };
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw new WriteError(path, `verrou impossible à créer : ${(e as Error).message}`);
      let holder: { pid?: number; host?: string; startedAt?: string } = {};
      try {
        holder = JSON.parse(readFileSync(path, 'utf8'));
      } catch {
        /* unreadable lock: treated as held */
      }
      const stale = holder.host === hostname() && typeof holder.pid === 'number' && !alive(holder.pid);
      if (!stale || attempt > 0) {
        throw new WriteError(path, `une autre ingestion est en cours (pid ${holder.pid ?? '?'} sur ${holder.host ?? '?'}, depuis ${holder.startedAt ?? '?'}) ; supprimez ce fichier si ce n’est plus le cas`);
      }
      unlinkSync(path);
    }
  }
  throw new WriteError(path, 'verrou impossible à prendre');
}

// ------------------------------------------------------------------------- store

export const MANIFEST_FILE = '.ingest-manifest.json';
export const TOMBSTONES_FILE = '.tombstones.yaml';

export type WriteOutcome = 'new' | 'updated' | 'unchanged' | 'locked' | 'reviewed' | 'edited' | 'editor' | 'tombstoned' | 'invalid';

export interface WriteResult {
  outcome: WriteOutcome;
  file: string;
  /** Why it was not written (invalid, edited…). */
  detail?: string;
}

interface Existing {
  file: string;
  text: string;
  data: Record<string, unknown> | null;
}

/** What an existing entry says of its grouping. */
export interface KnownEntry {
  canonicalUrl: string;
  story?: string;
  event?: string;
  grouping?: Grouping;
  /** The event similarity stored with the entry's evidence. */
  eventScore?: number;
}

export interface Tombstone {
  url: string;
  removed?: string;
  file?: string;
  /** Why (« hors sujet » when an editor rejected it in the review queue). */
  reason?: string;
}

/** Adds tombstones to the coverage folder's list, after what is there, so an editor's comments and entries stay as they are. */
export function appendTombstones(dir: string, list: Tombstone[]): void {
  const path = join(dir, TOMBSTONES_FILE);
  const text = existsSync(path) ? readFileSync(path, 'utf8') : '';
  const head = text.trim() && !/^\s*\[\s*\]\s*$/m.test(text)
    ? `${text.replace(/\s*$/, '')}\n`
    : '# Articles supprimés par un éditeur : l’ingestion ne les recrée jamais. Ajoutez « - url: … » pour en écarter un.\n';
  mkdirSync(dir, { recursive: true });
  atomicWrite(path, `${head}${stringify(list, { lineWidth: 0 })}`);
}

/** Writes a file through a temporary one and a rename: a reader never sees half of it. */
export function atomicWrite(path: string, text: string) {
  const tmp = join(path, '..', `.${basename(path)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
  writeFileSync(tmp, text);
  renameSync(tmp, path);
}

/**
 * The coverage folder as ingestion sees it: existing files by canonical URL,
 * the manifest of files ingestion wrote, and the tombstones.
 */
export class CoverageStore {
  dir: string;
  dryRun: boolean;
  now: () => Date;
  private byCanonical = new Map<string, Existing>();
  private byFile = new Map<string, Existing>();
  private manifest: Record<string, string> = {};
  private manifestText = '';
  private tombstones: Tombstone[] = [];
  private tombstoneText = '';
  private newTombstones: Tombstone[] = [];
  private claimed = new Set<string>();

  constructor(dir: string, opts: { dryRun?: boolean; now?: () => Date } = {}) {
    this.dir = dir;
    this.dryRun = opts.dryRun ?? false;
    this.now = opts.now ?? (() => new Date());
    this.load();
  }

  private load() {
    if (existsSync(this.dir)) {
      for (const name of readdirSync(this.dir)) {
        if (!/\.mdx?$/.test(name) || name.startsWith('.') || name.startsWith('_')) continue;
        const text = readFileSync(join(this.dir, name), 'utf8');
        const parts = splitFrontmatter(text);
        const parsed = parts.hasFrontmatter ? parseYaml(parts.yaml) : null;
        const data = parsed && !parsed.error && parsed.data && typeof parsed.data === 'object' ? (parsed.data as Record<string, unknown>) : null;
        const e: Existing = { file: name, text, data };
        this.byFile.set(name, e);
        if (data && typeof data['canonicalUrl'] === 'string') this.byCanonical.set(data['canonicalUrl'], e);
        if (data && typeof data['url'] === 'string' && !this.byCanonical.has(data['url'])) this.byCanonical.set(data['url'], e);
      }
    }
    const mPath = join(this.dir, MANIFEST_FILE);
    if (existsSync(mPath)) {
      this.manifestText = readFileSync(mPath, 'utf8');
      try {
        this.manifest = (JSON.parse(this.manifestText) as { files?: Record<string, string> }).files ?? {};
      } catch {
        throw new WriteError(mPath, 'manifeste illisible (JSON invalide)');
      }
    }
    const tPath = join(this.dir, TOMBSTONES_FILE);
    if (existsSync(tPath)) {
      this.tombstoneText = readFileSync(tPath, 'utf8');
      const parsed = parseYamlText(this.tombstoneText) as unknown;
      if (parsed !== null && !Array.isArray(parsed)) throw new WriteError(tPath, 'liste attendue : une entrée « - url: … » par article supprimé');
      this.tombstones = ((parsed as unknown[] | null) ?? []).map((t) => (typeof t === 'string' ? { url: t } : (t as Tombstone))).filter((t) => t && typeof t.url === 'string');
    }
  }

  /** Canonical URLs already present, with story, event and grouping, for grouping. */
  known(): KnownEntry[] {
    const out: KnownEntry[] = [];
    for (const e of this.byFile.values()) {
      if (!e.data || typeof e.data['canonicalUrl'] !== 'string') continue;
      const k: KnownEntry = { canonicalUrl: e.data['canonicalUrl'] };
      if (typeof e.data['story'] === 'string') k.story = e.data['story'];
      if (typeof e.data['event'] === 'string') k.event = e.data['event'];
      const g = (e.data['provenance'] as { grouping?: unknown } | undefined)?.grouping;
      if (typeof g === 'string' && (GROUPINGS as readonly string[]).includes(g)) k.grouping = g as Grouping;
      const score = (e.data['provenance'] as { evidence?: { eventScore?: unknown } } | undefined)?.evidence?.eventScore;
      if (typeof score === 'number') k.eventScore = score;
      out.push(k);
    }
    return out;
  }

  isTombstoned(canonicalUrl: string): boolean {
    return this.tombstones.some((t) => t.url === canonicalUrl);
  }

  private fileNameFor(d: CoverageDraft): string {
    const full = slugify(`${d.publisher} ${sanitizeLine(d.title)}`, { separator: '-' });
    const slug = (full.length > 80 ? full.slice(0, 80).replace(/-[^-]*$/, '') : full) || `${d.publisher}-article`;
    const clean = slug.replace(/^-+|-+$/g, '') || 'article';
    let name = `${clean}.mdx`;
    if (this.byFile.has(name) || this.claimed.has(name) || existsSync(join(this.dir, name))) name = `${clean}-${sha256(d.canonicalUrl, 6)}.mdx`;
    return name;
  }

  /** Writes one article, or says why not. */
  write(d: CoverageDraft): WriteResult {
    if (this.isTombstoned(d.canonicalUrl)) return { outcome: 'tombstoned', file: this.manifest[d.canonicalUrl] ?? '' };
    const manifestFile = this.manifest[d.canonicalUrl];
    const existing = this.byCanonical.get(d.canonicalUrl) ?? (manifestFile ? this.byFile.get(manifestFile) : undefined);
    if (!existing && manifestFile && !existsSync(join(this.dir, manifestFile))) {
      // Ingestion wrote it once and it is gone: an editor deleted it.
      const t = { url: d.canonicalUrl, removed: this.now().toISOString().slice(0, 10), file: manifestFile };
      this.tombstones.push(t);
      this.newTombstones.push(t);
      return { outcome: 'tombstoned', file: manifestFile };
    }
    const fetchedNow = normalizeDateInput(this.now().toISOString()) ?? this.now().toISOString().slice(0, 10);
    if (existing) {
      const data = existing.data;
      if (data?.['locked'] === true) return { outcome: 'locked', file: existing.file };
      if (data?.['origin'] === 'editor') return { outcome: 'editor', file: existing.file };
      // Accepted by an editor (npm run review): the editor's version stands.
      if ((data?.['provenance'] as { reviewed?: unknown } | undefined)?.reviewed === true) return { outcome: 'reviewed', file: existing.file };
      const stored = /^ingestHash: '?([0-9a-f]+)'?\s*$/m.exec(existing.text)?.[1];
      if (!data || !stored || stored !== fileHash(existing.text)) {
        return { outcome: 'edited', file: existing.file, detail: 'modifié par un éditeur depuis la dernière ingestion' };
      }
      const prevFetched = (data['provenance'] as { fetchedAt?: unknown } | undefined)?.fetchedAt;
      const same = renderCoverage(d, typeof prevFetched === 'string' ? prevFetched : fetchedNow);
      if (same === existing.text) {
        this.claimed.add(existing.file);
        this.manifest[d.canonicalUrl] = existing.file;
        return { outcome: 'unchanged', file: existing.file };
      }
      return this.commit(existing.file, renderCoverage(d, fetchedNow), d, 'updated');
    }
    return this.commit(this.fileNameFor(d), renderCoverage(d, fetchedNow), d, 'new');
  }

  private commit(file: string, text: string, d: CoverageDraft, outcome: 'new' | 'updated'): WriteResult {
    const path = join(this.dir, file);
    const checked = checkFile('coverage', path, relative(join(this.dir, '..', '..'), path), text);
    if (checked.errors.length) return { outcome: 'invalid', file, detail: checked.errors.map(formatError).join(' ; ') };
    this.claimed.add(file);
    this.manifest[d.canonicalUrl] = file;
    if (!this.dryRun) {
      mkdirSync(this.dir, { recursive: true });
      if (outcome === 'new' && existsSync(path)) return { outcome: 'invalid', file, detail: 'un fichier de ce nom existe déjà' };
      atomicWrite(path, text);
      const e: Existing = { file, text, data: checkFile('coverage', path, file, text).data ?? null };
      this.byFile.set(file, e);
      this.byCanonical.set(d.canonicalUrl, e);
    }
    return { outcome, file };
  }

  /** Saves the manifest and tombstones when they changed (nothing is written otherwise). */
  close(): string[] {
    const written: string[] = [];
    if (this.dryRun) return written;
    const sorted = Object.fromEntries(Object.entries(this.manifest).sort(([a], [b]) => a.localeCompare(b)));
    const mText = `${JSON.stringify({ version: 1, about: 'Fichiers écrits par l’ingestion (adresse canonique → fichier) : sert à reconnaître un article supprimé par un éditeur.', files: sorted }, null, 2)}\n`;
    if (Object.keys(sorted).length && mText !== this.manifestText) {
      mkdirSync(this.dir, { recursive: true });
      atomicWrite(join(this.dir, MANIFEST_FILE), mText);
      written.push(MANIFEST_FILE);
    }
    if (this.newTombstones.length) {
      appendTombstones(this.dir, this.newTombstones);
      written.push(TOMBSTONES_FILE);
    }
    return written;
  }
}
