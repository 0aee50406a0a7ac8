/**
 * Checks the press entries against what stored copies of their pages show, so
 * that no day is claimed that no source gives (a month stays a month).
 *
 *   node scripts/audit-dates.ts SOURCES.yaml [FACTS.yaml] [--content DIR]
 *
 * SOURCES.yaml: a list of { url, publishedAt: 'AAAA-MM-JJ' | 'AAAA-MM' | '' , title }.
 * FACTS.yaml: any YAML whose objects carry { url, published } with published
 * written 'AAAA-MM-JJ' (read on the page), 'AAAA-MM-JJ (URL)' (in the address),
 * 'AAAA-MM (index)', 'AAAA (URL)' or '… (inferred: …)' (deduced: never a day).
 * Prints the counts by precision and every entry that claims more than its
 * sources give; exits 1 when there is one.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parse } from 'yaml';
import { checkContent } from '../src/lib/content-check.ts';
import type { CoverageData } from '../src/schemas/index.ts';

/** What the lists give for one address: days, months and years. */
interface Known { days: Set<string>; months: Set<string>; years: Set<string> }

export function knownDates(sources: unknown, facts: unknown): Map<string, Known> {
  const known = new Map<string, Known>();
  const at = (url: string) => known.get(url) ?? known.set(url, { days: new Set(), months: new Set(), years: new Set() }).get(url)!;
  const add = (url: string, text: string) => {
    const k = at(url);
    let m: RegExpExecArray | null;
    if ((m = /^(\d{4}-\d{2}-\d{2})(?: \(URL\))?$/.exec(text))) k.days.add(m[1]!);
    else if ((m = /^(\d{4}-\d{2})(?: \(index\))?$/.exec(text))) k.months.add(m[1]!);
    else if ((m = /^(\d{4})(?: \(URL\))?$/.exec(text))) k.years.add(m[1]!);
    // « (inferred: …) » and anything else gives nothing.
  };
  for (const item of (sources as { url: string; publishedAt?: string }[]) ?? []) {
    at(item.url);
    if (item.publishedAt) add(item.url, String(item.publishedAt));
  }
  const walk = (node: unknown): void => {
    if (Array.isArray(node)) node.forEach(walk);
    else if (node && typeof node === 'object') {
      const o = node as Record<string, unknown>;
      if (typeof o.url === 'string' && 'published' in o) {
        at(o.url);
        if (o.published) add(o.url, String(o.published));
      }
      Object.values(o).forEach(walk);
    }
  };
  walk(facts);
  for (const k of known.values()) {
    for (const d of k.days) k.months.add(d.slice(0, 7));
    for (const m of k.months) k.years.add(m.slice(0, 4));
  }
  return known;
}

/** Problems of one entry: a day, month or year its sources do not give. */
export function auditEntry(c: Pick<CoverageData, 'publishedAt' | 'precision'>, k: Known): string | undefined {
  const day = c.publishedAt.slice(0, 10);
  if (c.precision === 'day' && !k.days.has(day)) return `jour ${day} donné, les sources ne donnent que ${[...k.days, ...k.months].join(', ') || 'rien'}`;
  if (c.precision === 'month' && !k.months.has(day.slice(0, 7))) return `mois ${day.slice(0, 7)} donné, les sources ne donnent que ${[...k.months].join(', ') || 'rien'}`;
  if (c.precision === 'year' && !k.years.has(day.slice(0, 4))) return `année ${day.slice(0, 4)} donnée, les sources ne donnent que ${[...k.years].join(', ') || 'rien'}`;
  return undefined;
}

function main(argv: string[]) {
  const contentIndex = argv.indexOf('--content');
  const content = resolve(contentIndex >= 0 ? argv[contentIndex + 1]! : 'content');
  const files = argv.filter((a, i) => !a.startsWith('--') && (contentIndex < 0 || i !== contentIndex + 1));
  if (!files[0]) {
    console.error('usage : node scripts/audit-dates.ts SOURCES.yaml [FACTS.yaml] [--content DIR]');
    process.exit(2);
  }
  const read = (f?: string) => (f ? parse(readFileSync(f, 'utf8')) : undefined);
  const known = knownDates(read(files[0]), read(files[1]));
  const { entries } = checkContent(content);
  const counts: Record<string, number> = {};
  const problems: string[] = [];
  let listed = 0;
  for (const e of entries.filter((x) => x.collection === 'coverage')) {
    const c = e.data as unknown as CoverageData;
    counts[c.precision] = (counts[c.precision] ?? 0) + 1;
    const k = known.get(c.url) ?? known.get(c.canonicalUrl);
    if (!k) continue;
    listed++;
    const problem = auditEntry(c, k);
    if (problem) problems.push(`${e.file} : ${problem}`);
  }
  console.log(`${listed} articles figurent dans les listes ; précision de toutes les dates : ${Object.entries(counts).map(([p, n]) => `${p} ${n}`).join(', ')}`);
  for (const p of problems) console.log(`  ${p}`);
  console.log(problems.length ? `${problems.length} date(s) plus précise(s) que leurs sources` : 'aucune date plus précise que ses sources');
  process.exit(problems.length ? 1 : 0);
}

if (import.meta.main) main(process.argv.slice(2));
