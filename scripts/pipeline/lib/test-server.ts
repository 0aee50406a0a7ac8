/**
 * A local HTTP server for tests (127.0.0.1 only, a free port): routes map a
 * path to a handler; every request is logged with its headers.
 */
import { createServer, type IncomingMessage, type ServerResponse, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/** A route: may return anything (the response is what it writes). */
export type Handler = (req: IncomingMessage, res: ServerResponse, hit: number) => unknown;

export interface LoggedRequest {
  method: string;
  path: string;
  headers: IncomingMessage['headers'];
}

export interface TestServer {
  origin: string;
  port: number;
  log: LoggedRequest[];
  routes: Map<string, Handler>;
  /** Requests in flight now, and the most seen at once. */
  inFlight: { now: number; max: number };
  hits(path: string): number;
  close(): Promise<void>;
}

export async function startServer(routes: Record<string, Handler> = {}, host = '127.0.0.1'): Promise<TestServer> {
  const map = new Map(Object.entries(routes));
  const log: LoggedRequest[] = [];
  const inFlight = { now: 0, max: 0 };
  const counts = new Map<string, number>();
  const server: Server = createServer(async (req, res) => {
    const path = (req.url ?? '/').split('#')[0]!;
    log.push({ method: req.method ?? 'GET', path, headers: req.headers });
    const n = (counts.get(path) ?? 0) + 1;
    counts.set(path, n);
    inFlight.now++;
    inFlight.max = Math.max(inFlight.max, inFlight.now);
    res.on('close', () => inFlight.now--);
    const handler = map.get(path) ?? map.get(path.split('?')[0]!) ?? map.get('*');
    try {
      if (!handler) {
        res.writeHead(404, { 'content-type': 'text/html; charset=utf-8' }).end('<h1>Introuvable</h1>');
        return;
      }
      await handler(req, res, n);
    } catch (e) {
      if (!res.headersSent) res.writeHead(500).end(String(e));
    }
  });
  await new Promise<void>((r) => server.listen(0, host, r));
  const port = (server.address() as AddressInfo).port;
  return {
    origin: `http://${host}:${port}`,
    port,
    log,
    routes: map,
    inFlight,
    hits: (path) => counts.get(path) ?? 0,
    close: () =>
      new Promise<void>((r) => {
        server.closeAllConnections();
        server.close(() => r());
      }),
  };
}

/** A handler serving a fixed body with a type, ETag and Last-Modified, answering 304 to matching conditional requests. */
export function staticBody(body: string | Buffer, type = 'text/html; charset=utf-8', validators = true): Handler {
  const buf = typeof body === 'string' ? Buffer.from(body) : body;
  const etag = `"${buf.length.toString(16)}-${Buffer.from(buf).reduce((a, b) => (a * 31 + b) >>> 0, 7).toString(16)}"`;
  const lastModified = 'Tue, 06 Feb 2024 11:17:00 GMT';
  return (req, res) => {
    if (validators && (req.headers['if-none-match'] === etag || (!req.headers['if-none-match'] && req.headers['if-modified-since'] === lastModified))) {
      res.writeHead(304, { etag, 'last-modified': lastModified }).end();
      return;
    }
    res.writeHead(200, { 'content-type': type, ...(validators ? { etag, 'last-modified': lastModified } : {}) }).end(buf);
  };
}
