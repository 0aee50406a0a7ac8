import { afterEach, describe, expect, it } from 'vitest';
import { mkdtempSync, readdirSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync, brotliCompressSync } from 'node:zlib';
import iconv from 'iconv-lite';
import { buildRequest, decodeBody, Fetcher, FetchError, interpretResponse, parseRetryAfter, type FetchOptions } from './index.ts';
import { startServer, staticBody, type TestServer } from '../lib/test-server.ts';

const headers = (h: Record<string, string>) => ({ get: (n: string) => h[n.toLowerCase()] ?? null });
const policy = { retries: 3, backoffMs: 100, maxRetryAfterMs: 10_000 };
const NOW = Date.parse('2024-02-06T12:00:00Z');

describe('buildRequest', () => {
  it.each([
    ['no cache', undefined, {}],
    ['ETag only', { etag: '"abc"' }, { 'if-none-match': '"abc"' }],
    ['Last-Modified only', { lastModified: 'Tue, 06 Feb 2024 11:17:00 GMT' }, { 'if-modified-since': 'Tue, 06 Feb 2024 11:17:00 GMT' }],
    ['both', { etag: 'W/"x"', lastModified: 'Mon, 05 Feb 2024 10:00:00 GMT' }, { 'if-none-match': 'W/"x"', 'if-modified-since': 'Mon, 05 Feb 2024 10:00:00 GMT' }],
  ])('%s', (_name, cached, conditional) => {
    const r = buildRequest('https://exemple.fr/a', 'UA/1', cached);
    expect(r.headers['user-agent']).toBe('UA/1');
    expect(r.headers['accept-encoding']).toContain('br');
    const cond = Object.fromEntries(Object.entries(r.headers).filter(([k]) => k.startsWith('if-')));
    expect(cond).toEqual(conditional);
  });
});

describe('interpretResponse', () => {
  const cases: [string, number, Record<string, string>, number, boolean, unknown][] = [
    ['200 HTML', 200, { 'content-type': 'text/html; charset=utf-8' }, 1, false, { action: 'ok', contentType: 'text/html' }],
    ['200 RSS', 200, { 'content-type': 'application/rss+xml' }, 1, false, { action: 'ok', contentType: 'application/rss+xml' }],
    ['200 PDF refused', 200, { 'content-type': 'application/pdf' }, 1, false, { action: 'error', kind: 'type' }],
    ['304 with cache', 304, {}, 1, true, { action: 'not-modified' }],
    ['304 without cache', 304, {}, 1, false, { action: 'error', kind: 'http' }],
    ['301 relative Location', 301, { location: '/b?x=1' }, 1, false, { action: 'redirect', location: 'https://exemple.fr/b?x=1' }],
    ['302 without Location', 302, {}, 1, false, { action: 'error', kind: 'http' }],
    ['429 Retry-After seconds', 429, { 'retry-after': '2' }, 1, false, { action: 'retry', delayMs: 2000 }],
    ['429 Retry-After date', 429, { 'retry-after': new Date(NOW + 5000).toUTCString() }, 1, false, { action: 'retry', delayMs: 5000 }],
    ['429 Retry-After too long', 429, { 'retry-after': '3600' }, 1, false, { action: 'error', kind: 'rate-limited' }],
    ['503 first backoff', 503, {}, 1, false, { action: 'retry', delayMs: 100 }],
    ['503 third backoff doubles', 503, {}, 3, false, { action: 'retry', delayMs: 400 }],
    ['500 after the last retry', 500, {}, 4, false, { action: 'error', kind: 'http' }],
    ['404', 404, {}, 1, false, { action: 'error', kind: 'http' }],
  ];
  it.each(cases)('%s', (_n, status, h, attempt, hasCache, expected) => {
    const got = interpretResponse({ status, headers: headers(h), url: 'https://exemple.fr/a', attempt }, policy, NOW, hasCache);
    expect(got).toMatchObject(expected as object);
  });

  it('parses Retry-After', () => {
    expect(parseRetryAfter('7', NOW)).toBe(7000);
    expect(parseRetryAfter(new Date(NOW - 1000).toUTCString(), NOW)).toBe(0);
    expect(parseRetryAfter('demain', NOW)).toBeNull();
    expect(parseRetryAfter(null, NOW)).toBeNull();
  });
});

describe('decodeBody', () => {
  const text = 'Sécurité sociale : « données » – 5 € à l’assuré';
  it('reads a UTF-8 BOM', () => {
    const buf = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text)]);
    expect(decodeBody(buf)).toEqual({ text, encoding: 'utf-8' });
  });
  it('follows the HTTP charset', () => {
    expect(decodeBody(iconv.encode(text, 'win1252'), 'text/html; charset=windows-1252').text).toBe(text);
  });
  it('reads ISO-8859-1 as windows-1252 (the euro sign survives)', () => {
    const html = `<html><head><meta http-equiv="Content-Type" content="text/html; charset=ISO-8859-1"></head><body>${text}</body></html>`;
    const d = decodeBody(iconv.encode(html, 'win1252'));
    expect(d.encoding).toBe('windows-1252');
    expect(d.text).toContain(text);
  });
  it('reads <meta charset>', () => {
    const html = `<meta charset="windows-1252"><p>${text}</p>`;
    expect(decodeBody(iconv.encode(html, 'win1252')).text).toContain(text);
  });
  it('reads an XML declaration', () => {
    const xml = `<?xml version="1.0" encoding="ISO-8859-1"?><rss><title>${text}</title></rss>`;
    expect(decodeBody(iconv.encode(xml, 'win1252')).text).toContain(text);
  });
  it('falls back to windows-1252 when the bytes are not UTF-8', () => {
    expect(decodeBody(iconv.encode(`<p>${text}</p>`, 'win1252'))).toEqual({ text: `<p>${text}</p>`, encoding: 'windows-1252' });
  });
  it('defaults to UTF-8', () => {
    expect(decodeBody(Buffer.from(text))).toEqual({ text, encoding: 'utf-8' });
  });
});

describe('Fetcher against a local server', () => {
  let server: TestServer | undefined;
  afterEach(async () => {
    await server?.close();
    server = undefined;
  });
  const sleeps: number[] = [];
  const make = (over: Partial<FetchOptions> = {}) => {
    sleeps.length = 0;
    return new Fetcher({
      cacheDir: null,
      perHostDelayMs: 0,
      timeoutMs: 2000,
      backoffMs: 50,
      sleep: async (ms) => {
        sleeps.push(ms);
      },
      ...over,
    });
  };
  const error = async (p: Promise<unknown>) => {
    try {
      await p;
    } catch (e) {
      return e as FetchError;
    }
    throw new Error('expected a FetchError');
  };

  it('404 is a named http error', async () => {
    server = await startServer();
    const e = await error(make().fetch(`${server.origin}/absent`));
    expect(e).toBeInstanceOf(FetchError);
    expect(e.kind).toBe('http');
    expect(e.status).toBe(404);
    expect(e.message).toMatch(/^fetch: réponse HTTP 404 \(http:\/\/127\.0\.0\.1:\d+\/absent\)$/);
  });

  it('500 then 200 retries with backoff', async () => {
    server = await startServer({ '/flaky': (_q, r, n) => (n === 1 ? r.writeHead(500).end() : staticBody('<p>ok</p>')(_q, r, n)) });
    const res = await make().fetch(`${server.origin}/flaky`);
    expect(res.text).toBe('<p>ok</p>');
    expect(res.attempts).toBe(2);
    expect(sleeps).toEqual([50]);
  });

  it('429 obeys Retry-After', async () => {
    server = await startServer({ '/busy': (_q, r, n) => (n === 1 ? r.writeHead(429, { 'retry-after': '3' }).end() : staticBody('<p>ok</p>')(_q, r, n)) });
    const res = await make().fetch(`${server.origin}/busy`);
    expect(res.status).toBe(200);
    expect(sleeps).toEqual([3000]);
  });

  it('gives up on a 5xx after the retries', async () => {
    server = await startServer({ '/down': (_q, r) => r.writeHead(503).end() });
    const e = await error(make({ retries: 2 }).fetch(`${server.origin}/down`));
    expect(e.kind).toBe('http');
    expect(server.hits('/down')).toBe(3);
    expect(sleeps).toEqual([50, 100]);
  });

  it('a response slower than the timeout fails', async () => {
    server = await startServer({ '/slow': (_q, r) => void setTimeout(() => r.writeHead(200, { 'content-type': 'text/html' }).end('<p>tard</p>'), 1500) });
    const e = await error(make({ timeoutMs: 150 }).fetch(`${server.origin}/slow`));
    expect(e.kind).toBe('timeout');
  });

  it('a body that stalls fails with the timeout too', async () => {
    server = await startServer({ '/stall': (_q, r) => { r.writeHead(200, { 'content-type': 'text/html' }); r.write('<p>début'); } });
    const e = await error(make({ timeoutMs: 150 }).fetch(`${server.origin}/stall`));
    expect(e.kind).toBe('timeout');
  });

  it('detects a redirect loop', async () => {
    server = await startServer({ '/a': (_q, r) => r.writeHead(302, { location: '/b' }).end(), '/b': (_q, r) => r.writeHead(301, { location: '/a' }).end() });
    const e = await error(make().fetch(`${server.origin}/a`));
    expect(e.kind).toBe('redirects');
    expect(e.message).toContain('boucle');
  });

  it('stops after 5 redirects and follows up to 5', async () => {
    const routes: Record<string, (q: unknown, r: import('node:http').ServerResponse) => void> = {};
    for (let i = 0; i < 7; i++) routes[`/r${i}`] = (_q, r) => void r.writeHead(302, { location: `/r${i + 1}` }).end();
    routes['/r7'] = (_q, r) => void r.writeHead(200, { 'content-type': 'text/html' }).end('<p>fin</p>');
    server = await startServer(routes as never);
    expect((await make().fetch(`${server.origin}/r2`)).finalUrl).toBe(`${server.origin}/r7`);
    const e = await error(make().fetch(`${server.origin}/r0`));
    expect(e.kind).toBe('redirects');
  });

  it('refuses an oversized body, counted after decompression', async () => {
    const big = '<p>' + 'x'.repeat(50_000) + '</p>';
    server = await startServer({
      '/big': (_q, r) => { r.writeHead(200, { 'content-type': 'text/html' }); r.write(big.slice(0, 25_000)); r.end(big.slice(25_000)); },
      '/declared': (_q, r) => void r.writeHead(200, { 'content-type': 'text/html', 'content-length': String(big.length) }).end(big),
      '/bomb': (_q, r) => void r.writeHead(200, { 'content-type': 'text/html', 'content-encoding': 'gzip' }).end(gzipSync(big)),
    });
    for (const p of ['/big', '/declared', '/bomb']) {
      const e = await error(make({ maxBytes: 10_000 }).fetch(`${server.origin}${p}`));
      expect(e.kind, p).toBe('too-large');
    }
  });

  it('refuses a PDF and a non-http scheme', async () => {
    server = await startServer({ '/doc.pdf': (_q, r) => void r.writeHead(200, { 'content-type': 'application/pdf' }).end('%PDF-1.4') });
    expect((await error(make().fetch(`${server.origin}/doc.pdf`))).kind).toBe('type');
    expect((await error(make().fetch('ftp://exemple.fr/a'))).kind).toBe('bad-url');
    expect((await error(make().fetch('file:///etc/passwd'))).kind).toBe('bad-url');
  });

  it('obeys robots.txt and never requests a disallowed page', async () => {
    server = await startServer({
      '/robots.txt': (_q, r) => void r.writeHead(200, { 'content-type': 'text/plain' }).end('User-agent: *\nDisallow: /prive/\n'),
      '/prive/article': staticBody('<p>secret</p>'),
      '/public': staticBody('<p>public</p>'),
    });
    const f = make({ obeyRobots: true });
    expect((await error(f.fetch(`${server.origin}/prive/article`))).kind).toBe('robots');
    expect(server.hits('/prive/article')).toBe(0);
    expect((await f.fetch(`${server.origin}/public`)).text).toBe('<p>public</p>');
    expect(server.hits('/robots.txt')).toBe(1);
  });

  it('treats a 5xx robots.txt as a full disallow and a 404 as allow-all', async () => {
    server = await startServer({ '/robots.txt': (_q, r) => void r.writeHead(503).end(), '/p': staticBody('<p>x</p>') });
    expect((await error(make({ obeyRobots: true }).fetch(`${server.origin}/p`))).kind).toBe('robots');
    server.routes.delete('/robots.txt');
    expect((await make({ obeyRobots: true }).fetch(`${server.origin}/p`)).text).toBe('<p>x</p>');
  });

  it('honours a robots.txt Crawl-delay for our agent', async () => {
    server = await startServer({
      '/robots.txt': (_q, r) => void r.writeHead(200, { 'content-type': 'text/plain' }).end('User-agent: VeilleFuitesBot\nCrawl-delay: 3\nDisallow:\n'),
      '*': staticBody('<p>x</p>'),
    });
    let clock = 0;
    const f = make({ obeyRobots: true, perHostDelayMs: 100, now: () => clock, sleep: async (ms) => { sleeps.push(ms); clock += ms; } });
    await f.fetch(`${server.origin}/a`);
    await f.fetch(`${server.origin}/b`);
    expect(sleeps).toEqual([3000]);
  });

  it('checks robots.txt again after a redirect to a disallowed path', async () => {
    server = await startServer({
      '/robots.txt': (_q, r) => void r.writeHead(200, { 'content-type': 'text/plain' }).end('User-agent: *\nDisallow: /prive/\n'),
      '/public': (_q, r) => void r.writeHead(302, { location: '/prive/x' }).end(),
      '/prive/x': staticBody('<p>secret</p>'),
    });
    expect((await error(make({ obeyRobots: true }).fetch(`${server.origin}/public`))).kind).toBe('robots');
    expect(server.hits('/prive/x')).toBe(0);
  });

  it('decodes gzip and brotli', async () => {
    const html = '<p>Données compressées : « ok »</p>';
    server = await startServer({
      '/gz': (_q, r) => void r.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'content-encoding': 'gzip' }).end(gzipSync(html)),
      '/br': (_q, r) => void r.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'content-encoding': 'br' }).end(brotliCompressSync(html)),
    });
    const f = make();
    expect((await f.fetch(`${server.origin}/gz`)).text).toBe(html);
    expect((await f.fetch(`${server.origin}/br`)).text).toBe(html);
    expect(server.log[0]!.headers['accept-encoding']).toContain('gzip');
  });

  it('decodes a windows-1252 page', async () => {
    const html = '<html><head><meta charset="windows-1252"></head><body><p>Numéro de sécurité sociale, « données » à 5 €</p></body></html>';
    server = await startServer({ '/latin': (_q, r) => void r.writeHead(200, { 'content-type': 'text/html' }).end(iconv.encode(html, 'win1252')) });
    const res = await make().fetch(`${server.origin}/latin`);
    expect(res.encoding).toBe('windows-1252');
    expect(res.text).toBe(html);
  });

  it('sends conditional requests and rewrites no cache file on a 304', async () => {
    const cacheDir = mkdtempSync(join(tmpdir(), 'vf-cache-'));
    server = await startServer({ '/page': staticBody('<p>stable</p>') });
    const first = await make({ cacheDir }).fetch(`${server.origin}/page`);
    expect(first.notModified).toBe(false);
    const files = readdirSync(cacheDir).map((f) => [f, statSync(join(cacheDir, f)).mtimeMs] as const);
    expect(files).toHaveLength(2);
    const second = await make({ cacheDir }).fetch(`${server.origin}/page`);
    expect(second.notModified).toBe(true);
    expect(second.status).toBe(304);
    expect(second.text).toBe('<p>stable</p>');
    const pages = server.log.filter((l) => l.path === '/page');
    expect(pages[0]!.headers['if-none-match']).toBeUndefined();
    expect(pages[1]!.headers['if-none-match']).toBeTruthy();
    expect(pages[1]!.headers['if-modified-since']).toBe('Tue, 06 Feb 2024 11:17:00 GMT');
    expect(readdirSync(cacheDir).map((f) => [f, statSync(join(cacheDir, f)).mtimeMs] as const)).toEqual(files);
  });

  it('one request at a time per host, with the delay between them', async () => {
    server = await startServer({ '*': (_q, r) => void setTimeout(() => r.writeHead(200, { 'content-type': 'text/html' }).end('<p>x</p>'), 20) });
    let clock = 0;
    const f = make({ perHostDelayMs: 1000, now: () => clock, sleep: async (ms) => { sleeps.push(ms); clock += ms; } });
    await Promise.all([1, 2, 3].map((i) => f.fetch(`${server!.origin}/p${i}`)));
    expect(server.inFlight.max).toBe(1);
    expect(sleeps).toEqual([1000, 1000]);
  });

  it('a global limit across hosts', async () => {
    server = await startServer({ '*': (_q, r) => void setTimeout(() => r.writeHead(200, { 'content-type': 'text/html' }).end('<p>x</p>'), 30) });
    const f = make({ concurrency: 1 });
    await Promise.all([
      f.fetch(`${server.origin}/a`),
      f.fetch(`http://localhost:${server.port}/b`),
      f.fetch(`${server.origin}/c`),
      f.fetch(`http://localhost:${server.port}/d`),
    ]);
    expect(server.inFlight.max).toBe(1);
    const g = make({ concurrency: 4 });
    await Promise.all([g.fetch(`${server.origin}/e`), g.fetch(`http://localhost:${server.port}/f`)]);
    expect(server.inFlight.max).toBe(2);
  });

  it('an unreachable host is a network error naming the URL', async () => {
    server = await startServer();
    const port = server.port;
    await server.close();
    server = undefined;
    const e = await error(make({ obeyRobots: true }).fetch(`http://127.0.0.1:${port}/flux.xml`));
    expect(e.kind).toBe('network');
    expect(e.message).toMatch(/^fetch: .*ECONNREFUSED.*\/flux\.xml\)$/);
  });
});
