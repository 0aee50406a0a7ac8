import { describe, expect, it } from 'vitest';
import { checkCsp, parsePolicy } from './csp.ts';
import { tempSites } from './test-site.ts';

const site = tempSites();
const STRICT = "default-src 'self';object-src 'none';base-uri 'self';form-action 'self';img-src 'self';connect-src 'self';worker-src 'self'; script-src 'self' 'sha256-abc='; style-src 'self' 'sha256-def=';";
const page = (head: string) => `<!DOCTYPE html><html lang="fr"><head><meta charset="utf-8"><title>t</title>${head}</head><body></body></html>`;

describe('checkCsp', () => {
  it('accepts a strict policy placed before the scripts and styles', () => {
    const dist = site({ 'index.html': page(`<meta http-equiv="content-security-policy" content="${STRICT}"><link rel="stylesheet" href="/a.css"><script type="module" src="/a.js"></script>`) });
    expect(checkCsp(dist)).toEqual({ pages: 1, problems: [] });
  });

  it('names the page for a missing policy, a late one, a loose one and a missing directive', () => {
    const dist = site({
      'sans/index.html': page('<script src="/a.js"></script>'),
      'tard/index.html': page(`<style>p{}</style><meta http-equiv="content-security-policy" content="${STRICT}">`),
      'laxiste/index.html': page(`<meta http-equiv="content-security-policy" content="${STRICT.replace("script-src 'self'", "script-src 'self' 'unsafe-inline'")}">`),
      'incomplete/index.html': page(`<meta http-equiv="content-security-policy" content="${STRICT.replace("worker-src 'self';", '')}">`),
    });
    expect(checkCsp(dist).problems).toEqual([
      "incomplete/index.html : worker-src devrait être 'self' (trouvé : absent)",
      "laxiste/index.html : script-src autorise 'unsafe-inline'",
      "laxiste/index.html : script-src contient 'self' 'unsafe-inline' 'sha256-abc='",
      'sans/index.html : 0 <meta> Content-Security-Policy (une attendue)',
      'tard/index.html : la <meta> CSP vient après <style>',
    ]);
  });

  it('parses directives', () => {
    expect(parsePolicy(" default-src 'self' ; img-src 'self' data: ;").get('img-src')).toEqual(["'self'", 'data:']);
  });
});
