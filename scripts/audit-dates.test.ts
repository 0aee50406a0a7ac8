import { describe, expect, it } from 'vitest';
import { auditEntry, knownDates } from './audit-dates.ts';

const sources = [
  { url: 'https://a.example/1', publishedAt: '2024-02-06' },
  { url: 'https://a.example/2', publishedAt: '2024-02' },
  { url: 'https://a.example/3', publishedAt: '' },
];
const facts = { events: [{ sources: [{ url: 'https://a.example/3', published: "2024-02-07 (inferred: 'ce mercredi')" }, { url: 'https://a.example/4', published: '2024-02-08 (URL)' }, { url: 'https://a.example/5', published: '2024 (URL)' }] }] };
const known = knownDates(sources, facts);
const k = (url: string) => known.get(url)!;

describe('auditEntry', () => {
  it('accepts a day only where a source gives that day', () => {
    expect(auditEntry({ publishedAt: '2024-02-06', precision: 'day' }, k('https://a.example/1'))).toBeUndefined();
    expect(auditEntry({ publishedAt: '2024-02-08T10:00', precision: 'day' }, k('https://a.example/4'))).toBeUndefined();
    expect(auditEntry({ publishedAt: '2024-02-07', precision: 'day' }, k('https://a.example/1'))).toContain('jour 2024-02-07 donné');
  });

  it('never takes a deduced day, and keeps a month a month', () => {
    expect(auditEntry({ publishedAt: '2024-02-07', precision: 'day' }, k('https://a.example/3'))).toContain('ne donnent que rien');
    expect(auditEntry({ publishedAt: '2024-02-01', precision: 'day' }, k('https://a.example/2'))).toContain('ne donnent que 2024-02');
    expect(auditEntry({ publishedAt: '2024-02-01', precision: 'month' }, k('https://a.example/2'))).toBeUndefined();
    expect(auditEntry({ publishedAt: '2024-01-01', precision: 'year' }, k('https://a.example/5'))).toBeUndefined();
    expect(auditEntry({ publishedAt: '2024-02-07', precision: 'unknown' }, k('https://a.example/3'))).toBeUndefined();
  });
});
