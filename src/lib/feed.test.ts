import { describe, expect, it } from 'vitest';
import { feedItems } from './feed.ts';

describe('feedItems', () => {
  it('orders newest first at the Paris instant', () => {
    const items = feedItems([
      { date: '2024-02-07', title: 'jour', link: '/a/', description: '', categories: [] },
      { date: '2024-02-07T10:00', title: 'matin', link: '/b/', description: '', categories: [] },
      { date: '2024-01-29', title: 'avant', link: '/c/', description: '', categories: [] },
    ]);
    expect(items.map((i) => i.title)).toEqual(['matin', 'jour', 'avant']);
    expect(items[0]!.pubDate.toISOString()).toBe('2024-02-07T09:00:00.000Z');
  });
});
