/**
 * Fetch stage: polite HTTP with an on-disk cache for conditional GET.
 *
 * In two halves, after Miniflux's fetcher: `buildRequest` makes the request
 * (conditional headers only when known), `interpretResponse` reads what came
 * back (304, redirects, Retry-After, content type) into a small closed set of
 * outcomes. `Fetcher` runs them with timeouts, a byte cap applied after
 * decompression, robots.txt, one request at a time per host with a delay, a
 * global concurrency limit and retries with backoff. Every error message
 * starts with « fetch: » and names the URL.
 */
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { createHash, randomBytes } from 'node:crypto';
import robotsParser from 'robots-parser';
import iconv from 'iconv-lite';
import { StageError } from '../lib/stage-error.ts';

/** The closed set of reasons a fetch fails. */
export type FetchErrorKind =
  | 'bad-url'
  | 'network'
  | 'timeout'
  | 'http'
  | 'redirects'
  | 'type'
  | 'too-large'
  | 'robots'
  | 'denied'
  | 'rate-limited';

export class FetchError extends StageError {
  kind: FetchErrorKind;
  url: string;
  status: number | undefined;
  constructor(kind: FetchErrorKind, url: string, detail: string, status?: number) {
    super('fetch', url, detail);
    this.kind = kind;
    this.url = url;
    this.status = status;
  }
}

/** What the cache remembers of a response, for conditional requests. */
export interface CacheEntry {
  url: string;
  finalUrl: string;
  etag?: string;
  lastModified?: string;
  contentType?: string;
  /** SHA-256 of the stored body. */
  bodyHash: string;
}

export interface FetchOptions {
  /** Sent on every request; says who we are and how to reach us. */
  userAgent: string;
  /** Token matched against robots.txt groups. */
  robotsAgent: string;
  /** Whole-request timeout (headers and body), in ms. */
  timeoutMs: number;
  /** Largest body accepted, in bytes, counted after decompression. */
  maxBytes: number;
  maxRedirects: number;
  /** Retries after a 429 or a 5xx (so at most retries + 1 attempts). */
  retries: number;
  /** First backoff when no Retry-After is given; doubled at each retry. */
  backoffMs: number;
  /** A Retry-After longer than this gives up instead of waiting. */
  maxRetryAfterMs: number;
  /** Pause between two requests to the same host. */
  perHostDelayMs: number;
  /** Requests in flight at once, all hosts together. */
  concurrency: number;
  /** Folder of the HTTP cache; null for none. */
  cacheDir: string | null;
  obeyRobots: boolean;
  /** Injected for tests. */
  sleep: (ms: number) => Promise<void>;
  now: () => number;
  /** The HTTP client (tests give one that sends every site's requests to a loopback server). */
  fetch: typeof globalThis.fetch;
  /** Addresses never requested, not even after a redirect (the config's deny list): returns why, or undefined. */
  deny?: ((url: string) => string | undefined) | undefined;
}

export const DEFAULT_USER_AGENT =
  'VeilleFuitesBot/0.1 (+https://veille-fuites.example/a-propos ; revue de presse non commerciale ; une requête à la fois par site)';

export const defaultFetchOptions = (over: Partial<FetchOptions> = {}): FetchOptions => ({
  userAgent: DEFAULT_USER_AGENT,
  robotsAgent: 'VeilleFuitesBot',
  timeoutMs: 15_000,
  maxBytes: 5 * 1024 * 1024,
  maxRedirects: 5,
  retries: 3,
  backoffMs: 1_000,
  maxRetryAfterMs: 120_000,
  perHostDelayMs: 1_000,
  concurrency: 4,
  cacheDir: '.cache/http',
  obeyRobots: true,
  sleep: (ms) => new Promise((r) => setTimeout(r, ms)),
  now: () => Date.now(),
  fetch: (input, init) => globalThis.fetch(input, init),
  ...over,
});

export interface FetchResult {
  /** Address asked for. */
  url: string;
  /** Address after redirects. */
  finalUrl: string;
  /** 200, or 304 when the cached copy was still good. */
  status: number;
  /** True when the server answered 304 and the body came from the cache. */
  notModified: boolean;
  contentType: string;
  body: Buffer;
  /** Body decoded to text. */
  text: string;
  /** Encoding used to decode it. */
  encoding: string;
  attempts: number;
}

// ---------------------------------------------------------------- request half

export interface BuiltRequest {
  url: string;
  headers: Record<string, string>;
}

/** The request for `url`: our User-Agent, accepted types and encodings, conditional headers only when known. */
export function buildRequest(url: string, userAgent: string, cached?: Pick<CacheEntry, 'etag' | 'lastModified'>): BuiltRequest {
  const headers: Record<string, string> = {
    'user-agent': userAgent,
    accept: 'text/html,application/xhtml+xml,application/rss+xml,application/atom+xml,application/xml;q=0.9,text/xml;q=0.9',
    'accept-language': 'fr-FR,fr;q=0.9',
    'accept-encoding': 'gzip, deflate, br',
  };
  if (cached?.etag) headers['if-none-match'] = cached.etag;
  if (cached?.lastModified) headers['if-modified-since'] = cached.lastModified;
  return { url, headers };
}

/** Only http and https, with a host. */
export function checkUrl(url: string): URL {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new FetchError('bad-url', url, 'adresse invalide');
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') {
    throw new FetchError('bad-url', url, `schéma « ${parsed.protocol.replace(':', '')} » refusé : http et https seulement`);
  }
  return parsed;
}

// --------------------------------------------------------------- response half

const ACCEPTED_TYPES = new Set([
  'text/html',
  'application/xhtml+xml',
  'text/xml',
  'application/xml',
  'application/rss+xml',
  'application/atom+xml',
  'application/rdf+xml',
]);

export type Interpretation =
  | { action: 'ok'; contentType: string }
  | { action: 'not-modified' }
  | { action: 'redirect'; location: string }
  | { action: 'retry'; delayMs: number; reason: string }
  | { action: 'error'; kind: FetchErrorKind; detail: string };

/** Milliseconds to wait from a Retry-After value (seconds or an HTTP date), or null when absent or unreadable. */
export function parseRetryAfter(value: string | null | undefined, now: number): number | null {
  if (!value) return null;
  const v = value.trim();
  if (/^\d+$/.test(v)) return Number(v) * 1000;
  const at = Date.parse(v);
  if (Number.isNaN(at)) return null;
  return Math.max(0, at - now);
}

export interface ResponseInfo {
  status: number;
  headers: { get(name: string): string | null };
  url: string;
  /** Attempts made so far for this URL (1 for the first). */
  attempt: number;
}

/** Reads a response's status and headers into what to do next. */
export function interpretResponse(
  res: ResponseInfo,
  opts: Pick<FetchOptions, 'retries' | 'backoffMs' | 'maxRetryAfterMs'>,
  now: number,
  hasCache: boolean,
  anyType = false,
): Interpretation {
  const { status } = res;
  if (status === 304) {
    return hasCache ? { action: 'not-modified' } : { action: 'error', kind: 'http', detail: 'réponse 304 sans copie en cache' };
  }
  if ([301, 302, 303, 307, 308].includes(status)) {
    const location = res.headers.get('location');
    if (!location) return { action: 'error', kind: 'http', detail: `redirection ${status} sans en-tête Location` };
    return { action: 'redirect', location: new URL(location, res.url).toString() };
  }
  if (status === 429 || status >= 500) {
    const label = status === 429 ? 'trop de requêtes (429)' : `erreur serveur ${status}`;
    if (res.attempt > opts.retries) {
      return { action: 'error', kind: status === 429 ? 'rate-limited' : 'http', detail: `${label}, abandon après ${res.attempt} essais` };
    }
    const retryAfter = parseRetryAfter(res.headers.get('retry-after'), now);
    if (retryAfter !== null && retryAfter > opts.maxRetryAfterMs) {
      return { action: 'error', kind: 'rate-limited', detail: `${label} : Retry-After de ${Math.round(retryAfter / 1000)} s, au-delà de la limite` };
    }
    const delayMs = retryAfter ?? opts.backoffMs * 2 ** (res.attempt - 1);
    return { action: 'retry', delayMs, reason: label };
  }
  if (status < 200 || status >= 300) return { action: 'error', kind: 'http', detail: `réponse HTTP ${status}` };
  const contentType = (res.headers.get('content-type') ?? '').split(';')[0]!.trim().toLowerCase();
  if (!anyType && contentType && !ACCEPTED_TYPES.has(contentType)) {
    return { action: 'error', kind: 'type', detail: `type de contenu « ${contentType} » refusé : HTML ou XML seulement` };
  }
  return { action: 'ok', contentType };
}

// ------------------------------------------------------------------- decoding

/** WHATWG label → iconv-lite name; Latin-1 and ASCII are read as windows-1252, as browsers do. */
function encodingName(label: string): string | null {
  const l = label.trim().toLowerCase().replace(/^["']|["']$/g, '');
  if (['utf-8', 'utf8', 'unicode-1-1-utf-8'].includes(l)) return 'utf-8';
  if (['iso-8859-1', 'iso8859-1', 'latin1', 'l1', 'us-ascii', 'ascii', 'windows-1252', 'cp1252', 'x-cp1252', 'iso-8859-15', 'latin-9', 'iso8859-15'].includes(l)) {
    return l.includes('15') || l === 'latin-9' ? 'iso-8859-15' : 'windows-1252';
  }
  return iconv.encodingExists(l) ? l : null;
}

const charsetOf = (contentType: string | null | undefined) => /charset\s*=\s*["']?([\w.:-]+)/i.exec(contentType ?? '')?.[1];

/**
 * Decodes a page: BOM first, then the HTTP charset, then `<meta charset>` (or
 * http-equiv) or the XML declaration in the first 4 KiB, else UTF-8 when the
 * bytes are valid UTF-8 and windows-1252 when they are not.
 */
export function decodeBody(body: Uint8Array, contentTypeHeader?: string | null): { text: string; encoding: string } {
  const buf = Buffer.from(body.buffer, body.byteOffset, body.byteLength);
  if (buf[0] === 0xef && buf[1] === 0xbb && buf[2] === 0xbf) return { text: buf.subarray(3).toString('utf8'), encoding: 'utf-8' };
  if (buf[0] === 0xff && buf[1] === 0xfe) return { text: iconv.decode(buf.subarray(2), 'utf-16le'), encoding: 'utf-16le' };
  if (buf[0] === 0xfe && buf[1] === 0xff) return { text: iconv.decode(buf.subarray(2), 'utf-16be'), encoding: 'utf-16be' };
  const head = buf.subarray(0, 4096).toString('latin1');
  const declared =
    charsetOf(contentTypeHeader) ??
    /<meta[^>]+charset\s*=\s*["']?\s*([\w.:-]+)/i.exec(head)?.[1] ??
    /<\?xml[^>]+encoding\s*=\s*["']([\w.:-]+)["']/i.exec(head)?.[1];
  const name = declared ? encodingName(declared) : null;
  if (name && name !== 'utf-8') return { text: iconv.decode(buf, name), encoding: name };
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(buf), encoding: 'utf-8' };
  } catch {
    return { text: iconv.decode(buf, 'windows-1252'), encoding: 'windows-1252' };
  }
}

// --------------------------------------------------------------- on-disk cache

const keyOf = (url: string) => createHash('sha256').update(url).digest('hex').slice(0, 32);

async function atomicWrite(path: string, data: string | Uint8Array) {
  const tmp = `${path}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`;
  await writeFile(tmp, data);
  await rename(tmp, path);
}

/** HTTP cache on disk: one JSON of validators and one body per URL. */
export class HttpCache {
  dir: string;
  constructor(dir: string) {
    this.dir = dir;
  }
  async get(url: string): Promise<{ entry: CacheEntry; body: Buffer } | null> {
    try {
      const entry = JSON.parse(await readFile(join(this.dir, `${keyOf(url)}.json`), 'utf8')) as CacheEntry;
      const body = await readFile(join(this.dir, `${keyOf(url)}.body`));
      if (entry.url !== url) return null;
      return { entry, body };
    } catch {
      return null;
    }
  }
  /** Stores a response; writes nothing when the same validators and body are already there. */
  async put(entry: CacheEntry, body: Buffer, previous?: CacheEntry): Promise<boolean> {
    if (previous && JSON.stringify(previous) === JSON.stringify(entry)) return false;
    await mkdir(this.dir, { recursive: true });
    await atomicWrite(join(this.dir, `${keyOf(entry.url)}.body`), body);
    await atomicWrite(join(this.dir, `${keyOf(entry.url)}.json`), JSON.stringify(entry, null, 1));
    return true;
  }
}

// ------------------------------------------------------------------ scheduling

/** A counting semaphore. */
class Semaphore {
  free: number;
  waiting: (() => void)[] = [];
  constructor(n: number) {
    this.free = n;
  }
  async acquire() {
    if (this.free > 0) {
      this.free--;
      return;
    }
    await new Promise<void>((r) => this.waiting.push(r));
  }
  release() {
    const next = this.waiting.shift();
    if (next) next();
    else this.free++;
  }
}

type Robot = ReturnType<typeof robotsParser>;

/** Statistics a run reports. */
export interface FetchStats {
  requests: number;
  notModified: number;
  retries: number;
  bytes: number;
}

/**
 * Runs requests politely: robots.txt first, one request at a time per host
 * with a pause between them, a global limit, retries on 429/5xx.
 */
export class Fetcher {
  opts: FetchOptions;
  cache: HttpCache | null;
  stats: FetchStats = { requests: 0, notModified: 0, retries: 0, bytes: 0 };
  private global: Semaphore;
  private hostTail = new Map<string, Promise<unknown>>();
  private hostLast = new Map<string, number>();
  private hostDelay = new Map<string, number>();
  private robots = new Map<string, Promise<Robot | 'allow-all' | 'deny-all'>>();

  constructor(opts: Partial<FetchOptions> = {}) {
    this.opts = defaultFetchOptions(opts);
    this.cache = this.opts.cacheDir ? new HttpCache(this.opts.cacheDir) : null;
    this.global = new Semaphore(Math.max(1, this.opts.concurrency));
  }

  /** Fetches one page or feed; throws a FetchError. */
  async fetch(url: string): Promise<FetchResult> {
    const parsed = checkUrl(url);
    return this.onHost(parsed.host, () => this.fetchOnHost(url));
  }

  /** Runs `fn` in the host's queue, after the pause since its last request. */
  private onHost<T>(host: string, fn: () => Promise<T>): Promise<T> {
    const prev = this.hostTail.get(host) ?? Promise.resolve();
    const run = prev.then(async () => {
      const last = this.hostLast.get(host);
      const delay = this.hostDelay.get(host) ?? this.opts.perHostDelayMs;
      if (last !== undefined) {
        const wait = last + delay - this.opts.now();
        if (wait > 0) await this.opts.sleep(wait);
      }
      try {
        return await fn();
      } finally {
        this.hostLast.set(host, this.opts.now());
      }
    });
    this.hostTail.set(host, run.catch(() => undefined));
    return run;
  }

  private async robotsFor(u: URL): Promise<Robot | 'allow-all' | 'deny-all'> {
    const origin = u.origin;
    let p = this.robots.get(origin);
    if (!p) {
      p = (async () => {
        const robotsUrl = `${origin}/robots.txt`;
        // robots.txt too is asked for conditionally: a run with nothing new only gets 304s.
        const cached = this.cache ? await this.cache.get(robotsUrl) : null;
        let res;
        try {
          res = await this.follow(robotsUrl, cached?.entry, true);
        } catch (e) {
          if (e instanceof FetchError && (e.kind === 'network' || e.kind === 'timeout')) throw e;
          if (e instanceof FetchError && e.status !== undefined && e.status >= 500) return 'deny-all';
          return 'allow-all';
        }
        let body: Buffer;
        if (res.kind === 'not-modified') {
          this.stats.notModified++;
          body = cached!.body;
        } else {
          body = res.body;
          await this.remember(robotsUrl, res, cached?.entry);
        }
        const robot = robotsParser(robotsUrl, body.toString('utf8'));
        const delay = robot.getCrawlDelay(this.opts.robotsAgent);
        if (delay) this.hostDelay.set(u.host, Math.min(30_000, Math.max(this.opts.perHostDelayMs, delay * 1000)));
        return robot;
      })();
      this.robots.set(origin, p);
    }
    return p;
  }

  private async allowed(url: string): Promise<void> {
    if (!this.opts.obeyRobots) return;
    const u = new URL(url);
    let robot;
    try {
      robot = await this.robotsFor(u);
    } catch (e) {
      if (e instanceof FetchError) throw new FetchError(e.kind, url, `site injoignable (robots.txt : ${e.message.replace(/^fetch: /, '')})`);
      throw e;
    }
    if (robot === 'allow-all') return;
    if (robot === 'deny-all') throw new FetchError('robots', url, 'robots.txt en erreur serveur : exploration suspendue par prudence');
    if (robot.isAllowed(url, this.opts.robotsAgent) === false) throw new FetchError('robots', url, 'interdit par robots.txt');
  }

  private async fetchOnHost(url: string): Promise<FetchResult> {
    const cached = this.cache ? await this.cache.get(url) : null;
    const res = await this.follow(url, cached?.entry, false);
    if (res.kind === 'not-modified') {
      this.stats.notModified++;
      const decoded = decodeBody(cached!.body, cached!.entry.contentType);
      return {
        url,
        finalUrl: cached!.entry.finalUrl,
        status: 304,
        notModified: true,
        contentType: (cached!.entry.contentType ?? '').split(';')[0]!.trim(),
        body: cached!.body,
        ...decoded,
        attempts: res.attempts,
      };
    }
    const decoded = decodeBody(res.body, res.contentTypeHeader);
    await this.remember(url, res, cached?.entry);
    return { url, finalUrl: res.finalUrl, status: 200, notModified: false, contentType: res.contentType, body: res.body, ...decoded, attempts: res.attempts };
  }

  /** Redirects and retries around single requests. */
  /** Stores a 200 response in the cache when it carries a validator for the next conditional GET. */
  private async remember(
    url: string,
    res: { finalUrl: string; etag: string | null; lastModified: string | null; contentTypeHeader: string | null; body: Buffer },
    previous: CacheEntry | undefined,
  ): Promise<void> {
    if (!this.cache || !(res.etag || res.lastModified)) return;
    const entry: CacheEntry = {
      url,
      finalUrl: res.finalUrl,
      ...(res.etag ? { etag: res.etag } : {}),
      ...(res.lastModified ? { lastModified: res.lastModified } : {}),
      ...(res.contentTypeHeader ? { contentType: res.contentTypeHeader } : {}),
      bodyHash: createHash('sha256').update(res.body).digest('hex'),
    };
    await this.cache.put(entry, res.body, previous);
  }

  private async follow(
    url: string,
    cached: CacheEntry | undefined,
    isRobots: boolean,
  ): Promise<
    | { kind: 'ok'; finalUrl: string; body: Buffer; contentType: string; contentTypeHeader: string | null; etag: string | null; lastModified: string | null; attempts: number }
    | { kind: 'not-modified'; attempts: number }
  > {
    const seen = new Set<string>();
    let current = url;
    let attempts = 0;
    for (let hop = 0; ; hop++) {
      checkUrl(current);
      const denied = this.opts.deny?.(current);
      if (denied) throw new FetchError('denied', url, `hôte exclu par la liste deny (${denied})${current === url ? '' : ` après redirection vers ${current}`}`);
      if (seen.has(current)) throw new FetchError('redirects', url, `boucle de redirections (retour à ${current})`);
      seen.add(current);
      if (hop > this.opts.maxRedirects) throw new FetchError('redirects', url, `plus de ${this.opts.maxRedirects} redirections`);
      if (!isRobots) await this.allowed(current);
      // Conditional headers only for the address the cache knows.
      const req = buildRequest(current, this.opts.userAgent, current === url ? cached : undefined);
      for (let attempt = 1; ; attempt++) {
        attempts++;
        const single = await this.request(req, url, isRobots);
        const verdict = interpretResponse(
          { status: single.status, headers: single.headers, url: current, attempt },
          isRobots ? { ...this.opts, retries: 0 } : this.opts,
          this.opts.now(),
          Boolean(cached),
          isRobots,
        );
        if (verdict.action === 'retry') {
          await single.discard();
          this.stats.retries++;
          await this.opts.sleep(verdict.delayMs);
          continue;
        }
        if (verdict.action === 'not-modified') {
          await single.discard();
          return { kind: 'not-modified', attempts };
        }
        if (verdict.action === 'redirect') {
          await single.discard();
          current = verdict.location;
          break;
        }
        if (verdict.action === 'error') {
          await single.discard();
          throw new FetchError(verdict.kind, url, verdict.detail, single.status);
        }
        const body = await single.read();
        return {
          kind: 'ok',
          finalUrl: current,
          body,
          contentType: verdict.contentType,
          contentTypeHeader: single.headers.get('content-type'),
          etag: single.headers.get('etag'),
          lastModified: single.headers.get('last-modified'),
          attempts,
        };
      }
    }
  }

  /** One HTTP exchange under the global limit, with the timeout covering headers and body. */
  private async request(req: BuiltRequest, originalUrl: string, isRobots: boolean) {
    await this.global.acquire();
    this.stats.requests++;
    const controller = new AbortController();
    const timeoutMs = isRobots ? Math.min(this.opts.timeoutMs, 10_000) : this.opts.timeoutMs;
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      controller.abort();
    }, timeoutMs);
    let released = false;
    const done = () => {
      if (released) return;
      released = true;
      clearTimeout(timer);
      this.global.release();
    };
    const fail = (e: unknown): never => {
      done();
      if (e instanceof FetchError) throw e;
      if (timedOut) throw new FetchError('timeout', originalUrl, `pas de réponse complète en ${timeoutMs} ms`);
      const cause = (e as { cause?: { code?: string; message?: string } }).cause;
      throw new FetchError('network', originalUrl, `réseau : ${cause?.code ?? cause?.message ?? (e as Error).message}`);
    };
    let response: Response;
    try {
      response = await this.opts.fetch(req.url, { headers: req.headers, redirect: 'manual', signal: controller.signal });
    } catch (e) {
      return fail(e);
    }
    const maxBytes = this.opts.maxBytes;
    const stats = this.stats;
    return {
      status: response.status,
      headers: response.headers,
      discard: async () => {
        try {
          await response.body?.cancel();
        } catch {
          /* already closed */
        }
        done();
      },
      read: async (): Promise<Buffer> => {
        const declared = Number(response.headers.get('content-length') ?? NaN);
        const encoded = response.headers.get('content-encoding');
        if (!encoded && Number.isFinite(declared) && declared > maxBytes) {
          await response.body?.cancel().catch(() => undefined);
          done();
          throw new FetchError('too-large', originalUrl, `corps de ${declared} octets, au-delà de la limite de ${maxBytes}`);
        }
        const chunks: Uint8Array[] = [];
        let total = 0;
        try {
          if (response.body) {
            for await (const chunk of response.body as unknown as AsyncIterable<Uint8Array>) {
              total += chunk.byteLength;
              if (total > maxBytes) {
                controller.abort();
                throw new FetchError('too-large', originalUrl, `corps au-delà de la limite de ${maxBytes} octets (après décompression)`);
              }
              chunks.push(chunk);
            }
          }
        } catch (e) {
          return fail(e);
        }
        done();
        stats.bytes += total;
        return Buffer.concat(chunks);
      },
    };
  }
}
