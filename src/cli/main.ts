import { Command, CommanderError } from 'commander';
import type { CliIo } from './cli-io.js';
import { registerAsk } from './commands/ask.js';
import { registerQuotes } from './commands/quotes.js';
import { registerListings } from './commands/listings.js';
import { registerCheck } from './commands/check.js';
import { registerServe } from './commands/serve.js';
import { registerAdd } from './commands/add.js';
import { registerImport } from './commands/import.js';
import { registerIndex } from './commands/index-command.js';
import { registerContext } from './commands/context.js';
import { registerReports } from './commands/reports.js';
import { registerFeeds } from './commands/feeds.js';
import { registerDb } from './commands/db.js';

/** Each command file adds its commands to the program; `main` owns parsing and exit codes. */
const registrations: Array<(program: Command, io: CliIo) => void> = [
  registerAsk,
  registerQuotes,
  registerListings,
  registerCheck,
  registerServe,
  registerAdd,
  registerImport,
  registerIndex,
  registerContext,
  registerReports,
  registerFeeds,
  registerDb,
];

/** Builds the `briefbot` program writing to `io`. */
export function createProgram(io: CliIo): Command {
  const program = new Command('briefbot')
    .description('Verbatim, attributed quotes from a corpus of news articles.')
    .showHelpAfterError()
    .exitOverride()
    .configureOutput({ writeOut: (s) => io.out(s.replace(/\n$/, '')), writeErr: (s) => io.err(s.replace(/\n$/, '')) });
  for (const register of registrations) register(program, io);
  return program;
}

/** Runs the CLI on `argv` (as `process.argv`) and resolves to the exit code. */
export async function main(argv: string[], io?: Partial<CliIo>): Promise<number> {
  const cli: CliIo = {
    out: io?.out ?? ((s) => process.stdout.write(`${s}\n`)),
    err: io?.err ?? ((s) => process.stderr.write(`${s}\n`)),
    env: io?.env ?? process.env,
    exitCode: 0,
  };
  const program = createProgram(cli);
  try {
    await program.parseAsync(argv);
  } catch (error) {
    if (error instanceof CommanderError) return error.exitCode === 0 ? 0 : 2;
    cli.err(`briefbot: ${error instanceof Error ? error.message : String(error)}`);
    return 1;
  }
  return cli.exitCode;
}
