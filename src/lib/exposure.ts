/**
 * The « what leaked » table: data categories against operators, each cell the
 * status one source gives, « inconnu » where no source says anything.
 */
import { DATA_CATEGORIES, DATA_SUBJECTS, type DataCategory, type ExposureStatus } from '../schemas/vocabulary.ts';

export interface ExposureCell {
  organization: string;
  status: ExposureStatus;
  source: string;
  verified: boolean;
  note?: string | undefined;
}

export interface ExposureRow {
  category: DataCategory;
  subject: keyof typeof DATA_SUBJECTS;
  cells: readonly ExposureCell[];
}

export interface ExposureTable {
  subject: keyof typeof DATA_SUBJECTS;
  label: string;
  /** One line per category, one slot per operator (undefined: unknown). */
  rows: { category: DataCategory; cells: (ExposureCell | undefined)[] }[];
}

const STATUS_ORDER: Record<ExposureStatus, number> = { 'exposé': 0, 'contesté': 1, 'non exposé': 2 };

/** Strongest status of a row, for ordering: exposed first, then disputed, then not exposed. */
const rank = (cells: readonly (ExposureCell | undefined)[]) => Math.min(...cells.map((c) => (c ? STATUS_ORDER[c.status] : 3)));

/** Tables per subject (insured people first), rows ordered exposed → disputed → not exposed, then vocabulary order. */
export function exposureTables(rows: readonly ExposureRow[], operators: readonly string[]): ExposureTable[] {
  return (Object.keys(DATA_SUBJECTS) as (keyof typeof DATA_SUBJECTS)[])
    .map((subject) => ({
      subject,
      label: DATA_SUBJECTS[subject],
      rows: rows
        .filter((r) => r.subject === subject)
        .map((r) => ({ category: r.category, cells: operators.map((op) => r.cells.find((c) => c.organization === op)) }))
        .sort((a, b) => rank(a.cells) - rank(b.cells) || DATA_CATEGORIES.indexOf(a.category) - DATA_CATEGORIES.indexOf(b.category)),
    }))
    .filter((t) => t.rows.length > 0);
}

/** What one operator's sources say about one subject's data, grouped by status. */
export function operatorExposure(rows: readonly ExposureRow[], operator: string, subject: keyof typeof DATA_SUBJECTS = 'assurés') {
  const out: Record<ExposureStatus, { category: DataCategory; cell: ExposureCell }[]> = { 'exposé': [], 'contesté': [], 'non exposé': [] };
  for (const row of rows.filter((r) => r.subject === subject)) {
    const cell = row.cells.find((c) => c.organization === operator);
    if (cell) out[cell.status].push({ category: row.category, cell });
  }
  return out;
}
