import { describe, expect, it } from 'vitest';
import { archiveUrl } from './archive.ts';

describe('archiveUrl', () => {
  const url = 'https://www.example.fr/article?id=3&x=1#haut';
  it('asks the archive for the capture nearest the publication day', () => {
    expect(archiveUrl(url, '2024-02-07T18:30')).toBe(`https://web.archive.org/web/20240207/${url}`);
    expect(archiveUrl(url, '2024-02-07')).toBe(`https://web.archive.org/web/20240207/${url}`);
  });
  it('stays as precise as the date: a month-only date asks for the month', () => {
    expect(archiveUrl(url, '2024-02-01', 'month')).toBe(`https://web.archive.org/web/202402/${url}`);
  });
  it('asks for the latest capture when the date is unknown', () => {
    expect(archiveUrl(url)).toBe(`https://web.archive.org/web/${url}`);
  });
});
