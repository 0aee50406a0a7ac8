/**
 * Hostile inputs, written for the tests: each one goes through ingestion (as a
 * feed item and as the page it links to, on loopback) and through the build
 * (as an editor's entry). Payloads that would run code try to create the
 * marker file: it must never exist. `editor` says what must happen to the
 * text as an entry's title and body: accepted (the page then shows it as
 * text), refused by the checker naming the file, or built and then refused
 * at publication by the personal-data check.
 */
import { join } from 'node:path';
import { tmpdir } from 'node:os';

/** Created only if some payload runs. One per test process. */
export const MARKER = join(tmpdir(), `veille-hostile-marker-${process.pid}`);
const M = JSON.stringify(MARKER);

export interface HostileInput {
  id: string;
  /** The text (bytes for invalid UTF-8). */
  text: string | Uint8Array;
  /** As an editor entry's title and body: accepted, refused by the checker, or built but refused at publication (personal data). */
  editor: 'accepted' | 'refused' | 'unpublished';
}

const big = (unit: string, bytes: number) => unit.repeat(Math.ceil(bytes / unit.length)).slice(0, bytes);
const nested = (depth: number) => `${'<div>'.repeat(depth)}profond${'</div>'.repeat(depth)}`;
const bytes = (...parts: Array<string | number[]>) => Buffer.concat(parts.map((p) => (typeof p === 'string' ? Buffer.from(p) : Buffer.from(p))));

export const HOSTILE: HostileInput[] = [
  // MDX and JavaScript: code the build would run.
  { id: 'mdx-expression-fs', text: `{(await import('node:fs')).writeFileSync(${M}, 'mdx')}`, editor: 'refused' },
  { id: 'mdx-expression-exit', text: '{process.exit(1)}', editor: 'refused' },
  { id: 'mdx-expression-inline', text: `Texte {globalThis.process.mainModule} suite`, editor: 'refused' },
  { id: 'mdx-import', text: `import fs from 'node:fs'\n\n{fs.writeFileSync(${M}, 'import')}`, editor: 'refused' },
  { id: 'mdx-export', text: `export const x = (await import('node:fs')).writeFileSync(${M}, 'export')`, editor: 'refused' },
  { id: 'mdx-jsx-component', text: '<Fragment set:html="<script>alert(1)</script>" />', editor: 'refused' },
  { id: 'template-literal', text: '${process.exit(1)} et `${alert(1)}`', editor: 'refused' },
  { id: 'escaped-brace-text', text: 'Accolade échappée \\{ sans danger \\}', editor: 'accepted' },
  // HTML that would run in a browser.
  { id: 'script', text: "<script>fetch('/__hostile__/script')</script>", editor: 'refused' },
  { id: 'script-upper', text: '<SCRIPT SRC=/__hostile__/src.js></SCRIPT>', editor: 'refused' },
  { id: 'script-close', text: '</script><script>alert(1)</script>', editor: 'refused' },
  { id: 'img-onerror', text: `<img src=x onerror="fetch('/__hostile__/onerror')">`, editor: 'refused' },
  { id: 'svg-onload', text: '<svg onload=alert(1)>', editor: 'refused' },
  { id: 'details-ontoggle', text: '<details open ontoggle=alert(1)>', editor: 'refused' },
  { id: 'iframe-srcdoc', text: '<iframe srcdoc="<script>alert(1)</script>"></iframe>', editor: 'refused' },
  { id: 'style-tag', text: '<style>body{background:url(/__hostile__/css)}</style>', editor: 'refused' },
  { id: 'style-attribute', text: '<p style="background:url(/__hostile__/style)">x</p>', editor: 'refused' },
  { id: 'meta-refresh', text: '<meta http-equiv="refresh" content="0;url=javascript:alert(1)">', editor: 'refused' },
  { id: 'base-href', text: '<base href="https://tiers.example/">', editor: 'refused' },
  { id: 'form-action', text: '<form action="https://tiers.example/"><input name="nir"></form>', editor: 'refused' },
  { id: 'object', text: '<object data="/__hostile__/object"></object>', editor: 'refused' },
  { id: 'html-comment', text: '<!-- <script>alert(1)</script> -->', editor: 'refused' },
  { id: 'cdata', text: '<![CDATA[<script>alert(1)</script>]]>', editor: 'refused' },
  { id: 'double-encoded', text: '&lt;script&gt;alert(1)&lt;/script&gt; &amp;lt;b&amp;gt;', editor: 'accepted' },
  { id: 'text-chevrons', text: 'Moins de 3 < 5 et plus de 5 > 3, flèche ->', editor: 'accepted' },
  { id: 'glued-chevrons', text: 'flèche <- et cœur <3', editor: 'refused' },
  // Links.
  { id: 'md-link-javascript', text: '[cliquez](javascript:alert(1))', editor: 'refused' },
  { id: 'md-link-javascript-case', text: '[cliquez]( JaVaScRiPt:alert(1) )', editor: 'refused' },
  { id: 'md-link-data', text: '[cliquez](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)', editor: 'refused' },
  { id: 'md-link-entity', text: '[cliquez](&#106;avascript:alert(1))', editor: 'refused' },
  { id: 'md-reference', text: '[x][r]\n\n[r]: javascript:alert(1)', editor: 'refused' },
  { id: 'md-image-javascript', text: '![image](javascript:alert(1))', editor: 'refused' },
  { id: 'md-link-vbscript', text: '[x](vbscript:msgbox(1))', editor: 'refused' },
  { id: 'html-link-javascript', text: '<a href="javascript:alert(1)">clic</a>', editor: 'refused' },
  { id: 'autolink-javascript', text: '<javascript:alert(1)>', editor: 'refused' },
  { id: 'md-link-https', text: '[la CNIL](https://www.cnil.fr/fr/exemple)', editor: 'accepted' },
  // YAML written as text (its markers must stay text in a title or a body).
  { id: 'yaml-document-markers', text: '---\ntitle: pirate\n---\n...', editor: 'accepted' },
  { id: 'yaml-js-tag', text: `!!js/function 'function(){require("fs").writeFileSync(${M},"yaml")}'`, editor: 'refused' },
  { id: 'yaml-python-tag', text: '!!python/object/apply:os.system ["touch /tmp/pirate"]', editor: 'accepted' },
  { id: 'yaml-anchor-alias', text: '&ancre valeur *ancre', editor: 'accepted' },
  { id: 'yaml-merge-key', text: '<<: *ancre', editor: 'refused' },
  { id: 'yaml-flow-map', text: '{ title: pirate, dossier: autre }', editor: 'refused' },
  { id: 'yaml-comment-colon', text: 'Titre: avec deux-points # et un commentaire', editor: 'accepted' },
  { id: 'quotes', text: `"guillemets" 'apostrophes' \\" \\\\ « »`, editor: 'accepted' },
  // Unicode.
  { id: 'bidi-override', text: 'Fuite chez \u202Egnp.exe\u202C Viamedis', editor: 'refused' },
  { id: 'bidi-isolate', text: 'Almerys \u2066isolé\u2069 fin', editor: 'refused' },
  { id: 'zero-width', text: 'Via\u200Bmedis \u200Ctiers\u200D payant\uFEFF', editor: 'accepted' },
  { id: 'controls', text: 'nul\u0000 cloche\u0007 échap\u001B[31m fin', editor: 'refused' },
  { id: 'crlf', text: 'ligne\r\nX-Injecte: 1\r\n\r\nsuite', editor: 'accepted' },
  { id: 'combining', text: `Z${'\u0336\u0337\u0338'.repeat(40)}algo`, editor: 'accepted' },
  { id: 'astral', text: '🔓💉 𝕍𝕚𝕒𝕞𝕖𝕕𝕚𝕤 👨\u200D👩\u200D👧', editor: 'accepted' },
  { id: 'rtl-scripts', text: 'שלום مرحبا Viamedis', editor: 'accepted' },
  { id: 'lone-surrogate', text: 'avant \uD800 après \uDFFF fin', editor: 'accepted' },
  { id: 'invalid-utf8', text: bytes('octets ', [0xc3, 0x28], ' invalides ', [0xff, 0xfe], ' et ', [0xed, 0xa0, 0x80], ' fin'), editor: 'refused' },
  // Size and depth.
  { id: 'text-200kb', text: big('Viamedis et Almerys, tiers payant. ', 200_000), editor: 'refused' },
  { id: 'word-200kb', text: big('x', 200_000), editor: 'refused' },
  { id: 'braces-many', text: '{'.repeat(5000), editor: 'refused' },
  { id: 'nested-html', text: nested(5000), editor: 'refused' },
  { id: 'entities-many', text: '&amp;'.repeat(20_000), editor: 'refused' },
  // Personal data: masked by ingestion, refused by the build's check.
  { id: 'personal-data', text: 'Contact 2 85 06 75 108 042 30, FR76 3000 6000 0112 3456 7890 189, jeanne.martin@exemple.fr', editor: 'unpublished' },
  // Markdown structure.
  { id: 'markdown-heading', text: '# Titre pirate\n\n## Sous-titre\n\n| a | b |\n| - | - |', editor: 'accepted' },
  { id: 'prototype-keys', text: '__proto__ constructor prototype toString', editor: 'accepted' },
];

/** The text as a string (invalid bytes decoded the way a reader would: U+FFFD). */
export const asText = (input: HostileInput) => (typeof input.text === 'string' ? input.text : Buffer.from(input.text).toString('utf8'));
