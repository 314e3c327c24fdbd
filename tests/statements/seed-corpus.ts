import path from 'node:path';
import { loadCorpus } from '../../src/corpus/load-corpus.js';
import { extractStatements } from '../../src/statements/extract-statements.js';

/** The bundled corpus (the five seed articles), loaded and extracted once per test file. */
export async function loadSeedExtraction() {
  const corpus = await loadCorpus(path.join(import.meta.dirname, '../../corpus'));
  return { corpus, ...extractStatements(corpus.articles) };
}
