import { describe, expect, it } from 'vitest';
import { createQuestionParser, parseQuestion } from '../../src/question/parse-question.js';
import { corpusContext, query } from './question-context.js';

describe('parseQuestion: the questions the issue names', () => {
  it('reads "what did Dixon say about senates?" as Dixon on senates', () => {
    expect(query('what did Dixon say about senates?')).toEqual({
      kind: 'query',
      question: 'what did Dixon say about senates?',
      speakerId: 'michael-dixon',
      speakerQuery: 'Dixon',
      topic: 'senates',
      phrase: null,
      dateFrom: null,
      dateTo: null,
      dateText: null,
      outlet: null,
      sort: 'relevance',
    });
  });

  it('leaves no topic in "what did Dixon say in 2011?", only the year', () => {
    const q = query('what did Dixon say in 2011?');
    expect([q.speakerId, q.topic, q.dateFrom, q.dateTo, q.dateText]).toEqual([
      'michael-dixon', null, '2011-01-01', '2011-12-31', 'in 2011',
    ]);
  });

  it('keeps Andrew Lansley as the speaker asked for although no speaker has that name', () => {
    const q = query('what has Andrew Lansley said about clinical commissioning?');
    expect([q.speakerId, q.speakerQuery, q.topic]).toEqual([null, 'Andrew Lansley', 'clinical commissioning']);
  });

  it('turns "who called commissioners demolition experts?" into a phrase to attribute', () => {
    const q = query('who called commissioners demolition experts?');
    expect([q.speakerId, q.speakerQuery, q.phrase, q.topic]).toEqual([
      null, null, 'commissioners demolition experts', 'commissioners demolition experts',
    ]);
  });

  it('reads "latest from Hunt on dementia" as Hunt on dementia, newest first', () => {
    const q = query('latest from Hunt on dementia');
    expect([q.speakerId, q.topic, q.sort]).toEqual(['jeremy-hunt', 'dementia', 'newest']);
  });

  it('reads speaker, topic and outlet from "what did Dr Dixon say about CCGs in Pulse?"', () => {
    const q = query('what did Dr Dixon say about CCGs in Pulse?');
    expect([q.speakerId, q.speakerQuery, q.topic, q.outlet]).toEqual(['michael-dixon', 'Dixon', 'CCGs', 'Pulse']);
  });

  it('needs no question frame: "Dixon senates"', () => {
    const q = query('Dixon senates');
    expect([q.speakerId, q.topic]).toEqual(['michael-dixon', 'senates']);
  });

  it('takes a lone word as the topic: "senates"', () => {
    const q = query('senates');
    expect([q.speakerId, q.speakerQuery, q.topic, q.phrase]).toEqual([null, null, 'senates', null]);
  });
});

describe('parseQuestion: topics', () => {
  it.each([
    ['tell me about senates', 'senates'],
    ['anything on clinical networks?', 'clinical networks'],
    ['quotes on the NHS Commissioning Board', 'NHS Commissioning Board'],
    ['what has been said about Health and Wellbeing Boards', 'Health and Wellbeing Boards'],
    ['has Dixon said anything about the red tape?', 'red tape'],
    ['senates, what did Dixon say?', 'senates'],
    ['help me find quotes on senates', 'senates'],
    ['help for carers', 'help for carers'],
    ['what did Dixon say about the NHS in 2012', 'NHS'],
  ])('finds the topic of %j', (text, topic) => {
    expect(query(text).topic).toBe(topic);
  });

  it('has no topic when only a speaker is named', () => {
    expect(query('what did Michael Dixon say?').topic).toBeNull();
  });

  // These words are question frame elsewhere ("talk to me", "the latest report"), but after
  // "about" they are what the question is about: dropping them would list every quote instead.
  it.each([
    ['what did Dixon say about talks?', 'talks'],
    ['what was said about the report?', 'report'],
    ['what was said about looking?', 'looking'],
    ['quotes regarding his position', 'position'],
  ])('keeps a frame word after "about" as the topic: %j', (text, topic) => {
    expect(query(text).topic).toBe(topic);
  });

  it.each(['what did Dixon say about anything?', 'what did Dixon say about it?', 'tell me about quotes'])('still has no topic in %j', (text) => {
    expect(query(text).topic).toBeNull();
  });

  it('keeps the wording of the topic as typed, curly quotes removed', () => {
    expect(query('what did Dixon say about “demolition experts”?').topic).toBe('demolition experts');
  });
});

describe('parseQuestion: who said …', () => {
  it.each([
    ['who said senates should be only advisory?', 'senates should be only advisory'],
    ["who said 'demolition experts'?", 'demolition experts'],
    ['who said “reigniting the altruism”', 'reigniting the altruism'],
    ['who described the reforms as tragic?', 'reforms tragic'],
    ['who talked about senates', 'senates'],
    ['who has warned about centralisation?', 'centralisation'],
    ['which speaker used the phrase Marie Celeste?', 'Marie Celeste'],
    ['who else said that funding was inadequate?', 'funding was inadequate'],
  ])('finds the phrase of %j', (text, phrase) => {
    const q = query(text);
    expect([q.phrase, q.topic, q.speakerId, q.speakerQuery]).toEqual([phrase, phrase, null, null]);
  });

  it('keeps the date of a "who said" question apart from its phrase', () => {
    const q = query('who called commissioners demolition experts in November 2012?');
    expect([q.phrase, q.dateFrom, q.dateTo]).toEqual(['commissioners demolition experts', '2012-11-01', '2012-11-30']);
  });

  it('does not read "who is Dixon?" as a phrase search', () => {
    const q = query('who is Dixon?');
    expect([q.phrase, q.speakerId]).toEqual([null, 'michael-dixon']);
  });
});

describe('parseQuestion: sort order', () => {
  it.each([
    'latest on senates',
    'most recent quotes on CCGs',
    'newest from Dixon',
    'what has Dixon said recently?',
    'what was the last thing Dixon said about senates?',
  ])(
    'sorts %j newest first',
    (text) => expect(query(text).sort).toBe('newest'),
  );

  it('sorts by relevance otherwise, and drops the sort word from the topic', () => {
    expect(query('what did Dixon say about senates').sort).toBe('relevance');
    expect(query('latest on senates').topic).toBe('senates');
    expect(query('what was the last thing Dixon said about senates?').topic).toBe('senates');
  });

  it('keeps "last" of a date or a topic where it is', () => {
    expect(query('what did Dixon say last year?')).toMatchObject({ sort: 'relevance', dateText: 'last year' });
    expect(query('the last mile')).toMatchObject({ sort: 'relevance', topic: 'last mile' });
  });
});

describe('parseQuestion: commands', () => {
  it.each([
    ['help', 'help'], ['?', 'help'], ['HELP!', 'help'], ['/brief help', 'help'], ['<@U0123ABC> help', 'help'],
    ['sources', 'sources'], ['list sources', 'sources'], ['what sources do you have?', 'sources'],
    ['speakers', 'speakers'], ['list speakers', 'speakers'], ['who speaks', 'speakers'], ['show me the speakers', 'speakers'],
  ] as const)('reads %j as the %s command', (text, command) => {
    expect(parseQuestion(text, corpusContext)).toEqual({ kind: 'command', command });
  });

  it('reads a question that starts with "help" as a question', () => {
    expect(parseQuestion('help me find quotes on senates', corpusContext).kind).toBe('query');
  });
});

describe('createQuestionParser', () => {
  it('answers like parseQuestion, with the clock given at each call', () => {
    const { now, ...corpus } = corpusContext;
    const parse = createQuestionParser(corpus);
    for (const text of ['what did Dixon say about senates?', 'who called commissioners demolition experts?', 'help', '']) {
      expect(parse(text, now)).toEqual(parseQuestion(text, corpusContext));
    }
    const lastYear = parse('Dixon last year', new Date('2013-05-01T00:00:00Z'));
    expect(lastYear).toMatchObject({ dateFrom: '2012-01-01', dateTo: '2012-12-31' });
  });
});
