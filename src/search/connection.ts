/**
 * Main-thread side of the search: one connection per page to the worker (or,
 * when a worker cannot start, to the service running in the page). Callers get
 * the answer to their latest request only.
 */
import type { SearchRequest, SearchResponse } from './service.ts';
import type { SearchState } from './state.ts';

export interface SearchFilesUrls {
  /** The split index's meta file (src/search/split.ts). */
  meta: string;
}

export interface Connection {
  /** Resolves with the response, or null when a newer request from the same caller replaced it. */
  search(state: SearchState, limit: number, counts?: boolean): Promise<SearchResponse | null>;
}

type Transport = { send: (request: SearchRequest) => void; pending: Map<number, (r: SearchResponse) => void> };

let transport: Transport | null = null;
let nextId = 1;

/**
 * A connection for one caller (the header box, the results page): they share
 * the worker, and each only ever sees the answer to its own latest request.
 */
export function connect(urls: SearchFilesUrls): Connection {
  transport ??= createTransport(urls);
  const t = transport;
  let latest = 0;
  return {
    search(state, limit, counts = false) {
      const id = nextId++;
      latest = id;
      return new Promise((resolve) => {
        t.pending.set(id, (response) => resolve(id === latest ? response : null));
        t.send({ id, state, limit, counts });
      });
    },
  };
}

const failure = (id: number, error: string): SearchResponse => ({ id, total: 0, partial: false, terms: [], groups: [], suggestions: [], error });

function createTransport(urls: SearchFilesUrls): Transport {
  const meta = new URL(urls.meta, location.href).href;
  const pending = new Map<number, (r: SearchResponse) => void>();
  const settle = (response: SearchResponse) => {
    const resolve = pending.get(response.id);
    pending.delete(response.id);
    resolve?.(response);
  };
  try {
    const worker = new Worker(new URL('./worker.ts', import.meta.url), { type: 'module', name: 'recherche' });
    worker.addEventListener('message', (event: MessageEvent) => {
      const message = event.data as SearchResponse | { type: string; message?: string };
      if ('type' in message) {
        if (message.type === 'error') console.error(message.message);
        return;
      }
      settle(message);
    });
    worker.addEventListener('error', (event) => {
      console.error('recherche : le worker a échoué', event.message);
      for (const id of [...pending.keys()]) settle(failure(id, 'worker'));
    });
    worker.postMessage({ type: 'init', meta });
    return { pending, send: (request) => worker.postMessage({ type: 'search', ...request }) };
  } catch {
    // No worker (old browser, strict CSP): the same service, in the page.
    const service = import('./service.ts').then(({ SearchService }) => SearchService.load(meta));
    return {
      pending,
      send: (request) =>
        service.then((s) => s.search(request)).then(settle, (error: unknown) => settle(failure(request.id, String(error)))),
    };
  }
}
