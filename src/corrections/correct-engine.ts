import { addToGroups, removeFromGroups } from '../store/group-statements.js';
import { refreshQuestionContext, withContext, type EngineData } from '../store/memory-store.js';
import type { CorpusProblem } from '../corpus/corpus-problem.js';
import { planCorrections } from './apply-corrections.js';
import { loadCorrections } from './corrections-file.js';

/**
 * Applies `<corpus>/corrections.yml` to freshly built engine data (never to the saved index, so a
 * re-extraction starts from the articles again and the corrections are applied anew): corrected
 * statements are re-indexed and regrouped, removed ones leave the index. Returns the file's problems
 * (invalid fields, stale corrections).
 */
export async function correctEngine(corpusDir: string, data: EngineData): Promise<CorpusProblem[]> {
  const { corrections, problems } = await loadCorrections(corpusDir);
  if (!corrections.length) return problems;
  const plan = planCorrections(corpusDir, corrections, data.statements, data.speakers);
  for (const sp of plan.newSpeakers) data.speakers.set(sp.id, sp);
  const changed = [...plan.removed, ...plan.replaced.map((st) => st.id)];
  data.indexed?.remove(changed);
  removeFromGroups(data.groups, changed);
  for (const id of plan.removed) data.statements.delete(id);
  for (const st of plan.replaced) data.statements.set(st.id, st);
  if (data.indexed) {
    const byArticle = new Map<string, typeof plan.replaced>();
    for (const st of plan.replaced) (byArticle.get(st.articleId) ?? byArticle.set(st.articleId, []).get(st.articleId)!).push(st);
    const articles = [...byArticle.keys()].map((id) => data.articles.get(id)!);
    data.indexed.add(withContext(articles, plan.replaced));
    const indexed = data.indexed;
    addToGroups(data.groups, plan.replaced, (st) => indexed.similarStatements(st));
  }
  // A speaker known only from a correction can be asked about by name.
  if (plan.newSpeakers.length) refreshQuestionContext(data);
  data.corrections = plan.applied;
  delete data.browseOrder;
  return [...problems, ...plan.problems];
}
