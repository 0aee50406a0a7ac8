/**
 * `npm run new -- <type> "Titre" [options]`: writes a new, valid entry with a
 * unique slug and today's date (Paris), ready for an editor to complete.
 *
 *   npm run new -- evenement "Titre" --source URL [--publisher "Nom"] [--kind KIND] [--speaker QUI]
 *   npm run new -- couverture "Titre de l'article" --url URL [--publisher SLUG] [--event SLUG]
 *   npm run new -- organisation "Nom" [--kind KIND] [--website URL]
 *   npm run new -- editeur "Nom" --domain exemple.fr [--website URL]
 *
 * The YAML is produced by the `yaml` library (never by pasting user text), the
 * result is validated by the same checker as `npm run check` before it is
 * written, and the file is created exclusively: nothing is ever overwritten.
 * `NEW_ENTRY_TODAY=AAAA-MM-JJ` fixes « today » (tests).
 */
import { existsSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { basename, extname, join, relative, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { TZDate } from '@date-fns/tz';
import { Document, visit } from 'yaml';
import { COLLECTIONS, type CollectionName } from '../src/schemas/index.ts';
import { webUrl } from '../src/schemas/fields.ts';
import { EVENT_KINDS, ORGANIZATION_KINDS, SPEAKER_ROLES, type EventKind, type OrganizationKind } from '../src/schemas/vocabulary.ts';
import { checkContent, checkFile, formatError, type LoadedEntry } from '../src/lib/content-check.ts';
import { PARIS, normalizeDateInput } from '../src/lib/dates.ts';
import { isSlug, slugifyTitle, uniqueSlug } from '../src/lib/slug.ts';

/** Entry types as editors type them (French first), and the collection each one writes to. */
export const ENTRY_TYPES: Record<string, CollectionName> = {
  evenement: 'events',
  'événement': 'events',
  event: 'events',
  couverture: 'coverage',
  article: 'coverage',
  coverage: 'coverage',
  organisation: 'organizations',
  organization: 'organizations',
  editeur: 'publishers',
  'éditeur': 'publishers',
  publication: 'publishers',
  publisher: 'publishers',
};

export const USAGE = `Usage : npm run new -- <type> "Titre" [options]

Types :
  evenement     un événement de la chronologie (content/events/)
  couverture    un article de presse (content/coverage/)
  organisation  une organisation (content/organizations/)
  editeur       un média ou éditeur de sources (content/publishers/) ; aussi « publication »

Options :
  evenement     --source URL (obligatoire : la page qui rapporte le fait)
                --publisher "Nom" (qui publie la source ; sinon déduit du domaine)
                --kind ${Object.keys(EVENT_KINDS).join('|')} (défaut : context)
                --speaker ORGANISATION|${Object.keys(SPEAKER_ROLES).join('|')} (obligatoire si --kind statement)
                --org SLUG (répétable) --dossier SLUG
  couverture    --url URL (obligatoire : l'adresse de l'article)
                --publisher SLUG (sinon trouvé par le domaine de l'URL) --event SLUG
                --author "Nom" --org SLUG (répétable) --dossier SLUG
  organisation  --kind ${Object.keys(ORGANIZATION_KINDS).join('|')} (défaut : autre) --website URL
  editeur       --domain exemple.fr (obligatoire, répétable ; ou déduit de --website URL)
  tous          --date AAAA-MM-JJ ou AAAA-MM-JJTHH:MM (défaut : aujourd'hui, heure de Paris)
                --slug SLUG (imposer le nom du fichier ; refusé s'il existe déjà)
                --content DIR (défaut : $CONTENT_DIR ou content/)

Exemple :
  npm run new -- evenement "La CNIL ouvre des investigations" --source https://presse.example/article --kind regulatory`;

/** A failure the editor can fix: printed with its exit code (2 for bad usage, 1 for a refusal). */
export class EntryError extends Error {
  readonly code: number;
  constructor(message: string, code = 2) {
    super(message);
    this.code = code;
  }
}

export interface RunOptions {
  cwd?: string;
  env?: Record<string, string | undefined>;
  /** The current instant (tests). */
  now?: Date;
  out?: (line: string) => void;
  err?: (line: string) => void;
}

export interface Created {
  collection: CollectionName;
  slug: string;
  path: string;
  text: string;
  /** What the editor still has to fill, one line each. */
  todo: string[];
  /** Errors already present in the content tree (not caused by this entry). */
  contentErrors: number;
}

/** « AAAA-MM-JJ » of `now` in Paris. */
export function parisToday(now: Date = new Date()): string {
  const p = new TZDate(now.getTime(), PARIS);
  return `${p.getFullYear()}-${String(p.getMonth() + 1).padStart(2, '0')}-${String(p.getDate()).padStart(2, '0')}`;
}

/** The canonical form of an article address: no fragment, no tracking parameters. */
export function canonicalArticleUrl(url: string): string {
  const u = new URL(url);
  u.hash = '';
  for (const key of [...u.searchParams.keys()]) {
    if (/^(utm_|at_|xtor$|fbclid$|gclid$|mc_cid$|mc_eid$|ref$|from$|amp$)/i.test(key)) u.searchParams.delete(key);
  }
  return u.toString();
}

const hostOf = (url: string) => new URL(url).hostname.toLowerCase().replace(/^www\./, '');

/** Slugs present in a collection folder, whatever their extension (foo.md and foo.mdx collide). */
function takenSlugs(dir: string): Set<string> {
  if (!existsSync(dir)) return new Set();
  return new Set(
    readdirSync(dir, { recursive: true, withFileTypes: true })
      .filter((d) => d.isFile())
      .map((d) => basename(d.name, extname(d.name))),
  );
}

function checkUrl(value: string, option: string): string {
  if (!webUrl.safeParse(value).success) {
    throw new EntryError(`--${option} « ${value} » : adresse web invalide ; attendu une URL http:// ou https:// complète`);
  }
  return value;
}

function checkDate(value: string): string {
  const normalized = normalizeDateInput(value);
  if (!normalized) throw new EntryError(`--date « ${value} » : date invalide ; attendu AAAA-MM-JJ ou AAAA-MM-JJTHH:MM (heure de Paris)`);
  return normalized;
}

function checkEnum<T extends string>(value: string, allowed: readonly T[], option: string): T {
  if (!(allowed as readonly string[]).includes(value)) {
    throw new EntryError(`--${option} « ${value} » non autorisé ; valeurs permises : ${allowed.join(', ')}`);
  }
  return value as T;
}

/** What the content tree already holds, for defaults and reference checks. */
class ContentIndex {
  readonly dir: string;
  readonly entries: LoadedEntry[];
  readonly errorCount: number;
  private readonly slugs = new Map<CollectionName, Set<string>>();

  constructor(dir: string) {
    this.dir = dir;
    const { entries, errors } = existsSync(dir) ? checkContent(dir) : { entries: [], errors: [] };
    this.entries = entries;
    this.errorCount = errors.length;
  }

  folder(collection: CollectionName) {
    return join(this.dir, COLLECTIONS[collection].dir);
  }

  taken(collection: CollectionName): Set<string> {
    let set = this.slugs.get(collection);
    if (!set) this.slugs.set(collection, (set = takenSlugs(this.folder(collection))));
    return set;
  }

  requireRef(collection: CollectionName, slug: string, option: string): string {
    if (!this.taken(collection).has(slug)) {
      const known = [...this.taken(collection)].sort();
      throw new EntryError(
        `--${option} « ${slug} » introuvable dans ${COLLECTIONS[collection].dir}/ ; ${known.length ? `existants : ${known.slice(0, 20).join(', ')}${known.length > 20 ? '…' : ''}` : 'aucune entrée'}`,
      );
    }
    return slug;
  }

  /** The dossier given, or the main one. */
  dossier(given: string | undefined): string {
    if (given) return this.requireRef('dossiers', given, 'dossier');
    const dossiers = this.entries.filter((e) => e.collection === 'dossiers');
    const main = dossiers.filter((d) => d.data.main === true);
    const chosen = main.length === 1 ? main[0] : dossiers.length === 1 ? dossiers[0] : undefined;
    if (!chosen) {
      throw new EntryError(
        dossiers.length === 0
          ? `aucun dossier valide dans ${relative(process.cwd(), this.folder('dossiers')) || '.'} ; précisez --dossier SLUG`
          : `plusieurs dossiers et pas un seul avec main: true ; précisez --dossier SLUG (${dossiers.map((d) => d.slug).join(', ')})`,
      );
    }
    return chosen.slug;
  }

  publisherForDomain(host: string): LoadedEntry | undefined {
    return this.entries.find(
      (e) => e.collection === 'publishers' && (e.data.domains as string[]).some((d) => host === d || host.endsWith(`.${d}`)),
    );
  }

  coverageWithCanonical(url: string): LoadedEntry | undefined {
    return this.entries.find((e) => e.collection === 'coverage' && e.data.canonicalUrl === url);
  }
}

type Values = ReturnType<typeof parse>['values'];

function parse(argv: string[]) {
  return parseArgs({
    args: argv,
    allowPositionals: true,
    strict: true,
    options: {
      content: { type: 'string' },
      date: { type: 'string' },
      slug: { type: 'string' },
      source: { type: 'string' },
      url: { type: 'string' },
      publisher: { type: 'string' },
      kind: { type: 'string' },
      speaker: { type: 'string' },
      org: { type: 'string', multiple: true },
      dossier: { type: 'string' },
      event: { type: 'string' },
      author: { type: 'string' },
      website: { type: 'string' },
      domain: { type: 'string', multiple: true },
      help: { type: 'boolean', short: 'h' },
    },
  });
}

const ALLOWED_OPTIONS: Record<CollectionName, string[]> = {
  events: ['source', 'url', 'publisher', 'kind', 'speaker', 'org', 'dossier'],
  coverage: ['url', 'source', 'publisher', 'event', 'author', 'org', 'dossier'],
  organizations: ['kind', 'website'],
  publishers: ['domain', 'website'],
  dossiers: [],
};
const COMMON_OPTIONS = ['content', 'date', 'slug', 'help'];

/** Organisation slugs from repeatable, comma-separated `--org`. */
const orgList = (index: ContentIndex, values: Values) =>
  [...new Set((values.org ?? []).flatMap((o) => o.split(',')).map((o) => o.trim()).filter(Boolean))].map((o) =>
    index.requireRef('organizations', o, 'org'),
  );

interface Draft {
  data: Record<string, unknown>;
  body: string;
  todo: string[];
}

function eventDraft(index: ContentIndex, title: string, date: string, v: Values): Draft {
  const source = v.source ?? v.url;
  if (!source) {
    throw new EntryError(
      'un événement doit citer au moins une source : ajoutez --source URL (l\'adresse exacte de la page qui rapporte le fait, prise dans la base de faits)',
    );
  }
  if (v.source && v.url && v.source !== v.url) throw new EntryError('--source et --url donnent deux adresses différentes : gardez-en une seule');
  checkUrl(source, 'source');
  const kind: EventKind = checkEnum(v.kind ?? 'context', Object.keys(EVENT_KINDS) as EventKind[], 'kind');
  let speaker: Record<string, string> | undefined;
  if (v.speaker) {
    speaker = v.speaker in SPEAKER_ROLES ? { role: v.speaker } : { organization: index.requireRef('organizations', v.speaker, 'speaker') };
  } else if (kind === 'statement') {
    throw new EntryError(
      `une déclaration (--kind statement) doit dire qui parle : --speaker SLUG-ORGANISATION ou un rôle (${Object.keys(SPEAKER_ROLES).join(', ')})`,
    );
  }
  const host = hostOf(source);
  const publisher = v.publisher?.trim() || String(index.publisherForDomain(host)?.data.name ?? host);
  const todo = [
    `kind : type d'événement (actuellement « ${kind} ») ; valeurs : ${Object.keys(EVENT_KINDS).join(', ')}`,
    `date : « ${date} »${v.date ? '' : " (aujourd'hui)"} ; mettez la date du fait, pas celle de la saisie, et sa précision (precision: day, month…)`,
    `sources[0] : vérifiez publisher (« ${publisher} »), ajoutez title (titre exact de la page) et published (sa date)`,
    'organizations, exposed, notExposed, figures : à remplir si la source en parle',
    'status : « rapporté » par défaut ; « confirmé » seulement si l\'organisation concernée ou une autorité le confirme',
    'le texte sous l\'en-tête : remplacez le paragraphe « À RÉDIGER » par les faits, dans nos propres mots',
  ];
  return {
    data: {
      dossier: index.dossier(v.dossier),
      title,
      date,
      precision: date.includes('T') ? 'minute' : 'day',
      kind,
      ...(speaker ? { speaker } : {}),
      organizations: orgList(index, v),
      exposed: [],
      notExposed: [],
      figures: [],
      sources: [{ url: source, publisher }],
      status: 'rapporté',
      corrections: [],
    },
    body: "À RÉDIGER (TODO) : ce que rapporte la source, en deux ou trois phrases, dans nos propres mots. Pas de copier-coller de l'article.\n",
    todo,
  };
}

function coverageDraft(index: ContentIndex, title: string, date: string, v: Values): Draft {
  const url = v.url ?? v.source;
  if (!url) throw new EntryError("un article de presse a une adresse : ajoutez --url URL (l'adresse de l'article)");
  if (v.source && v.url && v.source !== v.url) throw new EntryError('--source et --url donnent deux adresses différentes : gardez-en une seule');
  checkUrl(url, 'url');
  const canonicalUrl = canonicalArticleUrl(url);
  const twin = index.coverageWithCanonical(canonicalUrl);
  if (twin) throw new EntryError(`cet article est déjà décrit par ${twin.file} (canonicalUrl « ${canonicalUrl} ») ; complétez ce fichier plutôt`, 1);
  const host = hostOf(url);
  let publisher: string;
  if (v.publisher) {
    publisher = index.requireRef('publishers', v.publisher, 'publisher');
  } else {
    const found = index.publisherForDomain(host);
    if (!found) {
      throw new EntryError(
        `aucun éditeur connu pour le domaine « ${host} » : créez-le d'abord (npm run new -- editeur "Nom du média" --domain ${host}) ou précisez --publisher SLUG`,
      );
    }
    publisher = found.slug;
  }
  const todo = [
    `publishedAt : « ${date} »${v.date ? '' : " (aujourd'hui)"} ; mettez la date de parution de l'article (avec l'heure si elle est affichée : '2024-02-07T14:30')`,
    'title : le titre exact de l\'article, tel que publié',
    'author, excerpt (citation courte, 300 caractères au plus) : si utiles',
    `event : l'événement que l'article rapporte${v.event ? '' : ' (absent pour l\'instant)'} ; organizations : les organisations qu'il nomme`,
  ];
  return {
    data: {
      dossier: index.dossier(v.dossier),
      url,
      canonicalUrl,
      publisher,
      title,
      ...(v.author ? { author: v.author } : {}),
      publishedAt: date,
      organizations: orgList(index, v),
      ...(v.event ? { event: index.requireRef('events', v.event, 'event') } : {}),
      provenance: { via: 'editor', grouping: 'editor', reviewed: true },
      origin: 'editor',
      locked: true,
    },
    body: '',
    todo,
  };
}

function organizationDraft(_index: ContentIndex, name: string, _date: string, v: Values): Draft {
  const kind: OrganizationKind = checkEnum(v.kind ?? 'autre', Object.keys(ORGANIZATION_KINDS) as OrganizationKind[], 'kind');
  return {
    data: {
      name,
      aliases: [],
      kind,
      ...(v.website ? { website: checkUrl(v.website, 'website') } : {}),
      relations: [],
      description: 'À RÉDIGER (TODO) : qui est cette organisation et son rôle dans le dossier, en une ou deux phrases, dans nos propres mots.',
      sources: [],
    },
    body: '',
    todo: [
      `kind : type d'organisation (actuellement « ${kind} ») ; valeurs : ${Object.keys(ORGANIZATION_KINDS).join(', ')}`,
      'description : remplacez le texte « À RÉDIGER », et citez ses sources dans sources',
      'aliases : autres graphies employées par la presse (avec ou sans accent, sigle…)',
      'relations : par exemple { type: client-de, target: almerys, source: URL }',
    ],
  };
}

function publisherDraft(_index: ContentIndex, name: string, _date: string, v: Values): Draft {
  const website = v.website ? checkUrl(v.website, 'website') : undefined;
  const domains = [...new Set((v.domain ?? []).flatMap((d) => d.split(',')).map((d) => d.trim().toLowerCase().replace(/^www\./, '')).filter(Boolean))];
  if (domains.length === 0 && website) domains.push(hostOf(website));
  if (domains.length === 0) throw new EntryError('un éditeur a au moins un domaine : ajoutez --domain exemple.fr (sans « www. »), ou --website URL');
  return {
    data: { name, domains, ...(website ? { website } : {}), feeds: [], language: 'fr' },
    body: '',
    todo: ['feeds : flux RSS ou Atom du média que la collecte peut lire', 'hints : sélecteurs CSS si l\'extraction automatique se trompe sur ce site'],
  };
}

const DRAFTS: Partial<Record<CollectionName, (index: ContentIndex, title: string, date: string, v: Values) => Draft>> = {
  events: eventDraft,
  coverage: coverageDraft,
  organizations: organizationDraft,
  publishers: publisherDraft,
};

/** YAML text of an entry; dates are single-quoted so they stay Paris time whatever parser reads them. */
export function toYaml(data: Record<string, unknown>, comment?: string): string {
  const doc = new Document(data);
  visit(doc, {
    Scalar(_key, node) {
      if (typeof node.value === 'string' && /^\d{4}-\d{2}-\d{2}/.test(node.value)) node.type = 'QUOTE_SINGLE';
    },
  });
  if (comment) doc.commentBefore = comment;
  return doc.toString({ lineWidth: 0 });
}

/** Builds, validates and writes a new entry. Throws EntryError on any problem. */
export function createEntry(argv: string[], options: RunOptions = {}): Created {
  const cwd = options.cwd ?? process.cwd();
  const env = options.env ?? process.env;
  let parsed: ReturnType<typeof parse>;
  try {
    parsed = parse(argv);
  } catch (e) {
    const { code, message } = e as Error & { code?: string };
    const option = /'(-[^' ]+)/.exec(message)?.[1] ?? '';
    const french =
      code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION'
        ? `option inconnue « ${option} »`
        : code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE'
          ? `option « ${option} » sans valeur (ou valeur inattendue)`
          : message;
    throw new EntryError(`${french}\n\n${USAGE}`);
  }
  const { values, positionals } = parsed;
  const [typeArg, ...titleParts] = positionals;
  if (!typeArg) throw new EntryError(`type d'entrée manquant.\n\n${USAGE}`);
  const collection = ENTRY_TYPES[typeArg.toLowerCase()];
  if (!collection) throw new EntryError(`type d'entrée « ${typeArg} » inconnu ; types permis : evenement, couverture, organisation, editeur.\n\n${USAGE}`);
  const title = titleParts.join(' ').replace(/\s+/g, ' ').trim();
  if (!title) throw new EntryError(`titre manquant : npm run new -- ${typeArg} "Titre entre guillemets"\n\n${USAGE}`);
  const allowed = [...COMMON_OPTIONS, ...ALLOWED_OPTIONS[collection]];
  const extra = Object.keys(values).filter((k) => !allowed.includes(k));
  if (extra.length) throw new EntryError(`option(s) sans objet pour « ${typeArg} » : ${extra.map((k) => `--${k}`).join(', ')}\n\n${USAGE}`);

  const fixedToday = env.NEW_ENTRY_TODAY || undefined;
  if (fixedToday !== undefined && (!/^\d{4}-\d{2}-\d{2}$/.test(fixedToday) || !normalizeDateInput(fixedToday))) {
    throw new EntryError(`NEW_ENTRY_TODAY « ${fixedToday} » : attendu une date AAAA-MM-JJ`);
  }
  const today = fixedToday ?? parisToday(options.now);
  const date = values.date ? checkDate(values.date) : today;

  const contentDir = resolve(cwd, values.content || env.CONTENT_DIR || 'content');
  const index = new ContentIndex(contentDir);
  const draft = DRAFTS[collection]!(index, title, date, values);

  const spec = COLLECTIONS[collection];
  const ext = spec.extensions[0];
  const isData = ext === '.yaml';
  const comment = ` Brouillon créé par « npm run new » le ${today}. À compléter (voir CONTRIBUTING.md), puis : npm run check`;
  const yaml = toYaml(draft.data, comment);
  const text = isData ? yaml : `---\n${yaml}---\n${draft.body ? `\n${draft.body}` : ''}`;

  let slug: string;
  if (values.slug !== undefined) {
    if (!isSlug(values.slug)) throw new EntryError(`--slug « ${values.slug} » invalide : minuscules sans accents, chiffres et tirets (ex. « cnil-annonce-33-millions »)`);
    slug = values.slug;
  } else {
    slug = slugifyTitle(title);
    if (!slug) throw new EntryError(`le titre « ${title} » ne contient ni lettre ni chiffre : impossible d'en tirer un nom de fichier ; donnez --slug`);
  }
  const folder = index.folder(collection);
  const display = (p: string) => {
    const rel = relative(cwd, p);
    return rel && !rel.startsWith('..') ? rel : p;
  };

  // Same validation as `npm run check`, before anything is written.
  const checked = checkFile(collection, join(folder, `${slug}${ext}`), display(join(folder, `${slug}${ext}`)), text);
  if (checked.errors.length) {
    throw new EntryError(`l'entrée serait invalide, rien n'a été écrit :\n${checked.errors.map((e) => `  - ${formatError(e)}`).join('\n')}`);
  }

  mkdirSync(folder, { recursive: true });
  const taken = index.taken(collection);
  for (let attempt = 0; attempt < 50; attempt++) {
    const candidate = values.slug !== undefined ? slug : uniqueSlug(slug, taken);
    const path = join(folder, `${candidate}${ext}`);
    if (values.slug !== undefined && taken.has(candidate)) {
      throw new EntryError(`${display(path.replace(/\.[^.]+$/, ''))}.* existe déjà : refus d'écraser une entrée ; choisissez un autre --slug ou modifiez le fichier existant`, 1);
    }
    try {
      writeFileSync(path, text, { flag: 'wx' });
      return { collection, slug: candidate, path: display(path), text, todo: draft.todo, contentErrors: index.errorCount };
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
      if (values.slug !== undefined) throw new EntryError(`${display(path)} existe déjà : refus d'écraser ; choisissez un autre --slug`, 1);
      taken.add(candidate); // created meanwhile by someone else: take the next number
    }
  }
  throw new EntryError(`impossible de trouver un nom libre pour « ${slug} »`, 1);
}

/** The command: prints the path created and what to complete; returns the exit code. */
export function run(argv: string[], options: RunOptions = {}): number {
  const out = options.out ?? ((l: string) => console.log(l));
  const err = options.err ?? ((l: string) => console.error(l));
  if (argv.includes('--help') || argv.includes('-h') || argv[0] === 'aide') {
    out(USAGE);
    return 0;
  }
  try {
    const created = createEntry(argv, options);
    out(`Créé : ${created.path}`);
    out('');
    out('À compléter avant publication (détail des champs dans CONTRIBUTING.md) :');
    for (const line of created.todo) out(`  - ${line}`);
    out('');
    out('Puis vérifiez : npm run check');
    if (created.contentErrors) out(`(Attention : le contenu existant comptait déjà ${created.contentErrors} erreur(s) ; npm run check les détaille.)`);
    return 0;
  } catch (e) {
    if (e instanceof EntryError) {
      err(`npm run new : ${e.message}`);
      return e.code;
    }
    throw e;
  }
}

if (import.meta.main) process.exit(run(process.argv.slice(2)));
