/**
 * The security headers for hosts that read public/_headers (copied into the
 * built site) and the nginx snippet in docs/ say the same thing, and the header
 * policy only adds what a <meta> cannot carry: it must not block what the
 * page's own policy allows (two policies both apply).
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parsePolicy } from './csp.ts';

const root = resolve(import.meta.dirname, '../..');

function headersFile(): Map<string, string> {
  const lines = readFileSync(resolve(root, 'public/_headers'), 'utf8').split('\n').filter((l) => l.trim() && !l.startsWith('#'));
  expect(lines[0]).toBe('/*');
  return new Map(lines.slice(1).map((l) => {
    const at = l.indexOf(':');
    return [l.slice(0, at).trim().toLowerCase(), l.slice(at + 1).trim()] as [string, string];
  }));
}

function nginxSnippet(): Map<string, string> {
  const text = readFileSync(resolve(root, 'docs/nginx-securite.conf'), 'utf8');
  return new Map([...text.matchAll(/^add_header ([\w-]+) "([^"]+)" always;$/gm)].map((m) => [m[1]!.toLowerCase(), m[2]!]));
}

describe('security headers', () => {
  it('are the same in public/_headers and docs/nginx-securite.conf', () => {
    expect(nginxSnippet()).toEqual(headersFile());
  });

  it('set the usual protections', () => {
    const h = headersFile();
    expect(h.get('x-content-type-options')).toBe('nosniff');
    expect(h.get('referrer-policy')).toBe('no-referrer');
    expect(h.get('permissions-policy')).toMatch(/camera=\(\).*geolocation=\(\).*microphone=\(\)/);
    expect(h.get('strict-transport-security')).toMatch(/^max-age=\d{8,}/);
    expect(h.get('x-frame-options')).toBe('DENY');
  });

  it('carry frame-ancestors, and no fetch directive that would block what the page policy allows', () => {
    const policy = parsePolicy(headersFile().get('content-security-policy')!);
    expect(policy.get('frame-ancestors')).toEqual(["'none'"]);
    expect(policy.get('object-src')).toEqual(["'none'"]);
    for (const name of ['default-src', 'script-src', 'style-src', 'script-src-elem', 'style-src-elem']) expect(policy.has(name), name).toBe(false);
  });
});
