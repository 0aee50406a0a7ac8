/**
 * Report stage: a progress bar while the run goes (on a terminal only), then a
 * table of sources (ok or failed, with the reason) and of totals, the articles
 * rejected and those left for editors to attach; or the same as JSON.
 */
import cliProgress from 'cli-progress';
import Table from 'cli-table3';

export interface SourceReport {
  url: string;
  kind: 'flux' | 'liste' | 'sitemap';
  status: 'ok' | 'échec';
  /** Why it failed (the stage's error message). */
  reason?: string;
  /** Items found in it. */
  items: number;
  /** Items kept for fetching. */
  kept: number;
  /** The source itself answered 304. */
  notModified?: boolean;
  /** Notes (truncated feed, items over the limit…). */
  notes?: string[];
}

export interface Totals {
  /** Distinct articles found in all sources. */
  seen: number;
  new: number;
  updated: number;
  unchanged: number;
  /** Copies merged into another article (same canonical URL). */
  duplicates: number;
  /** Not about the dossier (by title and summary, or by full text). */
  irrelevant: number;
  /** Outside the date window. */
  outOfWindow: number;
  /** Could not be fetched, extracted or written (see `rejected`). */
  rejected: number;
  /** Left alone: edited, reviewed or locked by an editor, editor entries, tombstones. */
  protected: number;
  /** On a host of the config's deny list: not fetched. */
  denied: number;
}

export interface RunReport {
  startedAt: string;
  durationMs: number;
  dryRun: boolean;
  sources: SourceReport[];
  totals: Totals;
  rejected: { url: string; reason: string }[];
  protectedFiles: { file: string; outcome: string }[];
  /** Articles written without an event: for editors to attach. */
  unassigned: { file: string; title: string; url: string }[];
  http: { requests: number; notModified: number; retries: number; bytes: number };
  /** Files written in content/ (relative). */
  written: string[];
  /** Entries written by ingestion that no editor has reviewed yet, all runs together (`npm run review`). */
  toReview?: { articles: number; publishers: number };
}

export const emptyTotals = (): Totals => ({ seen: 0, new: 0, updated: 0, unchanged: 0, duplicates: 0, irrelevant: 0, outOfWindow: 0, rejected: 0, protected: 0, denied: 0 });

/** 0 when the run did its work, 1 when every source failed. */
export function exitCode(r: RunReport): 0 | 1 {
  return r.sources.length > 0 && r.sources.every((s) => s.status === 'échec') ? 1 : 0;
}

const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
const short = (s: string, n = 70) => (s.length > n ? `${s.slice(0, n - 1)}…` : s);

/** The end-of-run tables, as text. */
export function renderReport(r: RunReport, opts: { color?: boolean } = {}): string {
  const style = opts.color ? {} : { head: [], border: [] };
  const out: string[] = [];
  const sources = new Table({ head: ['Source', 'Type', 'État', 'Trouvés', 'Retenus', 'Raison ou note'], style, wordWrap: true, colWidths: [48, 9, 7, 9, 9, 48] });
  for (const s of r.sources) {
    sources.push([short(s.url, 46), s.kind, s.status, s.items, s.kept, s.reason ?? [...(s.notModified ? ['inchangé (304)'] : []), ...(s.notes ?? [])].join(' ; ')]);
  }
  out.push(sources.toString());
  const t = r.totals;
  const totals = new Table({ head: ['Vus', 'Nouveaux', 'Mis à jour', 'Inchangés', 'Doublons', 'Hors sujet', 'Hors période', 'Rejetés', 'Protégés', 'Exclus', 'Durée'], style });
  totals.push([t.seen, t.new, t.updated, t.unchanged, t.duplicates, t.irrelevant, t.outOfWindow, t.rejected, t.protected, t.denied, seconds(r.durationMs)]);
  out.push(totals.toString());
  const ok = r.sources.filter((s) => s.status === 'ok').length;
  out.push(`Sources : ${ok} ok, ${r.sources.length - ok} en échec. HTTP : ${r.http.requests} requêtes, ${r.http.notModified} réponses 304, ${r.http.retries} nouvelles tentatives.${r.dryRun ? ' Essai à blanc : aucun fichier écrit.' : ''}`);
  if (r.rejected.length) {
    out.push('Rejetés :');
    for (const x of r.rejected) out.push(`  - ${x.reason}`);
  }
  if (r.protectedFiles.length) {
    out.push('Laissés tels quels (éditeur) :');
    for (const p of r.protectedFiles) out.push(`  - ${p.file} : ${p.outcome}`);
  }
  if (r.unassigned.length) {
    out.push('À rattacher à un événement (éditeurs) :');
    for (const u of r.unassigned) out.push(`  - ${u.file} — ${short(u.title, 80)}`);
  }
  if (r.toReview && r.toReview.articles + r.toReview.publishers > 0) {
    out.push(`À relire : ${r.toReview.articles} article(s) et ${r.toReview.publishers} éditeur(s) ajoutés automatiquement — npm run review`);
  }
  return out.join('\n');
}

export const reportJson = (r: RunReport) => JSON.stringify(r, null, 2);

/** A progress bar on stderr when it is a terminal; silent otherwise. */
export class Progress {
  private bar: cliProgress.SingleBar | null = null;
  private total = 0;
  private value = 0;
  constructor(enabled: boolean, stream: NodeJS.WriteStream = process.stderr) {
    if (enabled && stream.isTTY) {
      this.bar = new cliProgress.SingleBar(
        { stream, format: 'Ingestion [{bar}] {value}/{total} {label}', hideCursor: true, clearOnComplete: true, barsize: 30 },
        cliProgress.Presets.shades_classic,
      );
      this.bar.start(0, 0, { label: '' });
    }
  }
  get active() {
    return this.bar !== null;
  }
  /** More work found. */
  add(n: number) {
    this.total += n;
    this.bar?.setTotal(this.total);
  }
  /** One piece done. */
  tick(label: string) {
    this.value++;
    this.bar?.update(this.value, { label: short(label, 50) });
  }
  stop() {
    this.bar?.stop();
    this.bar = null;
  }
}
