import { describe, expect, it } from 'vitest';
import { inventedContext, query } from './question-context.js';

describe('parseQuestion: known speakers', () => {
  it.each([
    ['what did dixon say about senates', 'michael-dixon', 'dixon'],
    ['what did DIXON say about senates', 'michael-dixon', 'DIXON'],
    ["Dixon's views on senates", 'michael-dixon', 'Dixon'],
    ['Dixon’s views on senates', 'michael-dixon', 'Dixon'],
    ['what did Michael Dixon say about senates', 'michael-dixon', 'Michael Dixon'],
    ['what did Dr Michael Dixon say about senates', 'michael-dixon', 'Michael Dixon'],
    ['what did Dr. Dixon say about senates', 'michael-dixon', 'Dixon'],
    ['what did the Alliance say about senates', 'nhs-alliance', 'the Alliance'],
    ['Hunt on senates', 'jeremy-hunt', 'Hunt'],
  ])('finds the speaker in %j', (text, speakerId, speakerQuery) => {
    const q = query(text);
    expect([q.speakerId, q.speakerQuery, q.topic]).toEqual([speakerId, speakerQuery, 'senates']);
  });

  it('prefers the longest alias: "NHS Alliance" is the organisation, not a topic "NHS" plus "Alliance"', () => {
    const q = query('what did the NHS Alliance say about senates?');
    expect([q.speakerId, q.speakerQuery, q.topic]).toEqual(['nhs-alliance', 'NHS Alliance', 'senates']);
  });

  it('takes the person in the speaker position, and leaves another known name in the topic', () => {
    const q = query('what did Hunt say about Dixon?');
    expect([q.speakerId, q.topic]).toEqual(['jeremy-hunt', 'Dixon']);
  });

  it('does not read "the hunt for savings" as Jeremy Hunt', () => {
    const q = query('tell me about the hunt for savings');
    expect([q.speakerId, q.topic]).toEqual([null, 'hunt for savings']);
  });

  it('reads "Andrew Dixon" as someone other than Michael Dixon', () => {
    const q = query('what did Andrew Dixon say about senates?');
    expect([q.speakerId, q.speakerQuery, q.topic]).toEqual([null, 'Andrew Dixon', 'senates']);
  });

  it('keeps a role before a surname on the known speaker: "Health Secretary Hunt"', () => {
    expect(query('what did Health Secretary Hunt say about dementia?').speakerId).toBe('jeremy-hunt');
  });

  it('leaves the role words before a full name out of the topic', () => {
    const q = query('what did Health Secretary Jeremy Hunt say about dementia?');
    expect([q.speakerId, q.speakerQuery, q.topic]).toEqual(['jeremy-hunt', 'Jeremy Hunt', 'dementia']);
  });

  it('reads "according to Dixon" as the speaker', () => {
    const q = query('according to Dixon, what are senates for?');
    expect([q.speakerId, q.topic]).toEqual(['michael-dixon', 'senates']);
  });

  it('does not read a lower-case common word as a speaker when the user capitalises names', () => {
    const q = query('what did Okafor say about the price of drugs?', inventedContext);
    expect([q.speakerId, q.topic]).toEqual(['ada-okafor', 'price of drugs']);
    expect(query('what did Dixon say about hunt savings in Pulse?').speakerId).toBe('michael-dixon');
  });

  it('still finds a speaker typed in lower case throughout', () => {
    expect(query('hunt on dementia').speakerId).toBe('jeremy-hunt');
  });
});

describe('parseQuestion: names that match no known speaker', () => {
  it.each([
    ['what did Boris Johnson say about the NHS?', 'Boris Johnson', 'NHS'],
    ['what has Andrew Lansley said about clinical commissioning?', 'Andrew Lansley', 'clinical commissioning'],
    ['quotes from Jane Doe on reform', 'Jane Doe', 'reform'],
    ["Lansley's views on the NHS", 'Lansley', 'NHS'],
    ['Lansley’s comments on senates', 'Lansley', 'senates'],
    ['Lansley on clinical commissioning', 'Lansley', 'clinical commissioning'],
    ['what does Sir Simon Stevens think about funding?', 'Simon Stevens', 'funding'],
    ['what did Prof. Jane Smith-Jones say about GP workload?', 'Jane Smith-Jones', 'GP workload'],
    ['what did Ursula von der Leyen say about vaccines?', 'Ursula von der Leyen', 'vaccines'],
    ['has Lansley ever said anything about senates?', 'Lansley', 'senates'],
    ['what did the Department of Health say about CCGs?', 'Department of Health', 'CCGs'],
    ['WHAT DID ANDREW LANSLEY SAY ABOUT REFORMS', 'ANDREW LANSLEY', 'REFORMS'],
    ['according to Jane Doe, what are senates for?', 'Jane Doe', 'senates'],
    ['what did Theresa May say about Brexit?', 'Theresa May', 'Brexit'],
    ['what did the BMA say about pay?', 'BMA', 'pay'],
  ])('reads the name in %j', (text, speakerQuery, topic) => {
    const q = query(text);
    expect([q.speakerId, q.speakerQuery, q.topic]).toEqual([null, speakerQuery, topic]);
  });

  it.each([
    ['what was said about Dixon and the senates?', 'Dixon and the senates'],
    ['how will councils hold Dixon to account?', 'councils hold Dixon to account'],
  ])('takes a known name out of the speaker\'s place in %j as part of the topic', (text, topic) => {
    const q = query(text);
    expect([q.speakerId, q.speakerQuery, q.topic]).toEqual([null, null, topic]);
  });

  it('prefers an unknown name in the speaker position over a known name in the topic', () => {
    const q = query('what did Andrew Lansley say about Dixon?');
    expect([q.speakerId, q.speakerQuery, q.topic]).toEqual([null, 'Andrew Lansley', 'Dixon']);
  });

  it.each([
    ['what has been said about Health and Wellbeing Boards?', 'Health and Wellbeing Boards'],
    ['NHS funding', 'NHS funding'],
    ['CCG leaders on the NHSCB', 'CCG leaders on the NHSCB'],
    ['quotes about funding from CCGs', 'funding from CCGs'],
    ['Senates', 'Senates'],
    ['what do GPs think about CCGs?', 'GPs CCGs'],
  ])('does not take capitalised topic words for a name in %j', (text, topic) => {
    const q = query(text);
    expect([q.speakerId, q.speakerQuery, q.topic]).toEqual([null, null, topic]);
  });
});

describe('parseQuestion: invented speakers and outlets', () => {
  it('finds an invented speaker by surname, with a title and a possessive', () => {
    const q = query("Prof. Okafor's comments on nurse staffing", inventedContext);
    expect([q.speakerId, q.speakerQuery, q.topic]).toEqual(['ada-okafor', 'Okafor', 'nurse staffing']);
  });

  it('finds an acronym alias and an outlet known by its parenthesised short name', () => {
    const q = query('in HSJ, what did the BMA say about pay since March 2014?', inventedContext);
    expect([q.speakerId, q.speakerQuery, q.topic, q.outlet, q.dateFrom, q.dateTo]).toEqual([
      'bma', 'BMA', 'pay', 'Health Service Journal (HSJ)', '2014-03-01', null,
    ]);
  });

  it('matches an outlet written without its article or by its domain', () => {
    expect(query('what did Okafor say about waiting lists in the Guardian?', inventedContext).outlet).toBe('The Guardian');
    expect(query('from bbc.co.uk about strikes', inventedContext).outlet).toBe('BBC News (bbc.co.uk)');
  });

  it('searches one speaker when two are named, and keeps the other name out of the topic', () => {
    const q = query('what did Okafor and Price say about pay?', inventedContext);
    expect([q.speakerId, q.topic]).toEqual(['ada-okafor', 'pay']);
  });

  it('does not read the common word "price" as Tom Price', () => {
    const q = query('what has the price of drugs done to budgets?', inventedContext);
    expect([q.speakerId, q.topic]).toEqual([null, 'price of drugs done to budgets']);
  });

  it('matches a name typed without its accents, and with them', () => {
    const ctx = { ...inventedContext, speakers: [{ id: 'gaspar-maroth', name: 'Gáspár Maróth', aliases: ['Gáspár Maróth', 'Maróth'] }] };
    expect(query('what did Maroth say about defence?', ctx).speakerId).toBe('gaspar-maroth');
    expect(query('what did Gáspár Maróth say about defence?', ctx).speakerQuery).toBe('Gáspár Maróth');
  });

  it('reads "Chidi Okafor" as someone other than Ada Okafor', () => {
    const q = query('what did Chidi Okafor say?', inventedContext);
    expect([q.speakerId, q.speakerQuery]).toEqual([null, 'Chidi Okafor']);
  });
});

describe('parseQuestion: odd speaker and outlet lists', () => {
  it('ignores empty and one-character names instead of matching everywhere', () => {
    const ctx = {
      now: new Date('2026-11-23T12:00:00Z'),
      speakers: [{ id: 'odd', name: '', aliases: ['', ' ', '(', '.*'] }],
      outlets: ['', ' ', '()', 'Ab (b c)'],
    };
    const q = query('what did (Dixon) say .* about senates in Ab?', ctx);
    expect([q.speakerId, q.outlet]).toEqual([null, 'Ab (b c)']);
  });
});

describe('parseQuestion: where a known name sits', () => {
  // Aliases learned from news include common words and places: "Day", "Paris", "WHO".
  const ctx = {
    now: new Date('2026-11-23T12:00:00Z'),
    speakers: [
      { id: 'doris-day', name: 'Doris Day', aliases: ['Doris Day', 'Day'] },
      { id: 'paris-hilton', name: 'Paris Hilton', aliases: ['Paris Hilton', 'Paris'] },
      { id: 'who', name: 'World Health Organization', aliases: ['World Health Organization', 'WHO'] },
      { id: 'michael-dixon', name: 'Michael Dixon', aliases: ['Michael Dixon', 'Dixon'] },
    ],
    outlets: [],
  };

  it.each([
    ['Election Day turnout', 'Election Day turnout'],
    ['what happened in Paris?', 'happened in Paris'],
    ['who knows about vaccines?', 'knows about vaccines'],
  ])('leaves a name that is part of a topic in %j to the topic', (text, topic) => {
    const q = query(text, ctx);
    expect([q.speakerId, q.speakerQuery, q.topic]).toEqual([null, null, topic]);
  });

  it.each([
    ['what did Day say?', 'doris-day'],
    ['what did the WHO say about vaccines?', 'who'],
    ['give me Dixon quotes on vaccines', 'michael-dixon'],
    ['show me Dixon on vaccines', 'michael-dixon'],
    ['tell me about Dixon', 'michael-dixon'],
    ['vaccines, Dixon?', 'michael-dixon'],
    ["tell me about Dixon's plan for vaccines", 'michael-dixon'],
    ['compare Dixon and Day on vaccines', 'michael-dixon'],
  ])('takes the known name in %j as the speaker', (text, speakerId) => {
    expect(query(text, ctx).speakerId).toBe(speakerId);
  });

  it('drops the verb of a "what did the BBC report about" frame from the topic', () => {
    expect(query('what did the WHO report about vaccines?', ctx).topic).toBe('vaccines');
  });
});
