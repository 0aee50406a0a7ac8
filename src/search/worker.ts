/**
 * The search Web Worker: fetching, parsing and indexing the files, and every
 * query, happen here so typing never waits on them.
 *
 * Messages in: { type: 'init', meta } once, then SearchRequest
 * objects ({ type: 'search', ... }). Messages out: { type: 'ready' } or
 * { type: 'error', message }, and one SearchResponse per request.
 */
import { SearchService, type SearchRequest, type SearchResponse } from './service.ts';

type Incoming = { type: 'init'; meta: string } | ({ type: 'search' } & SearchRequest);

let service: Promise<SearchService> | null = null;

const post = (message: unknown) => (globalThis as unknown as { postMessage: (m: unknown) => void }).postMessage(message);

globalThis.addEventListener('message', (event: Event) => {
  const message = (event as MessageEvent<Incoming>).data;
  if (message.type === 'init') {
    if (service) return;
    service = SearchService.load(message.meta);
    service.then(
      () => post({ type: 'ready' }),
      (error: unknown) => post({ type: 'error', message: String(error instanceof Error ? error.message : error) }),
    );
    return;
  }
  if (!service) {
    post({ id: message.id, total: 0, partial: false, terms: [], groups: [], suggestions: [], error: 'non initialisé' } satisfies SearchResponse);
    return;
  }
  service.then((s) => s.search(message)).then(
    post,
    (error: unknown) =>
      post({ id: message.id, total: 0, partial: false, terms: [], groups: [], suggestions: [], error: String(error instanceof Error ? error.message : error) } satisfies SearchResponse),
  );
});
