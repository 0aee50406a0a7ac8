import { describe, expect, it } from 'vitest';
import { renderBench, runBench } from '../../bench/ingest.ts';

describe('bench:ingest', () => {
  it('measures both extractors on the corpus and prints the table', () => {
    const b = runBench(24);
    expect(b.pages).toBeGreaterThanOrEqual(24);
    expect(b.pages % b.corpusPages).toBe(0);
    for (const e of [b.ours, b.readability]) {
      expect(e.pagesPerSecond).toBeGreaterThan(0);
      expect(e.mbPerSecond).toBeGreaterThan(0);
      expect(Object.keys(e.perSite)).toHaveLength(b.corpusPages);
    }
    expect(b.ours.f1).toBeGreaterThanOrEqual(b.readability.f1);
    expect(b.speedRatio).toBeCloseTo(b.ours.pagesPerSecond / b.readability.pagesPerSecond, 1);
    const text = renderBench(b);
    for (const col of ['Pages/s', 'Mo/s', 'F1 texte', '@mozilla/readability']) expect(text).toContain(col);
  });
});
