/**
 * `npm run review -- [--content DIR] [--accept SLUG] [--event SLUG EVENT] [--reject SLUG] [--lock SLUG] [--all-accepted] [--json] [-i]`
 *
 * The editors' review queue (what ingestion wrote that nobody has reviewed).
 * In a terminal without action flags: one card at a time, with its evidence,
 * and a question (accept, move to another event or none, reject as
 * irrelevant, lock, skip). With flags: the actions, for scripts. Without a
 * terminal and without flags: the queue printed. Holds the ingestion lock
 * while it changes files. Exit 0 when every action succeeded, 1 when one
 * failed (the others are still applied), 2 on bad arguments.
 */
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { createInterface } from 'node:readline';
import type { Readable, Writable } from 'node:stream';
import { acquireLock, WriteError } from './pipeline/write/index.ts';
import { acceptAll, apply, ReviewError, type Decision } from './pipeline/review/actions.ts';
import { loadReviewQueue } from './pipeline/review/queue.ts';
import { articleCard, publisherCard, renderQueue } from './pipeline/review/render.ts';
import { runMain } from './lib/run-main.ts';

const USAGE = `Usage : npm run review -- [--content DOSSIER] [actions] [--json] [-i]
  sans action        dans un terminal : relecture interactive ; sinon : la liste à relire
  --accept SLUG      accepte l'article coverage/SLUG.mdx (ou l'éditeur publishers/SLUG.yaml)
  --event SLUG EVT   rattache l'article à l'événement EVT (« aucun » : à aucun) ; vaut acceptation
  --reject SLUG      écarte l'article (hors sujet) : fichier supprimé, l'ingestion ne le recrée jamais
  --lock SLUG        accepte l'article et interdit à l'ingestion de le réécrire
  --all-accepted     accepte tout ce qui attend (articles et éditeurs)
  --json             la liste à relire en JSON
  -i                 relecture interactive même sans terminal (questions sur l'entrée standard)
  --content          dossier de contenu (défaut : content/)`;

const NONE = new Set(['aucun', 'none', '-']);

interface Args {
  content: string;
  decisions: Decision[];
  allAccepted: boolean;
  json: boolean;
  interactive: boolean;
  help: boolean;
}

/** Parses the arguments by hand: `--event` takes two values. Throws an Error with the message to print. */
export function parseReviewArgs(argv: string[]): Args {
  const args: Args = { content: 'content', decisions: [], allAccepted: false, json: false, interactive: false, help: false };
  const value = (i: number, flag: string, what: string) => {
    const v = argv[i];
    if (v === undefined || v.startsWith('--')) throw new Error(`${flag} attend ${what}`);
    return v;
  };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === '--content') args.content = value(++i, a, 'un dossier');
    else if (a === '--accept' || a === '--reject' || a === '--lock') args.decisions.push({ action: a.slice(2) as 'accept' | 'reject' | 'lock', slug: value(++i, a, 'un identifiant d’article (SLUG)') });
    else if (a === '--event') {
      const slug = value(++i, a, 'un article et un événement (--event SLUG EVENEMENT)');
      const event = value(++i, a, 'un article et un événement (--event SLUG EVENEMENT, « aucun » pour aucun)');
      args.decisions.push({ action: 'event', slug, event: NONE.has(event) ? null : event });
    } else if (a === '--all-accepted') args.allAccepted = true;
    else if (a === '--json') args.json = true;
    else if (a === '-i' || a === '--interactive') args.interactive = true;
    else if (a === '-h' || a === '--help') args.help = true;
    else throw new Error(`argument inconnu « ${a} »`);
  }
  return args;
}

/** Reads answers line by line (lines that arrive before a question are kept, so stdin can be piped). */
function prompter(input: Readable, output: Writable) {
  const rl = createInterface({ input, terminal: false });
  const lines = rl[Symbol.asyncIterator]();
  return {
    async ask(question: string): Promise<string | null> {
      output.write(question);
      const next = await lines.next();
      if (next.done) return null;
      return next.value.trim();
    },
    close: () => rl.close(),
  };
}

/** The interactive review: every new publisher, then every article, one question each. Returns the files changed and the errors. */
export async function reviewInteractively(contentDir: string, input: Readable, output: Writable): Promise<{ changed: string[]; errors: string[] }> {
  const q = loadReviewQueue(contentDir);
  const changed: string[] = [];
  const errors: string[] = [];
  const p = prompter(input, output);
  const say = (t: string) => output.write(`${t}\n`);
  const run = (d: Decision) => {
    try {
      const files = apply(contentDir, d);
      changed.push(...files);
      say(`  → ${files.join(', ')}`);
    } catch (e) {
      if (!(e instanceof ReviewError)) throw e;
      errors.push(e.message);
      say(`  ${e.message}`);
    }
  };
  try {
    say(renderQueue({ ...q, articles: [], publishers: [], broken: [] }).replace(/^Rien à relire.*$/, q.articles.length + q.publishers.length ? `À relire : ${q.articles.length} article(s), ${q.publishers.length} éditeur(s) ajoutés automatiquement.` : '$&'));
    let i = 0;
    const total = q.publishers.length + q.articles.length;
    for (const pub of q.publishers) {
      say(`\n(${++i}/${total}) ${publisherCard(pub)}`);
      for (;;) {
        const ans = await p.ask('  [a] accepter  [s] passer  [q] quitter : ');
        if (ans === null || ans === 'q') return { changed, errors };
        if (ans === 's' || ans === '') break;
        if (ans === 'a') {
          run({ action: 'accept', slug: pub.slug });
          break;
        }
        say('  Réponse attendue : a, s ou q.');
      }
    }
    for (const a of q.articles) {
      say(`\n(${++i}/${total}) ${articleCard(a)}`);
      for (;;) {
        const ans = await p.ask('  [a] accepter  [e] changer d’événement  [r] rejeter (hors sujet)  [l] verrouiller  [s] passer  [q] quitter : ');
        if (ans === null || ans === 'q') return { changed, errors };
        if (ans === 's' || ans === '') break;
        if (ans === 'a' || ans === 'r' || ans === 'l') {
          run({ action: ({ a: 'accept', r: 'reject', l: 'lock' } as const)[ans], slug: a.slug });
          break;
        }
        if (ans === 'e') {
          q.events.forEach((e, n) => say(`    ${n + 1}. ${e.date} — ${e.title} [${e.slug}]`));
          const ev = await p.ask('  Événement (numéro ou identifiant ; « aucun » pour aucun) : ');
          if (ev === null) return { changed, errors };
          const byNumber = /^\d+$/.test(ev) ? q.events[Number(ev) - 1]?.slug : undefined;
          run({ action: 'event', slug: a.slug, event: NONE.has(ev) ? null : (byNumber ?? ev) });
          break;
        }
        say('  Réponse attendue : a, e, r, l, s ou q.');
      }
    }
    say('\nFin de la file de relecture.');
    return { changed, errors };
  } finally {
    p.close();
  }
}

export async function main(argv: string[], io: { stdin: Readable & { isTTY?: boolean }; stdout: Writable; stderr: Writable } = process): Promise<number> {
  let args: Args;
  try {
    args = parseReviewArgs(argv);
  } catch (e) {
    io.stderr.write(`review: ${(e as Error).message}\n${USAGE}\n`);
    return 2;
  }
  if (args.help) {
    io.stdout.write(`${USAGE}\n`);
    return 0;
  }
  const contentDir = resolve(args.content);
  if (!existsSync(join(contentDir, 'coverage'))) {
    io.stderr.write(`review: dossier de contenu introuvable ou sans coverage/ : ${args.content}\n`);
    return 2;
  }
  const acting = args.decisions.length > 0 || args.allAccepted;
  if (!acting && !args.interactive && !io.stdin.isTTY) {
    const q = loadReviewQueue(contentDir);
    io.stdout.write(`${args.json ? JSON.stringify(q, null, 2) : renderQueue(q)}\n`);
    return 0;
  }
  let release: () => void;
  try {
    release = acquireLock(join(contentDir, 'coverage'));
  } catch (e) {
    if (e instanceof WriteError) {
      io.stderr.write(`${e.message}\n`);
      return 1;
    }
    throw e;
  }
  try {
    if (!acting) {
      const r = await reviewInteractively(contentDir, io.stdin, io.stdout);
      return r.errors.length ? 1 : 0;
    }
    let failed = 0;
    for (const d of args.decisions) {
      try {
        io.stdout.write(`${d.action} ${d.slug} : ${apply(contentDir, d).join(', ')}\n`);
      } catch (e) {
        if (!(e instanceof ReviewError)) throw e;
        failed++;
        io.stderr.write(`${e.message}\n`);
      }
    }
    if (args.allAccepted) {
      const files = acceptAll(contentDir);
      io.stdout.write(`tout accepté : ${files.length} fichier(s) modifié(s)\n`);
    }
    return failed ? 1 : 0;
  } finally {
    release();
  }
}

if (import.meta.main) runMain('review', main);
