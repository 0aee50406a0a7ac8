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

/** The stored form back to its parts (the stored form is always valid). */
export function toParisDate(stored: string): ParisDate {
  const parsed = parseParisDate(stored);
  if (!parsed) throw new Error(`date invalide : « ${stored} »`);
  return parsed;
}

const dayFormat = new Intl.DateTimeFormat('fr-FR', { day: 'numeric', month: 'long', year: 'numeric', timeZone: PARIS });
const monthFormat = new Intl.DateTimeFormat('fr-FR', { month: 'long', year: 'numeric', timeZone: PARIS });
const yearFormat = new Intl.DateTimeFormat('fr-FR', { year: 'numeric', timeZone: PARIS });
const timeFormat = new Intl.DateTimeFormat('fr-FR', { hour: '2-digit', minute: '2-digit', timeZone: PARIS });

/** « 1er février 2024 », « 5 février 2024 », « février 2024 », « 2024 », with « à 14 h 30 » when timed. */
export function formatFrenchDate(stored: string, precision: 'minute' | 'day' | 'month' | 'year' = 'day'): string {
  const { instant, time } = toParisDate(stored);
  if (precision === 'year') return yearFormat.format(instant);
  if (precision === 'month') return monthFormat.format(instant);
  const day = dayFormat.format(instant).replace(/^1 /, '1er ');
  if (precision === 'minute' && time) return `${day} à ${timeFormat.format(instant).replace(':', '\u00a0h\u00a0')}`;
  return day;
}

/** « février 2024 » heading for a « AAAA-MM » month key. */
export function formatFrenchMonth(monthKey: string): string {
  const label = monthFormat.format(toParisDate(`${monthKey}-15`).instant);
  return label.charAt(0).toUpperCase() + label.slice(1);
}

/** Machine-readable value for `<time datetime>`: the day, or the instant with its Paris offset. */
export function datetimeAttribute(stored: string): string {
  const { day, time, instant } = toParisDate(stored);
  if (!time) return day;
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
