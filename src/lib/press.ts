/** Groups press articles by the event they report, then by story (copies of one dispatch), newest group first. */
export interface PressItem<T> {
  slug: string;
  /** Publication date (stored Paris date). */
  date: string;
  event?: string | undefined;
  story?: string | undefined;
  entry: T;
}

export interface PressGroup<T> {
  id: string;
  event?: string | undefined;
  /** Each story: its articles, first published first. */
  stories: { id: string; items: PressItem<T>[] }[];
  /** Latest publication in the group. */
  latest: string;
}

export function groupCoverage<T>(items: readonly PressItem<T>[]): PressGroup<T>[] {
  const groups = new Map<string, PressGroup<T>>();
  for (const item of [...items].sort((a, b) => a.date.localeCompare(b.date))) {
    const id = item.event ?? 'sans-evenement';
    const group = groups.get(id) ?? groups.set(id, { id, event: item.event, stories: [], latest: item.date }).get(id)!;
    const storyId = item.story ?? item.slug;
    const story = group.stories.find((s) => s.id === storyId) ?? (group.stories.push({ id: storyId, items: [] }), group.stories.at(-1)!);
    story.items.push(item);
    if (item.date > group.latest) group.latest = item.date;
  }
  // Unassigned articles last: they wait for an editor.
  return [...groups.values()].sort((a, b) => (a.event ? 0 : 1) - (b.event ? 0 : 1) || b.latest.localeCompare(a.latest));
}
