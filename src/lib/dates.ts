/**
 * Dates are normalized once and rendered once: frontmatter holds a Paris wall
 * time (« 2024-02-01 » or « 2024-02-01T14:30 »), read in Europe/Paris so a build
 * on a UTC machine never moves a story to another day.
 */
import { TZDate } from '@date-fns/tz';

export const PARIS = 'Europe/Paris';

const ISO_RE = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?)?$/;

/** A date as the project stores it: the Paris day, and the minute when known. */
export interface ParisDate {
  /** Calendar day in Paris, « AAAA-MM-JJ ». */
  day: string;
  /** Wall time in Paris, « HH:MM », when the source gives one. */
  time?: string;
  /** The instant, for sorting and machine-readable output. */
  instant: Date;
}

const pad = (n: number) => String(n).padStart(2, '0');

/** Paris wall-clock parts of an instant. */
function parisParts(instant: Date) {
  const p = new TZDate(instant.getTime(), PARIS);
  return { y: p.getFullYear(), m: p.getMonth() + 1, d: p.getDate(), hh: p.getHours(), mm: p.getMinutes() };
}

/**
 * Reads an ISO 8601 date or date-time. Without an offset, the time is Paris
 * time. Returns null when the text is not a real calendar date.
 */
export function parseParisDate(text: string): ParisDate | null {
  const m = ISO_RE.exec(text.trim());
  if (!m) return null;
  const [, ys, ms, ds, hs, mins, ss, offset] = m;
  const y = Number(ys), mo = Number(ms), d = Number(ds);
  const probe = new Date(Date.UTC(y, mo - 1, d));
  if (probe.getUTCFullYear() !== y || probe.getUTCMonth() !== mo - 1 || probe.getUTCDate() !== d) return null;
  if (hs === undefined) {
    return { day: `${ys}-${ms}-${ds}`, instant: new TZDate(y, mo - 1, d, 0, 0, PARIS) };
  }
  const h = Number(hs), mi = Number(mins), s = Number(ss ?? 0);
  if (h > 23 || mi > 59 || s > 59) return null;
  const instant = offset
    ? new Date(`${ys}-${ms}-${ds}T${hs}:${mins}:${pad(s)}${offset === 'Z' ? 'Z' : offset.replace(/^([+-]\d{2})(\d{2})$/, '$1:$2')}`)
    : new TZDate(y, mo - 1, d, h, mi, s, PARIS);
  const p = parisParts(instant);
  return { day: `${p.y}-${pad(p.m)}-${pad(p.d)}`, time: `${pad(p.hh)}:${pad(p.mm)}`, instant: new Date(instant.getTime()) };
}

/**
 * Normalizes what YAML gives for a date field: a string, or a Date when the
 * YAML parser read an unquoted timestamp (date-only values are UTC midnight).
 */
export function normalizeDateInput(value: unknown): string | null {
  if (value instanceof Date) {
    if (Number.isNaN(value.getTime())) return null;
    const iso = value.toISOString();
    return iso.endsWith('T00:00:00.000Z') ? iso.slice(0, 10) : iso;
  }
  if (typeof value !== 'string') return null;
  const parsed = parseParisDate(value);
  if (!parsed) return null;
  return parsed.time ? `${parsed.day}T${parsed.time}` : parsed.day;
}

/**
 * Stored forms already read. A build sorts and prints the same few thousand
 * dates on every page; reading each once keeps the time-zone arithmetic out of
 * the per-page cost. Entries are shared: callers never mutate them.
 */
const storedDates = new Map<string, Readonly<ParisDate>>();

/** The stored form back to its parts (the stored form is always valid). */
export function toParisDate(stored: string): Readonly<ParisDate> {
  const known = storedDates.get(stored);
  if (known) return known;
  const parsed = parseParisDate(stored);
  if (!parsed) throw new Error(`date invalide : « ${stored} »`);
  storedDates.set(stored, Object.freeze(parsed));
  return parsed;
}

const dayFormat = new Intl.DateTimeFormat('fr-FR', { day: 'numeric', month: 'long', year: 'numeric', timeZone: PARIS });
const monthFormat = new Intl.DateTimeFormat('fr-FR', { month: 'long', year: 'numeric', timeZone: PARIS });
const yearFormat = new Intl.DateTimeFormat('fr-FR', { year: 'numeric', timeZone: PARIS });
const timeFormat = new Intl.DateTimeFormat('fr-FR', { hour: '2-digit', minute: '2-digit', timeZone: PARIS });

/**
 * How much of a stored date is known. `minute`: the day and the Paris time;
 * `day`: the day; `month`: only the month (stored as the 1st); `year`: only the
 * year (stored as 1 January); `unknown`: nothing (an article whose publication
 * date was never seen, stored at the date of the event it reports so it can be
 * placed, never shown as its date).
 */
export type DatePrecision = 'minute' | 'day' | 'month' | 'year' | 'unknown';

/** What is written for a date nobody knows. */
export const UNKNOWN_DATE_LABEL = 'date non relevée';

/**
 * The one way dates are written on the site, in feeds and in search results:
 * « 1er février 2024 », « 5 février 2024 », « février 2024 » (month only),
 * « 2024 » (year only), « date non relevée », with « à 14 h 30 » at minute precision.
 */
export function formatFrenchDate(stored: string, precision: DatePrecision = 'day'): string {
  if (precision === 'unknown') return UNKNOWN_DATE_LABEL;
  const key = `${precision} ${stored}`;
  let text = frenchDates.get(key);
  if (text === undefined) frenchDates.set(key, (text = writeFrenchDate(stored, precision)));
  return text;
}

/** Written dates already computed (Intl formatting is slow and pages repeat dates). */
const frenchDates = new Map<string, string>();

function writeFrenchDate(stored: string, precision: Exclude<DatePrecision, 'unknown'>): string {
  const { instant, time } = toParisDate(stored);
  if (precision === 'year') return yearFormat.format(instant);
  if (precision === 'month') return monthFormat.format(instant);
  const day = dayFormat.format(instant).replace(/^1 /, '1er ');
  if (precision === 'minute' && time) return `${day} à ${timeFormat.format(instant).replace(':', '\u00a0h\u00a0')}`;
  return day;
}

/** True when the day itself is known (day or minute precision). */
export const dayIsKnown = (precision: DatePrecision = 'day') => precision === 'day' || precision === 'minute';

/**
 * The known part of a date as a sortable key: « AAAA-MM-JJ », « AAAA-MM » (month
 * only), « AAAA » (year only), '' (unknown). Prefix comparisons (« from February
 * 2024 ») then never count a month-only date as the 1st.
 */
export function knownPart(stored: string, precision: DatePrecision = 'day'): string {
  if (precision === 'unknown') return '';
  const { day } = toParisDate(stored);
  return precision === 'year' ? day.slice(0, 4) : precision === 'month' ? day.slice(0, 7) : day;
}

/**
 * A sentence for feeds and lists when the day is not known (« Jour de
 * publication non connu : février 2024. »), or undefined when it is.
 * `what` names the date (« publication »).
 */
export function unknownDayNote(stored: string, precision: DatePrecision = 'day', what = 'publication'): string | undefined {
  if (dayIsKnown(precision)) return undefined;
  if (precision === 'unknown') return `Date de ${what} non relevée.`;
  return `Jour de ${what} non connu : ${formatFrenchDate(stored, precision)}.`;
}

/** A stored date and how precise it is. */
export interface DatedValue {
  /** Stored Paris date, « AAAA-MM-JJ » or « AAAA-MM-JJTHH:MM ». */
  date: string;
  /** Defaults to `day` (or `minute` when `date` holds a time, for sorting it makes no difference). */
  precision?: DatePrecision | undefined;
}

/**
 * Chronological comparison that never invents a day: within a year, entries
 * known only to the year come after those with a month; within a month,
 * entries known only to the month come after the dated ones, in both orders.
 * Entries of `unknown` precision sort at their stored (placement) date.
 */
export function compareDated(a: DatedValue, b: DatedValue, order: 'newest' | 'oldest' = 'oldest'): number {
  const dir = order === 'oldest' ? 1 : -1;
  const pa = toParisDate(a.date), pb = toParisDate(b.date);
  const year = pa.day.slice(0, 4).localeCompare(pb.day.slice(0, 4));
  if (year) return dir * year;
  const monthKnownA = a.precision !== 'year', monthKnownB = b.precision !== 'year';
  if (monthKnownA !== monthKnownB) return monthKnownA ? -1 : 1;
  const month = pa.day.slice(5, 7).localeCompare(pb.day.slice(5, 7));
  if (month) return dir * month;
  const dayKnownA = a.precision !== 'month' && a.precision !== 'year', dayKnownB = b.precision !== 'month' && b.precision !== 'year';
  if (dayKnownA !== dayKnownB) return dayKnownA ? -1 : 1;
  return dir * (pa.instant.getTime() - pb.instant.getTime());
}

/** « Février 2024 » heading for a « AAAA-MM » month key; « 2024 » for a year key « AAAA ». */
export function formatFrenchMonth(monthKey: string): string {
  if (/^\d{4}$/.test(monthKey)) return monthKey;
  const label = monthFormat.format(toParisDate(`${monthKey}-15`).instant);
  return label.charAt(0).toUpperCase() + label.slice(1);
}

/**
 * Machine-readable value for `<time datetime>`: « AAAA » or « AAAA-MM » when only
 * that is known, the day, or the instant with its Paris offset.
 */
export function datetimeAttribute(stored: string, precision: Exclude<DatePrecision, 'unknown'> = 'minute'): string {
  const { day, time, instant } = toParisDate(stored);
  if (precision === 'year' || precision === 'month') return knownPart(stored, precision);
  if (!time || precision === 'day') return day;
  const offsetMin = -new TZDate(instant.getTime(), PARIS).getTimezoneOffset();
  const sign = offsetMin >= 0 ? '+' : '-';
  const abs = Math.abs(offsetMin);
  return `${day}T${time}:00${sign}${pad(Math.floor(abs / 60))}:${pad(abs % 60)}`;
}

/** Today's calendar day in Paris, « AAAA-MM-JJ ». */
export function parisToday(now: Date = new Date()): string {
  const p = parisParts(now);
  return `${p.y}-${pad(p.m)}-${pad(p.d)}`;
}

const shortMonthFormat = new Intl.DateTimeFormat('fr-FR', { month: 'short', timeZone: PARIS });

/** « févr. » for a « AAAA-MM » month key: the archive navigation, where the year is already said. */
export function formatFrenchMonthShort(monthKey: string): string {
  return shortMonthFormat.format(toParisDate(`${monthKey}-15`).instant);
}
