import { readFileSync } from 'node:fs';
import { zipSync } from 'fflate';
import { decodePng, type RgbaImage } from './png.js';

/** The all-zero GUID the committed manifest carries until TEAMS_APP_ID is given at package time. */
export const PLACEHOLDER_APP_ID = '00000000-0000-0000-0000-000000000000';

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Where the app package's parts are read from. */
export interface TeamsPackageSources {
  /** Folder holding manifest.json, color.png and outline.png. */
  dir: URL;
  /** The bot's Microsoft app id; the placeholder stays when undefined. */
  appId: string | undefined;
}

/** The zip's bytes, and whether the manifest still carries the placeholder id. */
export interface TeamsPackage {
  zip: Uint8Array;
  appId: string;
  placeholder: boolean;
}

/**
 * Builds the Teams app package: manifest.json (with the app id filled in), color.png and
 * outline.png at the zip's root. Throws, saying what to fix, when a part is invalid.
 */
export function buildTeamsPackage(sources: TeamsPackageSources): TeamsPackage {
  const manifestText = readFileSync(new URL('manifest.json', sources.dir), 'utf8');
  let manifest: Record<string, unknown>;
  try {
    manifest = JSON.parse(manifestText) as Record<string, unknown>;
  } catch (error) {
    throw new Error(`manifest.json is not valid JSON: ${(error as Error).message}`);
  }
  checkSchemaVersion(manifest);

  const appId = sources.appId?.trim() || PLACEHOLDER_APP_ID;
  if (!GUID.test(appId)) throw new Error(`TEAMS_APP_ID must be a GUID like ${PLACEHOLDER_APP_ID}, got "${appId}"`);
  manifest.id = appId;
  const bots = manifest.bots;
  if (!Array.isArray(bots) || bots.length !== 1) throw new Error('manifest.json must declare exactly one bot');
  (bots[0] as Record<string, unknown>).botId = appId;

  const color = readFileSync(new URL('color.png', sources.dir));
  const outline = readFileSync(new URL('outline.png', sources.dir));
  checkIcon('color.png', decodePng(color), 192);
  const outlineImage = decodePng(outline);
  checkIcon('outline.png', outlineImage, 32);
  checkWhiteOnTransparent(outlineImage);

  const zip = zipSync({
    'manifest.json': new TextEncoder().encode(`${JSON.stringify(manifest, null, 2)}\n`),
    'color.png': color,
    'outline.png': outline,
  });
  return { zip, appId, placeholder: appId === PLACEHOLDER_APP_ID };
}

/** The `$schema` URL names a version (…/teams/v1.19/…): `manifestVersion` must be the same. */
function checkSchemaVersion(manifest: Record<string, unknown>): void {
  const schema = String(manifest.$schema ?? '');
  const match = /\/teams\/v(\d+\.\d+)\/MicrosoftTeams\.schema\.json$/.exec(schema);
  if (!match) throw new Error(`manifest.json $schema is not a Teams manifest schema URL: "${schema}"`);
  if (manifest.manifestVersion !== match[1]) {
    throw new Error(`manifest.json manifestVersion "${String(manifest.manifestVersion)}" does not match its $schema (v${match[1]})`);
  }
}

function checkIcon(name: string, image: RgbaImage, size: number): void {
  if (image.width !== size || image.height !== size) {
    throw new Error(`${name} must be ${size}x${size} pixels, it is ${image.width}x${image.height}`);
  }
}

/** Teams shows the outline icon tinted: it must be white (any opacity) on a transparent background. */
function checkWhiteOnTransparent(image: RgbaImage): void {
  let transparent = 0;
  for (let p = 0; p < image.pixels.length; p += 4) {
    const [r, g, b, a] = [image.pixels[p], image.pixels[p + 1], image.pixels[p + 2], image.pixels[p + 3]];
    if (a === 0) {
      transparent++;
      continue;
    }
    if (r !== 255 || g !== 255 || b !== 255) throw new Error('outline.png must be white on transparent: it has a coloured pixel');
  }
  if (transparent === 0) throw new Error('outline.png must be white on transparent: it has no transparent pixel');
}
