/** DOM pieces shared by the header box and the results page (text nodes only: no HTML from data). */
import type { Range, RenderItem } from './service.ts';

/** A text with its matched words in <mark>. */
export function marked(text: string, ranges: readonly Range[] | undefined): DocumentFragment {
  const fragment = document.createDocumentFragment();
  let at = 0;
  for (const [start, end] of ranges ?? []) {
    if (start > at) fragment.append(text.slice(at, start));
    const mark = document.createElement('mark');
    mark.textContent = text.slice(start, end);
    fragment.append(mark);
    at = end;
  }
  if (at < text.length) fragment.append(text.slice(at));
  return fragment;
}

/** The meta line parts of a result: date, kind, organisations or publisher, status in words. */
export function metaParts(item: RenderItem): (string | HTMLElement)[] {
  const parts: (string | HTMLElement)[] = [];
  if (item.date && item.dateLabel) {
    const time = document.createElement('time');
    time.dateTime = item.date;
    time.textContent = item.dateLabel;
    parts.push(time);
  }
  if (item.label) parts.push(item.label);
  if (item.publisher) parts.push(item.publisher);
  if (item.orgs.length) parts.push(item.orgs.length > 3 ? `${item.orgs.slice(0, 3).join(', ')}…` : item.orgs.join(', '));
  if (item.status) parts.push(item.status);
  return parts;
}

/** Appends parts separated by « · » (or another separator). */
export function appendJoined(parent: HTMLElement, parts: (string | HTMLElement)[], separator = ' · '): void {
  parts.forEach((part, i) => {
    if (i > 0) parent.append(separator);
    parent.append(part);
  });
}

/** « 1 résultat », « 12 résultats ». */
export const plural = (n: number, one: string, many: string) => `${n.toLocaleString('fr-FR')}\u00a0${n === 1 ? one : many}`;

/** French quotation marks with non-breaking spaces. */
export const quoted = (text: string) => `«\u00a0${text}\u00a0»`;
