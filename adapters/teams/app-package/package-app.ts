/**
 * `npm run teams:package [-- --out <file>]`: writes the Teams app package (default
 * dist/teams/briefbot-teams.zip), with the bot id from TEAMS_APP_ID when it is set.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { buildTeamsPackage } from './build-teams-package.js';

function main(): number {
  const outIndex = process.argv.indexOf('--out');
  const out = resolve(outIndex > 0 && process.argv[outIndex + 1] ? process.argv[outIndex + 1]! : 'dist/teams/briefbot-teams.zip');
  try {
    const built = buildTeamsPackage({ dir: new URL('../', import.meta.url), appId: process.env.TEAMS_APP_ID });
    mkdirSync(dirname(out), { recursive: true });
    writeFileSync(out, built.zip);
    process.stdout.write(`wrote ${out} (${built.zip.length} bytes, bot id ${built.appId})\n`);
    if (built.placeholder) {
      process.stderr.write(
        'warning: TEAMS_APP_ID is not set, so the package carries the placeholder id 00000000-0000-0000-0000-000000000000.\n' +
          'Teams will not reach your bot with it: run again with TEAMS_APP_ID set to your Azure Bot\'s Microsoft App ID.\n',
      );
    }
    return 0;
  } catch (error) {
    process.stderr.write(`teams:package: ${(error as Error).message}\n`);
    return 1;
  }
}

process.exitCode = main();
