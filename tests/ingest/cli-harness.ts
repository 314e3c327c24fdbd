import { readFileSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { Command } from 'commander';
import type { CliIo } from '../../src/cli/cli-io.js';
import { registerAdd } from '../../src/cli/commands/add.js';
import { registerImport } from '../../src/cli/commands/import.js';

/** Runs `briefbot add|import ...` through commander with the given arguments and captures what it printed. */
export async function runCli(args: string[]): Promise<{ code: number; out: string; err: string }> {
  const out: string[] = [];
  const err: string[] = [];
  const io: CliIo = { out: (s) => out.push(s), err: (s) => err.push(s), env: {}, exitCode: 0 };
  const program = new Command('briefbot').exitOverride().configureOutput({ writeOut: (s) => out.push(s), writeErr: (s) => err.push(s) });
  registerAdd(program, io);
  registerImport(program, io);
  await program.parseAsync(['node', 'briefbot', ...args]);
  return { code: io.exitCode, out: out.join('\n'), err: err.join('\n') };
}

/** A local web server for the fixture pages: `/name` serves `tests/fixtures/ingest/name.html`. */
export async function serveFixtures(): Promise<{ base: string; hits: string[]; close(): Promise<void> }> {
  const hits: string[] = [];
  const server = http.createServer((req, res) => {
    hits.push(req.url ?? '');
    const name = (req.url ?? '/').slice(1).replace(/[^a-z-]/g, '');
    if (name === 'report-pdf') {
      res.writeHead(200, { 'content-type': 'application/pdf' }).end('%PDF-1.7');
      return;
    }
    try {
      const html = readFileSync(path.resolve('tests/fixtures/ingest', `${name}.html`));
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(html);
    } catch {
      res.writeHead(404).end('not found');
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    base: `http://127.0.0.1:${port}`,
    hits,
    close: () => new Promise((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    }),
  };
}
