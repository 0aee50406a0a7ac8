/**
 * The segment metric of the trafilatura evaluation, as the development
 * corpus's scorer computes it: a « with » passage counts as found when it is a
 * substring of the extracted text, a « without » passage as leaked when it is
 * (whitespace normalised on both sides).
 */

export interface GoldPage {
  url: string;
  with: string[];
  without: string[];
}

export interface SegmentCounts {
  /** « with » passages found. */
  tp: number;
  /** « without » passages leaked. */
  fp: number;
  /** « with » passages missed. */
  fn: number;
  /** « without » passages kept out. */
  tn: number;
}

export interface SegmentScore extends SegmentCounts {
  f1: number;
  precision: number;
  recall: number;
}

const norm = (s: string) => s.replace(/\s+/g, ' ').trim();

export function scorePage(text: string, gold: GoldPage): SegmentCounts {
  const t = norm(text);
  const found = gold.with.filter((w) => t.includes(norm(w))).length;
  const leaked = gold.without.filter((w) => t.includes(norm(w))).length;
  return { tp: found, fn: gold.with.length - found, fp: leaked, tn: gold.without.length - leaked };
}

/** Precision, recall and F1 over summed counts (micro-averaged, as the scorer does). */
export function summarize(pages: SegmentCounts[]): SegmentScore {
  const c = pages.reduce((a, p) => ({ tp: a.tp + p.tp, fp: a.fp + p.fp, fn: a.fn + p.fn, tn: a.tn + p.tn }), { tp: 0, fp: 0, fn: 0, tn: 0 });
  return {
    ...c,
    precision: c.tp / (c.tp + c.fp || 1),
    recall: c.tp / (c.tp + c.fn || 1),
    f1: (2 * c.tp) / (2 * c.tp + c.fp + c.fn || 1),
  };
}
