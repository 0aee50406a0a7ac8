import { describe, expect, it } from 'vitest';
import { Writable } from 'node:stream';
import { emptyTotals, exitCode, Progress, renderReport, reportJson, type RunReport } from './index.ts';

const report = (over: Partial<RunReport> = {}): RunReport => ({
  startedAt: '2024-02-10T09:00:00.000Z',
  durationMs: 1234,
  dryRun: false,
  sources: [
    { url: 'https://www.sante-hebdo.example/rss', kind: 'flux', status: 'ok', items: 12, kept: 3, notes: ['flux tronqué : 2 éléments lus'] },
    { url: 'https://www.ailleurs.example/rss', kind: 'flux', status: 'échec', reason: 'fetch: réponse HTTP 404 (https://www.ailleurs.example/rss)', items: 0, kept: 0 },
  ],
  totals: { ...emptyTotals(), seen: 12, new: 2, unchanged: 1, duplicates: 1, irrelevant: 7, rejected: 1 },
  rejected: [{ url: 'https://www.sante-hebdo.example/doc.pdf', reason: 'fetch: type de contenu « application/pdf » refusé (https://www.sante-hebdo.example/doc.pdf)' }],
  protectedFiles: [{ file: 'a.mdx', outcome: 'modifié par un éditeur' }],
  unassigned: [{ file: 'sante-hebdo-x.mdx', title: 'Un article sans événement', url: 'https://www.sante-hebdo.example/x' }],
  http: { requests: 9, notModified: 2, retries: 1, bytes: 1000 },
  written: ['coverage/sante-hebdo-x.mdx'],
  ...over,
});

describe('report', () => {
  it('prints sources with reasons, every total column, the time and the lists', () => {
    const text = renderReport(report());
    for (const col of ['Vus', 'Nouveaux', 'Mis à jour', 'Inchangés', 'Doublons', 'Hors sujet', 'Rejetés', 'Durée', 'Source', 'État', 'Raison']) expect(text).toContain(col);
    expect(text).toContain('réponse HTTP 404');
    expect(text).toContain('flux tronqué');
    expect(text).toContain('1.2 s');
    expect(text).toContain('Sources : 1 ok, 1 en échec');
    expect(text).toContain('application/pdf');
    expect(text).toContain('sante-hebdo-x.mdx — Un article sans événement');
    expect(text).not.toMatch(/\u001b\[/);
  });
  it('exit code: 0 when any source worked, 1 when all failed', () => {
    expect(exitCode(report())).toBe(0);
    const failed = report();
    failed.sources = failed.sources.map((s) => ({ ...s, status: 'échec' as const }));
    expect(exitCode(failed)).toBe(1);
  });
  it('JSON has the same figures', () => {
    const j = JSON.parse(reportJson(report())) as RunReport;
    expect(j.totals).toEqual(report().totals);
    expect(j.sources[1]!.reason).toMatch(/^fetch: /);
  });
  it('the progress bar is silent off a terminal and draws on one', () => {
    const chunks: string[] = [];
    const sink = Object.assign(
      new Writable({
        write(c, _e, cb) {
          chunks.push(String(c));
          cb();
        },
      }),
      { isTTY: false },
    ) as unknown as NodeJS.WriteStream;
    const off = new Progress(true, sink);
    off.add(2);
    off.tick('a');
    off.stop();
    expect(off.active).toBe(false);
    expect(chunks).toEqual([]);
    const tty = Object.assign(sink, { isTTY: true, columns: 100, cursorTo: () => true, clearLine: () => true, moveCursor: () => true }) as unknown as NodeJS.WriteStream;
    const on = new Progress(true, tty);
    expect(on.active).toBe(true);
    on.add(2);
    on.tick('https://www.sante-hebdo.example/article');
    on.tick('b');
    on.stop();
    expect(chunks.join('')).toContain('2/2');
  });
});
