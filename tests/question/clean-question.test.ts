import { describe, expect, it } from 'vitest';
import { cleanQuestion } from '../../src/question/clean-question.js';
import { MAX_QUESTION_LENGTH, parseQuestion } from '../../src/question/parse-question.js';
import { corpusContext, query } from './question-context.js';

describe('cleanQuestion', () => {
  it.each([
    ['<@U0123ABC> what did Dixon say?', 'what did Dixon say?'],
    ['<@U0123ABC|briefbot> what did Dixon say?', 'what did Dixon say?'],
    ['<!channel> <!here> what did Dixon say?', 'what did Dixon say?'],
    ['<!subteam^S123|@health-team> senates', 'senates'],
    ['what did Dixon say about <http://example.com/senates|senates>?', 'what did Dixon say about senates ?'],
    ['see <https://example.com/a>', 'see https://example.com/a'],
    ['in <#C024BE7LR|general>: senates', 'in general : senates'],
    ['<at>Briefbot</at> what did Dixon say?', 'what did Dixon say?'],
    ['<p>what did <b>Dixon</b> say?</p>', 'what did Dixon say?'],
    ['<div>senates</div><br/>networks', 'senates networks'],
    ['Dixon &amp; Hunt on A&amp;E &lt;today&gt; &#8220;senates&#8221; &#x2019;', 'Dixon & Hunt on A&E <today> “senates” ’'],
    ['*Dixon* on _senates_ ~maybe~ `code`', 'Dixon on senates maybe code'],
    ['what\u0000 did\u0007 Dixon\u200b say\u202e about\tsenates\r\n?', 'what did Dixon say about senates ?'],
    ['Dix\u00adon on sen\u200bates', 'Dixon on senates'],
    ['  lots   of\n\nspace  ', 'lots of space'],
    ['ｗｈａｔ did Dixon say', 'what did Dixon say'],
  ])('cleans %j', (raw, cleaned) => {
    expect(cleanQuestion(raw)).toBe(cleaned);
  });

  it('leaves a plain question untouched', () => {
    expect(cleanQuestion('what did Dixon say about senates?')).toBe('what did Dixon say about senates?');
  });
});

describe('parseQuestion: cleaning and invalid input', () => {
  it('parses a question wrapped in chat markup like the plain question', () => {
    const q = query('<@U0123ABC> what did <b>Dixon</b> say about <http://x.example|senates>?');
    expect([q.speakerId, q.topic]).toEqual(['michael-dixon', 'senates']);
  });

  it('ignores control characters, also inside words of a question', () => {
    const q = query('what did Dix\u0000on say about sen\u200bates\u0007?');
    expect([q.speakerId, q.topic]).toEqual(['michael-dixon', 'senates']);
  });

  it('reads curly and straight apostrophes and quotes alike', () => {
    expect(query('Dixon’s views on ‘senates’').topic).toBe('senates');
    expect(query("Dixon's views on 'senates'").topic).toBe('senates');
    expect(query('Dixon‘s views on "senates"').speakerId).toBe('michael-dixon');
  });

  it.each(['', '   ', '\u0000\u0001\u200b', '<@U0123ABC>', '<at>Briefbot</at>', '<p></p>'])(
    'answers %j as an empty question',
    (text) => {
      const parsed = parseQuestion(text, corpusContext);
      expect(parsed).toMatchObject({ kind: 'invalid', reason: 'empty' });
    },
  );

  it.each(['!!! ...', '🙂🙂🙂', '—— ** ——', '¿¡', '👍🏽 👍🏽'])('answers %j as having no words', (text) => {
    expect(parseQuestion(text, corpusContext)).toMatchObject({ kind: 'invalid', reason: 'no_words' });
  });

  it('refuses a question over the length limit politely, without quoting it back', () => {
    const long = `what did Dixon say about ${'senates and networks '.repeat(30)}`;
    const parsed = parseQuestion(long, corpusContext);
    expect(parsed).toMatchObject({ kind: 'invalid', reason: 'too_long' });
    if (parsed.kind !== 'invalid') return;
    expect(parsed.message).toContain(String(MAX_QUESTION_LENGTH));
    expect(parsed.message).toMatch(/please/i);
    expect(parsed.message).not.toContain('senates and networks');
    expect(parsed.message.length).toBeLessThan(200);
  });

  it('accepts a question of exactly the length limit', () => {
    const text = `senates ${'x'.repeat(MAX_QUESTION_LENGTH - 8)}`;
    expect(parseQuestion(text, corpusContext).kind).toBe('query');
  });

  it('measures the limit after cleaning, so markup does not count', () => {
    const text = `${'<@U0123ABC> '.repeat(100)}what did Dixon say about senates?`;
    expect(query(text).topic).toBe('senates');
  });
});

describe('parseQuestion: hostile input', () => {
  const junk: Record<string, string> = {
    'angle brackets': '<'.repeat(10_000),
    'unclosed mentions': '<@U'.repeat(3_334),
    'unclosed Teams mentions': '<at>'.repeat(2_500),
    'unclosed links': '<http://'.repeat(1_250),
    entities: '&#'.repeat(5_000),
    'one long word': 'a'.repeat(10_000),
    'capitalised words': 'Dr Ab '.repeat(1_667),
    'date-like text': 'in 2011 since June '.repeat(526),
    apostrophes: "a'".repeat(5_000),
    initials: 'J. '.repeat(3_334),
    digits: '1'.repeat(10_000),
    emoji: '🙂'.repeat(5_000),
    'mixed punctuation': Array.from({ length: 10_000 }, (_, i) => '<>@|!&;#x\u0000\u200b aA1\'".-/'[i % 22]).join(''),
  };

  it.each(Object.entries(junk))('parses 10,000 characters of %s quickly, without throwing', (_name, text) => {
    parseQuestion('warm up: what did Dixon say in 2011 in Pulse?', corpusContext);
    const started = performance.now();
    const parsed = parseQuestion(text, corpusContext);
    const elapsed = performance.now() - started;
    expect(['invalid', 'query', 'command']).toContain(parsed.kind);
    expect(elapsed).toBeLessThan(250);
  });

  it.each(Object.entries(junk))('parses the first 490 characters of %s quickly, through every stage', (_name, text) => {
    parseQuestion('warm up: who said senates since June 2012 from PharmaTimes?', corpusContext);
    const started = performance.now();
    parseQuestion(text.slice(0, 490), corpusContext);
    expect(performance.now() - started).toBeLessThan(250);
  });
});
