import { describe, expect, it } from 'vitest';
import { mergeFollowUp } from '../../src/question/merge-follow-up.js';
import { parseQuestion } from '../../src/question/parse-question.js';
import { corpusContext, inventedContext, query } from './question-context.js';

const parse = (text: string) => parseQuestion(text, corpusContext);
const previous = query('what did Dixon say about senates in 2011 in Pulse?');

function merge(text: string, before = previous, ctx = corpusContext) {
  return mergeFollowUp(text, before, (t) => parseQuestion(t, ctx));
}

describe('mergeFollowUp', () => {
  it('"and in 2012?" replaces the dates and keeps speaker, topic and outlet', () => {
    const merged = merge('and in 2012?');
    expect(merged?.carried).toEqual(['speaker', 'topic', 'outlet']);
    expect(merged?.query).toMatchObject({ question: 'and in 2012?', speakerId: 'michael-dixon', topic: 'senates', dateText: 'in 2012', dateFrom: '2012-01-01', dateTo: '2012-12-31', outlet: 'Pulse' });
  });

  it('"what about Hunt?" replaces the speaker only', () => {
    const merged = merge('what about Hunt?');
    expect(merged?.carried).toEqual(['topic', 'dates', 'outlet']);
    expect(merged?.query).toMatchObject({ speakerId: 'jeremy-hunt', speakerQuery: 'Hunt', topic: 'senates', dateText: 'in 2011' });
  });

  it('"more on commissioning" replaces the topic only', () => {
    expect(merge('more on commissioning')?.query).toMatchObject({ speakerId: 'michael-dixon', topic: 'commissioning', dateText: 'in 2011', outlet: 'Pulse' });
  });

  it('"who else said that?" keeps the topic, drops the speaker and names them to leave out', () => {
    const merged = merge('who else said that?');
    expect(merged).toMatchObject({ excludeSpeakerId: 'michael-dixon', carried: ['topic', 'dates', 'outlet'] });
    expect(merged?.query).toMatchObject({ speakerId: null, speakerQuery: null, topic: 'senates' });
    expect(merge('who else said that?', query('what did Dixon say in 2011?')), 'nothing to say "that" about').toBeNull();
  });

  it('"and in PharmaTimes?" replaces the outlet', () => {
    expect(merge('and in PharmaTimes?')?.query).toMatchObject({ outlet: 'PharmaTimes', speakerId: 'michael-dixon', topic: 'senates', dateText: 'in 2011' });
  });

  it.each([
    'what did Hunt say?',
    'who said senates should be advisory?',
    'senates',
    'and what did Hunt say about funding?',
    'and Hunt on funding',
    'latest from Hunt',
    'help',
    '',
  ])('leaves a question that stands on its own alone: %j', (text) => {
    expect(merge(text)).toBeNull();
  });

  it('works on any corpus, not only the bundled one\'s names', () => {
    const before = query('what did Okafor say about waiting lists?', inventedContext);
    expect(merge('what about the BMA?', before, inventedContext)?.query).toMatchObject({ speakerId: 'bma', topic: 'waiting lists' });
  });

  it('does not mutate the previous query', () => {
    const copy = structuredClone(previous);
    merge('and in 2012?');
    merge('who else said that?');
    expect(previous).toEqual(copy);
    expect(parse('and in 2012?').kind).toBe('query');
  });
});
