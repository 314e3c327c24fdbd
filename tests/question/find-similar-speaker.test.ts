import { describe, expect, it } from 'vitest';
import { indexSpeakers } from '../../src/question/find-known-speakers.js';
import { findSimilarSpeaker } from '../../src/question/find-similar-speaker.js';
import { corpusContext, inventedContext, query } from './question-context.js';

describe('findSimilarSpeaker', () => {
  const speakers = indexSpeakers([
    ...corpusContext.speakers,
    { id: 'jon-smith', name: 'Jon Smith', aliases: ['Jon Smith'] },
    { id: 'john-smith', name: 'John Smith', aliases: ['John Smith'] },
  ]);

  it.each([
    ['Dixn', 'michael-dixon'],
    ['Dioxn', 'michael-dixon'],
    ['Michael Dixom', 'michael-dixon'],
    ['Jeremy Hung', 'jeremy-hunt'],
    ['Ian Daltn', 'ian-dalton'],
    ['nhs aliance', 'nhs-alliance'],
  ])('reads %j as a misspelling of %s', (name, id) => {
    expect(findSimilarSpeaker(name, speakers)).toBe(id);
  });

  it.each([
    ['Hunr', 'short aliases are matched exactly only'],
    ['Andrew Lansley', 'nobody is close'],
    ['Jon Smyth', 'two speakers are equally close'],
  ])('finds nobody for %j: %s', (name) => {
    expect(findSimilarSpeaker(name, speakers)).toBeNull();
  });
});

describe('parseQuestion: misspelt speakers', () => {
  it('finds the known speaker a misspelt name in a speaker position means', () => {
    const q = query('what did Dixn say about senates?');
    expect([q.speakerId, q.speakerQuery, q.topic]).toEqual(['michael-dixon', 'Dixn', 'senates']);
  });

  it('finds a misspelt speaker typed in lower case between "did" and "say"', () => {
    const q = query('what has jeremy hung said about dementia?');
    expect([q.speakerId, q.speakerQuery, q.topic]).toEqual(['jeremy-hunt', 'jeremy hung', 'dementia']);
  });

  it('reads lower-case words between "did" and "say" that are nobody as topic words', () => {
    const q = query('what did people say about senates?');
    expect([q.speakerId, q.speakerQuery]).toEqual([null, null]);
    expect(q.topic).toContain('senates');
  });

  it('works on invented speakers too', () => {
    expect(query('quotes from Okafr on pay', inventedContext).speakerId).toBe('ada-okafor');
  });
});
