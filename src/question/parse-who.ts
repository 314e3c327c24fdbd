import { extractTopic } from './extract-topic.js';
import { tokenizeQuestion } from './tokenize-question.js';

const ASKERS = '(?:who|whom|which\\s+(?:speaker|person|people|one|of\\s+them|spokes(?:man|woman|person)|official|politician|doctor|gp|organisation|organization))';
const HEDGES = "(?:'s|\\s+(?:has|had|have|did|does|is|was|else|actually|first|ever|once|really|recently|publicly))";
const VERBS = [
  'said', 'says', 'say', 'called', 'calls', 'call', 'described', 'describes', 'describe', 'dubbed', 'labelled',
  'labeled', 'branded', 'talked', 'talks', 'talk', 'spoke', 'speaks', 'speak', 'mentioned', 'mentions', 'mention',
  'warned', 'warns', 'warn', 'claimed', 'claims', 'argued', 'argues', 'compared', 'compares', 'referred', 'refers',
  'wrote', 'writes', 'suggested', 'suggests', 'proposed', 'proposes', 'criticised', 'criticized', 'praised',
  'told', 'tells', 'stated', 'states', 'used', 'uses', 'coined', 'believes', 'thinks', 'thought', 'urged',
  'urges', 'predicted', 'insisted', 'promised', 'pledged', 'announced', 'accused',
];
const WHO = new RegExp(
  `^[\\s"']*(?:(?:so|and|but|ok|okay|hey)[\\s,]+)?${ASKERS}${HEDGES}{0,3}\\s+(${VERBS.join('|')})(?![\\p{L}\\p{N}])(.*)$`,
  'isu',
);
/** Words that link the verb to what was said and are not part of it. */
const LINKS: Record<string, RegExp> = {
  talk: /^\s*(?:about|of|on)\b/i,
  speak: /^\s*(?:about|of|on)\b/i,
  warn: /^\s*(?:about|of|against|that)\b/i,
  refer: /^\s*to\b/i,
  use: /^\s*(?:the\s+)?(?:words?|phrases?|terms?|expressions?|lines?)\b/i,
  coin: /^\s*(?:the\s+)?(?:words?|phrases?|terms?|expressions?)\b/i,
};
/** "described X as Y", "compared X to Y": the link word between the two parts goes. */
const INNER_LINK = /^(?:describ|compar|dubb|label|brand|call)/i;
const QUOTED = /(?:^|[\s(])(?:"([^"]{2,300})"|'([^']{2,300})')(?=$|[\s).,;:!?])/;

/** The phrase of a "who said …?" question: what was said, to be found and attributed. */
export interface WhoQuestion {
  phrase: string | null;
}

/**
 * Recognises "who said …", "who called X Y", "who described X as Y", "who talked about X".
 * `masked` is the normalised question with dates and outlet blanked out; `cleaned` the
 * question as shown, with the same offsets.
 */
export function parseWho(masked: string, cleaned: string): WhoQuestion | null {
  const m = WHO.exec(masked);
  if (!m) return null;
  const verb = (m[1] ?? '').toLowerCase();
  let restStart = masked.length - (m[2] ?? '').length;
  const link = Object.entries(LINKS).find(([stem]) => verb.startsWith(stem))?.[1]?.exec(masked.slice(restStart));
  if (link) restStart += link[0].length;
  const rest = masked.slice(restStart);
  const quoted = QUOTED.exec(rest);
  if (quoted) {
    const inner = quoted[1] ?? quoted[2] ?? '';
    const at = restStart + (quoted.index ?? 0) + quoted[0].indexOf(inner);
    const phrase = cleaned.slice(at, at + inner.length).replace(/^[\s\p{P}]+|[\s\p{P}]+$/gu, '');
    return { phrase: phrase.length > 0 ? phrase : null };
  }
  const tokens = tokenizeQuestion(' '.repeat(restStart) + rest);
  const linkWord = INNER_LINK.test(verb) ? tokens.findIndex((token, i) => i > 0 && /^(?:as|to|with)$/.test(token.lower)) : -1;
  const kept = linkWord === -1 ? tokens : tokens.filter((_token, i) => i !== linkWord);
  return { phrase: extractTopic(kept, cleaned) };
}
