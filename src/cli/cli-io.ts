/** Where a command writes, injected so tests can read what it printed. */
export interface CliIo {
  out(text: string): void;
  err(text: string): void;
  env: NodeJS.ProcessEnv;
  /** Set by a command to make `main` return a non-zero exit code. */
  exitCode: number;
}

/** The corpus folder: `--corpus`, else `BRIEFBOT_CORPUS`, else `corpus/`. */
export function resolveCorpusDir(option: string | undefined, env: NodeJS.ProcessEnv): string {
  return option ?? env.BRIEFBOT_CORPUS ?? 'corpus';
}
