// @ts-check
import { defineConfig } from 'astro/config';
import sitemap from '@astrojs/sitemap';
import { contentCheck } from './src/integrations/content-check.ts';

// SITE_URL sets the public address used in canonical links, feeds and the sitemap.
const site = process.env.SITE_URL ?? 'https://veille-fuites.example';

export default defineConfig({
  site,
  trailingSlash: 'always',
  // CONTENT_DIR lets tests build a fixture content tree with the same site.
  // No MDX integration: entry bodies are text (the checker refuses code in them), rendered as Markdown by
  // src/data/entry-loader.ts, so no entry becomes a JavaScript module (the largest cost of a big build).
  integrations: [contentCheck(), sitemap({ filter: (page) => !page.includes('/404') })],
  // Four pages rendered at a time: a page's file is written while the next renders (5,000 entries: rendering 9.5–10.8 s → 8.4 s).
  build: { format: 'directory', concurrency: 4 },
  devToolbar: { enabled: false },
  // No Shiki: its inline style attributes would break the Content-Security-Policy (code blocks stay plain <pre>).
  markdown: { syntaxHighlight: false },
  // Content-Security-Policy in a <meta> on every page: Astro adds the hashes of the
  // scripts and styles it emits to script-src and style-src. Directives a <meta>
  // cannot carry (frame-ancestors) are in public/_headers and docs/nginx.conf.
  security: {
    csp: {
      directives: [
        "default-src 'self'",
        "object-src 'none'",
        "base-uri 'self'",
        "form-action 'self'",
        "img-src 'self'",
        "connect-src 'self'",
        "worker-src 'self'",
        "font-src 'self'",
        "manifest-src 'self'",
      ],
    },
  },
  outDir: process.env.OUT_DIR ?? './dist',
  cacheDir: process.env.ASTRO_CACHE_DIR ?? './node_modules/.astro',
});
