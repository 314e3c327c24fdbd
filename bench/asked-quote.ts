import MiniSearch from 'minisearch';
import type { Briefbot } from '../src/index.js';
import type { ParsedQuestion } from '../src/question/parsed-question.js';
import type { IndexedStatement } from '../src/search/minisearch-search.js';
import type { Speaker, Statement } from '../src/statements/statement.js';
import { createRandom } from './generate-corpus.js';
import { contentWords } from './questions.js';

/** One "what did X say about W?" question and the quote W was drawn from. */
export interface AskedQuestion {
  text: string;
  speakerId: string;
  topic: string;
  asked: Statement;
}

/** How often the asked quote is in Briefbot's answer (its first page) and in plain minisearch's top 5. */
export interface AskedQuoteResult {
  questions: number;
  briefbot: number;
  baseline: number;
}

/**
 * Questions built from the corpus's own quotes: a person (two-word name, as chat users name them)
 * with a direct quote, and a word of that quote as the topic.
 */
export function createAskedQuestions(statements: Statement[], speakers: Speaker[], count = 200, seed = 11): AskedQuestion[] {
  const random = createRandom(seed);
  const pick = <T>(list: T[]): T => list[Math.floor(random() * list.length)]!;
  const quotes = new Map<string, Statement[]>();
  for (const st of statements) if (st.speakerId && st.kind === 'direct') (quotes.get(st.speakerId) ?? quotes.set(st.speakerId, []).get(st.speakerId)!).push(st);
  const people = speakers.filter((s) => s.kind === 'person' && s.name.split(' ').length === 2 && quotes.has(s.id)).sort((a, b) => a.id.localeCompare(b.id));
  const out: AskedQuestion[] = [];
  for (let tries = 0; out.length < count && tries < count * 20 && people.length; tries++) {
    const person = pick(people);
    const asked = pick(quotes.get(person.id)!);
    const words = contentWords(asked.text);
    if (!words.length) continue;
    const topic = pick(words);
    out.push({ text: `what did ${person.name} say about ${topic}?`, speakerId: person.id, topic, asked });
  }
  return out;
}

/** Whether an answer shows the asked quote: as a result, as one of a result's sources, or within a result's quotation. */
function shows(answer: Awaited<ReturnType<Briefbot['ask']>>, asked: Statement): boolean {
  if (answer.kind !== 'results') return false;
  return answer.results.some(
    (r) =>
      r.id === asked.id ||
      r.sources.some((s) => s.statementId === asked.id) ||
      (!!r.quotation && r.sources.some((s) => s.articleId === asked.articleId && s.statementId === r.id) && r.quotation.start <= asked.start && asked.end <= r.quotation.end),
  );
}

/**
 * Asks every question of Briefbot (its default first page of 5) and of plain minisearch (statement
 * text and paragraph, default options, fuzzy 0.2 and prefix, the speaker as a filter, top 5), and
 * counts for each how often the asked quote is shown. As in the latency baseline, the question is
 * parsed with Briefbot's parser for both, so both search the same speaker and words.
 */
export async function measureAskedQuote(
  bot: Briefbot,
  parse: (text: string) => ParsedQuestion,
  items: IndexedStatement[],
  questions: AskedQuestion[],
): Promise<AskedQuoteResult> {
  let briefbot = 0;
  for (const q of questions) if (shows(await bot.ask(q.text), q.asked)) briefbot++;
  const index = new MiniSearch<{ id: string; text: string; context: string }>({ fields: ['text', 'context'] });
  const byId = new Map<string, Statement>();
  for (const { statement, context } of items) {
    byId.set(statement.id, statement);
    // The paragraph alone (the first line of Briefbot's context), as a plain use of the library would index it.
    index.add({ id: statement.id, text: statement.text, context: context.split('\n')[0] ?? '' });
  }
  let baseline = 0;
  for (const q of questions) {
    const parsed = parse(q.text);
    const text = parsed.kind === 'query' ? (parsed.phrase ?? parsed.topic) : null;
    if (!text || parsed.kind !== 'query') continue;
    const speakerId = parsed.speakerId;
    const filter = (r: { id: unknown }) => !speakerId || byId.get(r.id as string)?.speakerId === speakerId;
    const top = index.search(text, { fuzzy: 0.2, prefix: true, filter }).slice(0, 5);
    if (top.some((r) => r.id === q.asked.id)) baseline++;
  }
  return { questions: questions.length, briefbot, baseline };
}
