/**
 * Dates as French news pages write them, read in Europe/Paris and returned as
 * ISO 8601 with the Paris offset (« 2024-02-06T12:17:00+01:00 »), or the bare
 * day (« 2024-02-06 ») when the page gives no time.
 */
import { TZDate } from '@date-fns/tz';

const PARIS = 'Europe/Paris';

const MONTHS: Record<string, number> = {
  janvier: 1, janv: 1, jan: 1,
  fevrier: 2, fevr: 2, fev: 2, 'février': 2, 'févr': 2, 'fév': 2,
  mars: 3, mar: 3,
  avril: 4, avr: 4,
  mai: 5,
  juin: 6,
  juillet: 7, juil: 7,
  aout: 8, 'août': 8,
  septembre: 9, sept: 9, sep: 9,
  octobre: 10, oct: 10,
  novembre: 11, nov: 11,
  decembre: 12, dec: 12, 'décembre': 12, 'déc': 12,
};

const pad = (n: number) => String(n).padStart(2, '0');

/** A Paris wall time to ISO with offset; null when the date does not exist. */
export function parisIso(y: number, mo: number, d: number, h?: number, mi?: number): string | null {
  if (mo < 1 || mo > 12 || d < 1 || d > 31 || y < 1990 || y > 2100) return null;
  const probe = new Date(Date.UTC(y, mo - 1, d));
  if (probe.getUTCMonth() !== mo - 1) return null;
  if (h === undefined) return `${y}-${pad(mo)}-${pad(d)}`;
  if (h > 23 || (mi ?? 0) > 59) return null;
  return new TZDate(y, mo - 1, d, h, mi ?? 0, PARIS).toISOString().replace('.000', '');
}

/** An instant to ISO with the Paris offset. */
export function instantToParisIso(ms: number): string {
  return new TZDate(ms, PARIS).toISOString().replace('.000', '');
}

/**
 * Machine dates (JSON-LD, meta, `<time datetime>`): with an offset they are
 * instants, shown in Paris time; without one they are Paris wall time.
 */
export function parseMachineDate(value: string | undefined | null): string | null {
  if (!value) return null;
  const v = value.trim();
  const m = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?\s*(Z|[+-]\d{2}:?\d{2})?)?$/.exec(v);
  if (!m) {
    const t = Date.parse(v);
    return Number.isNaN(t) || !/\d{4}/.test(v) ? null : instantToParisIso(t);
  }
  const [, ys, ms, ds, hs, mins, , offset] = m;
  if (hs === undefined) return parisIso(Number(ys), Number(ms), Number(ds));
  if (offset) {
    const t = Date.parse(`${ys}-${ms}-${ds}T${hs}:${mins}:${m[6] ?? '00'}${offset === 'Z' ? 'Z' : offset.length === 5 ? `${offset.slice(0, 3)}:${offset.slice(3)}` : offset}`);
    return Number.isNaN(t) ? null : instantToParisIso(t);
  }
  return parisIso(Number(ys), Number(ms), Number(ds), Number(hs), Number(mins));
}

const MONTH_RE = '(janv(?:ier|\\.)?|f[ée]v(?:r(?:ier|\\.)?|\\.)?|mars|avr(?:il|\\.)?|mai|juin|juil(?:let|\\.)?|ao[uû]t|sept(?:embre|\\.)?|oct(?:obre|\\.)?|nov(?:embre|\\.)?|d[ée]c(?:embre|\\.)?)';
const TIME_RE = '(?:\\s*(?:à|a|,|-)?\\s*(\\d{1,2})\\s*(?:h|:|H)\\s*(\\d{2})?)?';
const WORD_DATE = new RegExp(`(\\d{1,2})(?:er)?\\s+${MONTH_RE}\\s+(\\d{4})${TIME_RE}`, 'i');
const NUM_DATE = new RegExp(`(\\d{1,2})[/.](\\d{1,2})[/.](\\d{4})${TIME_RE}`);

/** The first French date in a text (« 6 février 2024 à 12h17 », « 06/02/2024 à 12:17 », « 1er mars 2024 »). */
export function parseFrenchDate(text: string): string | null {
  const w = WORD_DATE.exec(text);
  const n = NUM_DATE.exec(text);
  const first = w && n ? (w.index <= n.index ? 'w' : 'n') : w ? 'w' : n ? 'n' : null;
  if (first === 'w') {
    const key = w![2]!.toLowerCase().replace('.', '');
    const mo = MONTHS[key] ?? MONTHS[key.normalize('NFD').replace(/\p{M}/gu, '')];
    if (!mo) return null;
    return parisIso(Number(w![3]), mo, Number(w![1]), w![4] !== undefined ? Number(w![4]) : undefined, w![5] !== undefined ? Number(w![5]) : undefined);
  }
  if (first === 'n') {
    return parisIso(Number(n![3]), Number(n![2]), Number(n![1]), n![4] !== undefined ? Number(n![4]) : undefined, n![5] !== undefined ? Number(n![5]) : undefined);
  }
  return null;
}

/** « publié le … » and « modifié le … / mis à jour le … » in a byline. */
export function parseBylineDates(text: string): { published?: string; modified?: string } {
  const out: { published?: string; modified?: string } = {};
  const pub = /(?:publi[ée](?:e)?|post[ée]|mis en ligne)\s*(?:le|:)?\s*([^|]{0,80})/i.exec(text);
  const mod = /(?:modifi[ée](?:e)?|mis(?:e)? à jour|actualis[ée](?:e)?|m\.?à\.?j\.?)\s*(?:le|:)?\s*([^|]{0,80})/i.exec(text);
  const p = pub ? parseFrenchDate(pub[1]!) : null;
  const m = mod ? parseFrenchDate(mod[1]!) : null;
  if (p) out.published = p;
  if (m) out.modified = m;
  if (!p && !pub) {
    const any = parseFrenchDate(text);
    if (any && (!mod || text.indexOf(mod[0]) > 0)) out.published = any;
  }
  return out;
}
