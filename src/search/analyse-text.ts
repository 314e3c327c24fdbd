import snowball from 'snowball-stemmers';

const stemmer = snowball.newStemmer('english');

/** Words too common to search on, and the words questions are framed with. */
const STOP_WORDS = new Set(
  `a an and are as at be been being but by can could did do does doing for from had has have having he her hers him
  his how i if in into is it its itself me more most my no nor not of off on once only or other our ours out over own
  same she should so some such than that the their theirs them then there these they this those through to too under
  until up very was we were what when where which while who whom why will with would you your yours about say says
  said saying tell told quote quotes quoted anything something also just any all after before during`.split(/\s+/),
);

/** Lower-cases, strips accents and punctuation, and splits text into words. */
export function splitWords(text: string): string[] {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[’']/g, "'")
    .split(/[^\p{L}\p{N}&']+/u)
    .map((w) => w.replace(/^'+|'+$/g, '').replace(/'s$/, ''))
    .filter(Boolean);
}

/** Stems one word (Snowball English); stop words give null. */
export function stemWord(word: string): string | null {
  if (STOP_WORDS.has(word)) return null;
  return word.length <= 2 || /\d/.test(word) ? word : stemmer.stem(word);
}

/** Words to search terms: split, stop words dropped, stemmed. */
export function analyseText(text: string): string[] {
  const out: string[] = [];
  for (const w of splitWords(text)) {
    const s = stemWord(w);
    if (s) out.push(s);
  }
  return out;
}

/**
 * An `analyseText` that remembers each word's stem: a corpus repeats its words, and stemming is
 * most of the cost of indexing. Each caller owns its cache, so no module holds state.
 */
export function createTextAnalyser(): (text: string) => string[] {
  const stems = new Map<string, string | null>();
  return (text) => {
    const out: string[] = [];
    for (const w of splitWords(text)) {
      let s = stems.get(w);
      if (s === undefined) {
        s = stemWord(w);
        stems.set(w, s);
      }
      if (s) out.push(s);
    }
    return out;
  };
}
