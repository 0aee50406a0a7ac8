/**
 * Rules that span several entries (the schemas check one file at a time):
 * dossiers agree between linked entries, headline figures exist, nothing is
 * dated in the future, no article is described twice, no article claims a day
 * its own text says is unknown.
 */
import type { ContentError, LoadedEntry } from './content-check.ts';
import { parisToday } from './dates.ts';

type Data = Record<string, any>;
const of = (entries: readonly LoadedEntry[], collection: LoadedEntry['collection']) => entries.filter((e) => e.collection === collection);

/** Articles point at events of their own dossier, or at events that link to it (`related`); context entries link to other dossiers. */
function dossierLinks(entries: readonly LoadedEntry[]): ContentError[] {
  const errors: ContentError[] = [];
  const eventDossier = new Map(of(entries, 'events').map((e) => [e.slug, String(e.data.dossier)]));
  // A context event told in one dossier and linked to another (`related`) may carry that other dossier's articles.
  const eventRelated = new Map(of(entries, 'events').map((e) => [e.slug, ((e.data as Data).related ?? []) as string[]]));
  for (const e of of(entries, 'coverage')) {
    const d = e.data as Data;
    const linked: [string, string][] = [
      ...(d.event ? [['event', d.event] as [string, string]] : []),
      ...((d.alsoEvents ?? []) as string[]).map((slug, i) => [`alsoEvents[${i}]`, slug] as [string, string]),
    ];
    for (const [field, slug] of linked) {
      const other = eventDossier.get(slug);
      if (other && other !== d.dossier && !eventRelated.get(slug)?.includes(String(d.dossier))) {
        errors.push({ file: e.file, field, message: `l'événement « ${slug} » appartient au dossier « ${other} », pas à « ${String(d.dossier)} » (ni ne le cite dans related)` });
      }
    }
  }
  for (const e of of(entries, 'events')) {
    const d = e.data as Data;
    ((d.related ?? []) as string[]).forEach((slug, i) => {
      if (slug === d.dossier) errors.push({ file: e.file, field: `related[${i}]`, message: `« ${slug} » est le dossier de l'entrée elle-même ; related nomme d'autres dossiers` });
    });
  }
  return errors;
}

/**
 * Every headline figure of a dossier is claimed by at least one of its events.
 * Skipped while an event file is invalid: its figures are unknown, and it is already reported.
 */
function keyFiguresExist(entries: readonly LoadedEntry[], invalidEvents: number): ContentError[] {
  const errors: ContentError[] = [];
  if (invalidEvents > 0) return errors;
  for (const dossier of of(entries, 'dossiers')) {
    const keys = new Set(
      of(entries, 'events')
        .filter((e) => e.data.dossier === dossier.slug)
        .flatMap((e) => ((e.data as Data).figures ?? []).map((f: Data) => f.key)),
    );
    ((dossier.data as Data).keyFigures ?? []).forEach((k: Data, i: number) => {
      if (!keys.has(k.key)) errors.push({ file: dossier.file, field: `keyFigures[${i}].key`, message: `aucun événement du dossier ne donne de chiffre « ${k.key} » (clés connues : ${[...keys].sort().join(', ') || 'aucune'})` });
    });
  }
  return errors;
}

/** Dates an entry states, with their field paths. */
function datesOf(e: LoadedEntry): [string, string][] {
  const d = e.data as Data;
  const out: [string, string][] = [];
  const add = (field: string, v: unknown) => typeof v === 'string' && out.push([field, v]);
  if (e.collection === 'events') {
    add('date', d.date);
    add('updated', d.updated);
    (d.sources ?? []).forEach((s: Data, i: number) => add(`sources[${i}].published`, s.published));
    (d.figures ?? []).forEach((f: Data, i: number) => add(`figures[${i}].asOf`, f.asOf));
    (d.corrections ?? []).forEach((c: Data, i: number) => add(`corrections[${i}].date`, c.date));
  } else if (e.collection === 'coverage') {
    add('publishedAt', d.publishedAt);
  } else if (e.collection === 'dossiers') {
    add('period.start', d.period?.start);
    add('period.end', d.period?.end);
  }
  return out;
}

/** Nothing is dated after today (Paris): a future date is a typo. */
function noFutureDates(entries: readonly LoadedEntry[], today: string): ContentError[] {
  return entries.flatMap((e) =>
    datesOf(e)
      .filter(([, date]) => date.slice(0, 10) > today)
      .map(([field, date]) => ({ file: e.file, field, message: `date « ${date} » dans le futur (aujourd'hui : ${today}) : coquille ?` })),
  );
}

/** One coverage entry per article: neither its address nor its canonical address appears twice. */
function uniqueArticles(entries: readonly LoadedEntry[]): ContentError[] {
  const errors: ContentError[] = [];
  const byUrl = new Map<string, string>();
  for (const e of of(entries, 'coverage')) {
    const d = e.data as Data;
    const urls = new Set([String(d.canonicalUrl), String(d.url)]);
    for (const url of urls) {
      const other = byUrl.get(url);
      if (other && other !== e.file) errors.push({ file: e.file, field: url === d.canonicalUrl ? 'canonicalUrl' : 'url', message: `article en double : « ${url} » est déjà décrit par ${other}` });
    }
    for (const url of urls) if (!byUrl.has(url)) byUrl.set(url, e.file);
  }
  return errors;
}

/**
 * Words by which an entry's own text says its publication day is not known
 * (« Date exacte non relevée », « publié en février 2024 »...), or that the day was
 * only deduced (« Date déduite du texte »): a deduced day is not a publication day.
 */
export const DAY_UNKNOWN_RE =
  /\bdate (?:exacte )?(?:de (?:parution|publication) )?(?:non relevée|inconnue|non connue)|\bjour (?:de (?:parution|publication) )?(?:non relevé|inconnu|non connu)|\bdate déduite|\bpubliée? en (?:janvier|février|mars|avril|mai|juin|juillet|août|septembre|octobre|novembre|décembre) \d{4}/i;

/** An article whose own text says the day is unknown must not claim one (precision `day`, the default). */
function noInventedDays(entries: readonly LoadedEntry[]): ContentError[] {
  return of(entries, 'coverage').flatMap((e) => {
    const d = e.data as Data;
    if (d.precision !== 'day') return [];
    const said = DAY_UNKNOWN_RE.exec(`${e.body}\n${d.about ?? ''}`);
    return said
      ? [{ file: e.file, field: 'precision', message: `le texte dit « ${said[0]} » mais la date est donnée au jour (precision: day) : mettez precision: month (1er du mois), year ou unknown, ou corrigez le texte si le jour est connu` }]
      : [];
  });
}

export interface RuleOptions {
  /** Clock for the future-date rule (tests pin it). */
  now?: Date;
}

/** `invalidEvents`: event files that failed their own checks (their data is missing from `entries`). */
export function crossEntryErrors(entries: readonly LoadedEntry[], invalidEvents: number, options: RuleOptions = {}): ContentError[] {
  return [
    ...dossierLinks(entries),
    ...keyFiguresExist(entries, invalidEvents),
    ...noFutureDates(entries, parisToday(options.now)),
    ...uniqueArticles(entries),
    ...noInventedDays(entries),
  ];
}
