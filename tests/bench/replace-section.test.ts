import { describe, expect, it } from 'vitest';
import { findSection, replaceSection } from '../../bench/replace-section.js';

const RESULTS = ['# Benchmark results', '', 'intro', '', '## Load test: serve', '', 'load figures', '', '## PostgreSQL store', '', 'old pg figures', ''].join('\n');

describe('replaceSection', () => {
  it('replaces one "## " section up to the next, leaving the others as they were', () => {
    const updated = replaceSection(RESULTS, '## Load test:', '## Load test: serve\n\nnew load figures\n');
    expect(updated).toContain('new load figures');
    expect(updated).not.toContain('\nload figures');
    expect(updated).toContain('## PostgreSQL store\n\nold pg figures');
    expect(updated.startsWith('# Benchmark results\n\nintro\n')).toBe(true);
  });

  it('replaces the last section to the end, and appends a section that is not there yet', () => {
    expect(replaceSection(RESULTS, '## PostgreSQL store', '## PostgreSQL store\n\nnew\n')).toMatch(/## PostgreSQL store\n\nnew\n$/);
    expect(replaceSection('# Benchmark results\n', '## PostgreSQL store', '## PostgreSQL store\n\nfirst\n')).toBe('# Benchmark results\n\n## PostgreSQL store\n\nfirst\n');
  });

  it('finds nothing for a heading that is absent', () => {
    expect(findSection(RESULTS, '## Targets')).toBe('');
    expect(findSection(RESULTS, '## Load test:')).toBe('## Load test: serve\n\nload figures\n');
  });
});
