import { mkdtempSync, copyFileSync, writeFileSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { unzipSync } from 'fflate';
import { buildTeamsPackage, PLACEHOLDER_APP_ID } from '../../../adapters/teams/app-package/build-teams-package.js';
import { decodePng, encodePng } from '../../../adapters/teams/app-package/png.js';

const TEAMS_DIR = new URL('../../../adapters/teams/', import.meta.url);
const APP_ID = '3f2504e0-4f89-11d3-9a0c-0305e82c3301';

/** A copy of the app package's parts in a temporary folder, for breaking one of them. */
function copyParts(): URL {
  const dir = mkdtempSync(join(tmpdir(), 'briefbot-teams-'));
  for (const name of ['manifest.json', 'color.png', 'outline.png']) copyFileSync(new URL(name, TEAMS_DIR), join(dir, name));
  return pathToFileURL(`${dir}/`);
}

describe('buildTeamsPackage', () => {
  it('zips manifest.json and both icons at the root, with the bot id from TEAMS_APP_ID', () => {
    const built = buildTeamsPackage({ dir: TEAMS_DIR, appId: APP_ID });
    const files = unzipSync(built.zip);
    expect(Object.keys(files).sort()).toEqual(['color.png', 'manifest.json', 'outline.png']);
    const manifest = JSON.parse(new TextDecoder().decode(files['manifest.json'])) as {
      id: string;
      manifestVersion: string;
      bots: Array<{ botId: string; commandLists: Array<{ commands: Array<{ title: string }> }> }>;
    };
    expect(manifest.id).toBe(APP_ID);
    expect(manifest.bots[0]?.botId).toBe(APP_ID);
    expect(manifest.bots[0]?.commandLists[0]?.commands.map((c) => c.title)).toEqual(['help', 'sources', 'speakers', 'Dixon on senates']);
    expect(decodePng(files['color.png'] ?? new Uint8Array())).toMatchObject({ width: 192, height: 192 });
    expect(decodePng(files['outline.png'] ?? new Uint8Array())).toMatchObject({ width: 32, height: 32 });
    expect(built.placeholder).toBe(false);
  });

  it('keeps the zero GUID placeholder, and says so, when no app id is given', () => {
    const built = buildTeamsPackage({ dir: TEAMS_DIR, appId: undefined });
    expect(built).toMatchObject({ appId: PLACEHOLDER_APP_ID, placeholder: true });
  });

  it('keeps the committed manifest within the Teams limits it is checked against', () => {
    const manifest = JSON.parse(readFileSync(new URL('manifest.json', TEAMS_DIR), 'utf8')) as {
      $schema: string;
      manifestVersion: string;
      name: { short: string };
      description: { short: string; full: string };
      bots: Array<{ commandLists: Array<{ commands: Array<{ title: string; description: string }> }> }>;
    };
    expect(manifest.$schema).toBe(`https://developer.microsoft.com/json-schemas/teams/v${manifest.manifestVersion}/MicrosoftTeams.schema.json`);
    expect(manifest.name.short.length).toBeLessThanOrEqual(30);
    expect(manifest.description.short.length).toBeLessThanOrEqual(80);
    expect(manifest.description.full.length).toBeLessThanOrEqual(4000);
    for (const command of manifest.bots[0]?.commandLists[0]?.commands ?? []) {
      expect(command.title.length).toBeLessThanOrEqual(32);
      expect(command.description.length).toBeLessThanOrEqual(128);
    }
  });

  it('refuses a manifest that is not JSON, a wrong icon size, a coloured outline and a bad app id', () => {
    const broken = copyParts();
    writeFileSync(new URL('manifest.json', broken), '{ "manifestVersion": ');
    expect(() => buildTeamsPackage({ dir: broken, appId: undefined })).toThrow(/manifest.json is not valid JSON/);

    const small = copyParts();
    writeFileSync(new URL('color.png', small), encodePng({ width: 96, height: 96, pixels: new Uint8Array(96 * 96 * 4).fill(255) }));
    expect(() => buildTeamsPackage({ dir: small, appId: undefined })).toThrow(/color.png must be 192x192 pixels, it is 96x96/);

    const coloured = copyParts();
    const pixels = new Uint8Array(32 * 32 * 4);
    pixels.set([255, 0, 0, 255], 0);
    writeFileSync(new URL('outline.png', coloured), encodePng({ width: 32, height: 32, pixels }));
    expect(() => buildTeamsPackage({ dir: coloured, appId: undefined })).toThrow(/white on transparent/);

    expect(() => buildTeamsPackage({ dir: TEAMS_DIR, appId: 'my-bot' })).toThrow(/TEAMS_APP_ID must be a GUID/);
  });
});

describe('make-icons', () => {
  it('draws exactly the committed icons', async () => {
    const { drawColorIcon, drawOutlineIcon } = await import('../../../adapters/teams/app-package/make-icons.js');
    expect(encodePng(drawColorIcon()).equals(readFileSync(new URL('color.png', TEAMS_DIR)))).toBe(true);
    expect(encodePng(drawOutlineIcon()).equals(readFileSync(new URL('outline.png', TEAMS_DIR)))).toBe(true);
  });
});
