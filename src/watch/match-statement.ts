import type { Interpretation } from '../answer/answer-schema.js';
import type { Article } from '../corpus/article.js';
import { analyseText, splitWords } from '../search/analyse-text.js';
import type { Speaker, Statement } from '../statements/statement.js';

/** A watch's interpretation prepared once for matching many statements. */
export interface StatementMatcher {
  (statement: Statement, article: Article, speaker: Speaker | null): boolean;
}

const words = (text: string) => ` ${splitWords(text).join(' ')} `;

/**
 * Whether one new statement is what a watch asks for: a direct quote; its speaker (by id, or by name when the
 * watch named someone the corpus did not know yet), its outlet, the phrase (whole words, in the
 * statement) and every topic word, stemmed, in the statement or its quotation (not the headline: each of an
 * article's quotes would match it).
 */
export function createStatementMatcher(interpretation: Interpretation): StatementMatcher {
  const speakerId = interpretation.speaker?.id ?? null;
  const speakerName = !speakerId && interpretation.speakerQuery ? words(interpretation.speakerQuery) : null;
  const phrase = interpretation.phrase ? words(interpretation.phrase) : null;
  const topic = !interpretation.phrase && interpretation.topic ? [...new Set(analyseText(interpretation.topic))] : [];
  return (statement, article, speaker) => {
    // A watch posts quotes: reported speech is the outlet's wording, and often a second report of one remark.
    if (statement.kind !== 'direct') return false;
    if (speakerId && statement.speakerId !== speakerId) return false;
    if (speakerName && !(speaker && [speaker.name, ...speaker.aliases].some((name) => words(name).includes(speakerName)))) return false;
    if (interpretation.outlet && article.outlet !== interpretation.outlet) return false;
    if (phrase && !words(statement.text).includes(phrase)) return false;
    if (topic.length > 0) {
      const quotation = statement.quotation ? article.body.slice(statement.quotation.start, statement.quotation.end) : '';
      const terms = new Set(analyseText(`${statement.text} ${quotation}`));
      if (!topic.every((term) => terms.has(term))) return false;
    }
    return true;
  };
}
