import { existsSync, watch, type FSWatcher } from 'node:fs';
import { openBriefbot, sizeOf, type BriefbotEngine, type OpenOptions } from '../answer/open-briefbot.js';
import type { Answer, AskOptions, Briefbot } from '../answer/answer-schema.js';
import { formatProblem, type CorpusProblem } from '../corpus/corpus-problem.js';
import type { Logger } from '../logging.js';
import { runIndexWorker } from './run-index-worker.js';

/** How to start a live Briefbot. */
export interface LiveBriefbotOptions {
  corpusDir: string;
  logger: Logger;
  /** Builds an engine from the corpus folder; default `openBriefbot`. */
  open?: (options: OpenOptions) => Promise<BriefbotEngine>;
  /** Quiet time after the last change before re-indexing, in milliseconds. Default 300. */
  debounceMs?: number;
  /** Called with each engine once it is serving (the first and every re-index): watches scan its new articles. */
  onEngine?: (engine: BriefbotEngine) => Promise<void> | void;
  /** Watch the corpus folder for changes (default true); a database store hears of changes through `subscribe`. */
  watchFolder?: boolean;
  /** Another source of changes (PostgreSQL's NOTIFY): calls `onChange` after each; closed with the Briefbot. */
  subscribe?: (onChange: () => void) => { close(): Promise<void> };
  /** Runs last on `close` (closing a database pool). */
  onClose?: () => Promise<void>;
  /**
   * Re-index in a worker thread (the persisted index is built and saved there, then loaded here),
   * so a large re-index does not hold up questions. Default false; `briefbot serve` turns it on.
   */
  indexInWorker?: boolean;
  /** Called after each build: whether it succeeded, and whether it was the first (a later one is a reload). */
  onBuild?: (outcome: { ok: boolean; first: boolean }) => void;
  /** While the corpus folder is missing (deleted or moved while serving), how often to look for it again, in ms. Default 2000. */
  folderCheckMs?: number;
}

/** A Briefbot that follows its corpus folder: changes are re-indexed in the background and swapped in whole. */
export interface LiveBriefbot extends Briefbot {
  /** True once a first engine is serving. */
  isReady(): boolean;
  /** Resolves once questions can be answered; rejects when the first build fails. */
  whenReady(): Promise<LiveBriefbot>;
  /** The engine answering now, or null before the first build. */
  current(): BriefbotEngine | null;
  /** Re-indexes now; resolves when an engine built after this call is serving (or the build failed). */
  reload(): Promise<void>;
  /** Stops watching and waits for a build under way. */
  close(): Promise<void>;
}

const LEVELS = new Set(['trace', 'debug', 'info', 'warn', 'error', 'fatal']);

/**
 * `logger` without the lines of the given events: the engine logs every corpus problem each time
 * it opens the corpus; the live Briefbot logs each once per change instead (`logProblems`).
 */
function withoutEvents(logger: Logger, events: ReadonlySet<string>): Logger {
  return new Proxy(logger, {
    get(target, prop, receiver) {
      const value: unknown = Reflect.get(target, prop, receiver);
      if (prop === 'child') return (...args: Parameters<Logger['child']>) => withoutEvents(target.child(...args) as unknown as Logger, events);
      if (typeof prop !== 'string' || !LEVELS.has(prop) || typeof value !== 'function') return value;
      return (first: unknown, ...rest: unknown[]) => {
        const event = typeof first === 'object' && first !== null ? (first as { event?: unknown }).event : undefined;
        if (typeof event === 'string' && events.has(event)) return;
        return (value as (...args: unknown[]) => void).call(target, first, ...rest);
      };
    },
  });
}

function isCorpusFileEvent(filename: string | null): boolean {
  // Temporary files are hidden (`.briefbot-*.tmp`, editors' `.x.swp`): only the rename into place counts.
  if (filename === null) return true;
  const base = filename.split(/[\\/]/).pop() ?? filename;
  return base === 'corrections.yml' || (!base.startsWith('.') && base.toLowerCase().endsWith('.md'));
}

/**
 * Watches the corpus folder, calling `changed` for a corpus file's change, and also when the folder
 * itself has gone (deleted or moved: the event names the folder, not a file); null when it cannot.
 */
function watchCorpus(corpusDir: string, logger: Logger, changed: () => void): FSWatcher | null {
  try {
    const watcher = watch(corpusDir, (_event, filename) => {
      if (isCorpusFileEvent(filename === null ? null : String(filename)) || !existsSync(corpusDir)) changed();
    });
    watcher.on('error', (error) => {
      logger.error({ event: 'corpus_watch_failed', corpusDir, err: { code: (error as NodeJS.ErrnoException).code } }, 'stopped watching the corpus folder');
    });
    return watcher;
  } catch (error) {
    logger.error({ event: 'corpus_watch_failed', corpusDir, err: { code: (error as NodeJS.ErrnoException).code } }, 'cannot watch the corpus folder; changes need a restart');
    return null;
  }
}

/**
 * Opens the corpus and keeps it current: the folder is watched, and after a change settles a new
 * engine is built while the old one keeps answering, then swapped in whole, so no question sees a
 * half-built index and none is dropped. A build that fails keeps the previous engine; broken files
 * are logged once each, and the rest of the corpus keeps serving.
 */
export function createLiveBriefbot(options: LiveBriefbotOptions): LiveBriefbot {
  const { corpusDir, logger } = options;
  const open = options.open ?? openBriefbot;
  const debounceMs = options.debounceMs ?? 300;
  const openLogger = withoutEvents(logger, new Set(['corpus_problem']));
  let engine: BriefbotEngine | null = null;
  let closed = false;
  let dirty = false;
  let loop: Promise<void> | null = null;
  let timer: NodeJS.Timeout | null = null;
  let knownProblems = new Set<string>();
  let watcher: FSWatcher | null = null;
  const stopping = new AbortController();
  // Set while the corpus folder is missing: looks for it again until it is back.
  let folderCheck: NodeJS.Timeout | null = null;

  let settleFirst!: (error?: unknown) => void;
  const first = new Promise<void>((resolve, reject) => {
    settleFirst = (error) => (error === undefined ? resolve() : reject(error));
  });
  first.catch(() => undefined);

  const logProblems = (next: BriefbotEngine) => {
    const now = new Set(next.problems.map(formatProblem));
    for (const problem of next.problems) {
      const text = formatProblem(problem);
      if (knownProblems.has(text)) continue;
      const level = problem.severity === 'warning' ? 'warn' : 'error';
      logger[level]({ event: 'corpus_problem', file: problem.file, field: problem.field }, text);
    }
    knownProblems = now;
  };

  // A problem met while serving (a row read on demand) is logged once, and kept for the next change's comparison.
  const logLateProblem = (problem: CorpusProblem) => {
    const text = formatProblem(problem);
    if (knownProblems.has(text)) return;
    knownProblems.add(text);
    logger[problem.severity === 'warning' ? 'warn' : 'error']({ event: 'corpus_problem', file: problem.file, field: problem.field }, text);
  };

  const buildOnce = async () => {
    const started = Date.now();
    if (engine !== null && options.indexInWorker) {
      const built = await runIndexWorker(corpusDir, stopping.signal);
      if (built.ok) logger.info({ event: 'index_built_in_worker', corpusDir, source: built.source, durationMs: Date.now() - started }, 're-indexed in a worker thread; loading the saved index');
      else logger.warn({ event: 'index_worker_failed', corpusDir, code: built.code }, 'could not re-index in a worker thread; re-indexing here');
      if (closed) return;
    }
    try {
      const next = await open({ corpusDir, logger: openLogger, onLateProblem: logLateProblem });
      if (closed) return;
      const replaced = engine !== null;
      engine = next;
      options.onBuild?.({ ok: true, first: !replaced });
      logProblems(next);
      logger.info(
        { event: replaced ? 'corpus_reloaded' : 'corpus_loaded', corpusDir, articles: sizeOf(next).articles, problems: next.problems.length, durationMs: Date.now() - started },
        `${replaced ? 'corpus re-indexed' : 'corpus indexed'}: ${sizeOf(next).articles} articles`,
      );
      settleFirst();
      if (options.onEngine) {
        try {
          await options.onEngine(next);
        } catch (error) {
          logger.error({ event: 'engine_hook_failed', err: { message: (error as Error)?.message } }, 'could not run the new-articles hook');
        }
      }
    } catch (error) {
      options.onBuild?.({ ok: false, first: engine === null });
      if (engine !== null && !existsSync(corpusDir)) {
        awaitFolder();
        return;
      }
      logger.error(
        { event: 'corpus_reload_failed', corpusDir, durationMs: Date.now() - started, err: { message: (error as Error)?.message, code: (error as { code?: unknown })?.code } },
        engine ? 'could not re-index the corpus; still answering from the previous one' : 'could not open the corpus',
      );
      settleFirst(error);
    }
  };

  const requestBuild = (): Promise<void> => {
    dirty = true;
    loop ??= (async () => {
      try {
        while (dirty && !closed) {
          dirty = false;
          await buildOnce();
        }
      } finally {
        // Cleared in the same step as the last check of `dirty`, so no request falls between.
        loop = null;
      }
    })();
    return loop;
  };

  const schedule = () => {
    if (closed) return;
    if (timer) clearTimeout(timer);
    timer = setTimeout(() => {
      timer = null;
      void requestBuild();
    }, debounceMs);
  };

  // The folder went away while serving: the last index keeps answering, said once, and the folder is
  // looked for until it is back (its watch died with it), then watched and indexed again.
  const awaitFolder = () => {
    if (folderCheck !== null || closed) return;
    logger.error({ event: 'corpus_folder_missing', corpusDir }, 'the corpus folder is gone; still answering from the last index until it is back');
    folderCheck = setInterval(() => {
      if (closed || !existsSync(corpusDir)) return;
      clearInterval(folderCheck!);
      folderCheck = null;
      logger.info({ event: 'corpus_folder_back', corpusDir }, 'the corpus folder is back; re-indexing it');
      if (options.watchFolder !== false) {
        watcher?.close();
        watcher = watchCorpus(corpusDir, logger, schedule);
      }
      void requestBuild();
    }, options.folderCheckMs ?? 2000);
    folderCheck.unref();
  };

  const subscription = options.subscribe?.(() => schedule()) ?? null;
  if (options.watchFolder !== false) watcher = watchCorpus(corpusDir, logger, schedule);
  void requestBuild();

  const live: LiveBriefbot = {
    async ask(question: string, askOptions?: AskOptions): Promise<Answer> {
      // Read the engine once: a swap during this question does not affect it.
      const current = engine ?? (await first, engine);
      if (!current) throw new Error('the corpus is not open');
      return current.ask(question, askOptions);
    },
    async quote(statementId: string) {
      const current = engine ?? (await first, engine);
      return current?.quote ? current.quote(statementId) : null;
    },
    async result(statementId: string) {
      const current = engine ?? (await first, engine);
      return current ? current.result(statementId) : null;
    },
    async report(input) {
      const current = engine ?? (await first, engine);
      return current ? current.report(input) : false;
    },
    isReady: () => engine !== null,
    whenReady: async () => {
      await first;
      return live;
    },
    current: () => engine,
    reload: () => requestBuild(),
    async close() {
      closed = true;
      stopping.abort();
      if (timer) clearTimeout(timer);
      if (folderCheck) clearInterval(folderCheck);
      watcher?.close();
      await subscription?.close();
      await loop;
      await options.onClose?.();
    },
  };
  return live;
}
