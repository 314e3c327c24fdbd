import { FRAME_WORDS, HONORIFICS, SAY_VERBS, STOP_WORDS } from './question-words.js';
import type { Token } from './tokenize-question.js';

const HELP_FOLLOWERS = new Set(['me', 'us', ...FRAME_WORDS]);
const EDGE_WORDS = new Set([...STOP_WORDS, ...FRAME_WORDS, ...HONORIFICS, 'please', 'hi', 'hello', 'hey', 'ok', 'okay']);

/**
 * The words left to search for once the speaker, dates and outlet are blanked out: the question
 * frame ("what did … say about", "tell me", "quotes on") and function words are trimmed from
 * both ends; words inside the topic stay as written.
 */
export function extractTopic(tokens: readonly Token[], cleaned: string, extraEdgeWords: ReadonlySet<string> = new Set()): string | null {
  let first = 0;
  let last = tokens.length;
  const isEdge = (token: Token | undefined): boolean =>
    token !== undefined && (EDGE_WORDS.has(token.lower) || extraEdgeWords.has(token.lower));
  // "help me find …" opens a question; "help for carers" is a topic.
  while (first < last && (isEdge(tokens[first]) || (tokens[first]?.lower === 'help' && HELP_FOLLOWERS.has(tokens[first + 1]?.lower ?? '')))) first += 1;
  while (last > first && isEdge(tokens[last - 1])) last -= 1;
  if (first === last) return topicAfterLink(tokens, cleaned);
  return withoutInnerFrame(tokens.slice(first, last))
    .map((token) => cleaned.slice(token.start, token.end).replace(/(?<=[sS])['’]$/, ''))
    .join(' ');
}

const LINKS = new Set(['about', 'on', 'regarding', 're', 'of']);
/** Words that name what is asked for, not what it is about: "say about anything", "quotes about quotes". */
const VAGUE_WORDS = new Set(['anything', 'something', 'everything', 'stuff', 'quote', 'quotes', 'quotation', 'quotations', 'statement', 'statements', 'remark', 'remarks', 'comment', 'comments', 'words']);
const TOPIC_LINKS = new Set(['about', 'regarding', 'concerning', 'on', 're']);

/**
 * When every word was frame, a word after "about" is still the topic: "what was said about the
 * report?", "what did Hunt say about talks?" (frame words elsewhere, the subject here).
 */
function topicAfterLink(tokens: readonly Token[], cleaned: string): string | null {
  let link = -1;
  for (let i = 0; i < tokens.length; i += 1) if (TOPIC_LINKS.has(tokens[i]!.lower)) link = i;
  if (link < 0) return null;
  const rest = tokens.slice(link + 1).filter((t) => !STOP_WORDS.has(t.lower) && !VAGUE_WORDS.has(t.lower));
  if (rest.length === 0) return null;
  return rest.map((token) => cleaned.slice(token.start, token.end)).join(' ');
}

/** "GPs think about CCGs" → "GPs CCGs": a verb of saying and its link are frame, not topic. */
function withoutInnerFrame(tokens: readonly Token[]): Token[] {
  const kept: Token[] = [];
  for (let i = 0; i < tokens.length; i += 1) {
    const token = tokens[i];
    if (!token) continue;
    if (i > 0 && SAY_VERBS.has(token.lower) && LINKS.has(tokens[i + 1]?.lower ?? '') && i + 2 < tokens.length) {
      i += 1;
      continue;
    }
    kept.push(token);
  }
  return kept;
}
