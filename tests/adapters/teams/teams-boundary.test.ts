import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

/** Every .ts file under `dir`, skipping node_modules. */
function listTs(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    if (entry.name === 'node_modules' || entry.name.startsWith('.')) return [];
    const path = join(dir, entry.name);
    return entry.isDirectory() ? listTs(path) : entry.name.endsWith('.ts') ? [path] : [];
  });
}

describe('the botbuilder boundary', () => {
  it('keeps every botbuilder import inside adapters/teams/ (the SDK is archived; moving off it touches one folder)', () => {
    const root = process.cwd();
    const offenders = ['src', 'adapters', 'tests']
      .flatMap((dir) => listTs(join(root, dir)))
      .map((path) => relative(root, path))
      .filter((path) => !path.startsWith('adapters/teams/'))
      .filter((path) => /from\s+['"]botbuilder(-[a-z-]+)?['"]|require\(['"]botbuilder/.test(readFileSync(path, 'utf8')));
    expect(offenders).toEqual([]);
  });
});
