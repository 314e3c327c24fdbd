import { describe, expect, it } from 'vitest';
import { query } from './question-context.js';

// The context's clock reads 23 November 2026 (a Monday), so relative dates are stable.
describe('parseQuestion: dates', () => {
  it.each([
    ['what did Dixon say in 2011?', '2011-01-01', '2011-12-31', 'in 2011'],
    ['what did Dixon say in November 2012?', '2012-11-01', '2012-11-30', 'in November 2012'],
    ['Dixon on senates since June 2012', '2012-06-01', null, 'since June 2012'],
    ['Dixon on senates before 2012', null, '2011-12-31', 'before 2012'],
    ['Dixon on senates before June 2012', null, '2012-05-31', 'before June 2012'],
    ['Dixon on senates after 2011', '2012-01-01', null, 'after 2011'],
    ['Dixon on senates between 2011 and 2012', '2011-01-01', '2012-12-31', 'between 2011 and 2012'],
    ['Dixon on senates from 2011 to 2012', '2011-01-01', '2012-12-31', 'from 2011 to 2012'],
    ['Dixon between June and November 2012', '2012-06-01', '2012-11-30', 'between June and November 2012'],
    ['Dixon on senates last year', '2025-01-01', '2025-12-31', 'last year'],
    ['Dixon on senates this year', '2026-01-01', '2026-12-31', 'this year'],
    ['Dixon on senates in the past year', '2025-11-23', '2026-11-23', 'in the past year'],
    ['Dixon on senates in the last 2 years', '2024-11-23', '2026-11-23', 'in the last 2 years'],
    ['Dixon on senates this month', '2026-11-01', '2026-11-30', 'this month'],
    ['Dixon on senates last month', '2026-10-01', '2026-10-31', 'last month'],
    ['Dixon on senates last week', '2026-11-16', '2026-11-22', 'last week'],
    ['what did Dixon say on 22 November 2012?', '2012-11-22', '2012-11-22', 'on 22 November 2012'],
    ['what did Dixon say on November 22, 2012?', '2012-11-22', '2012-11-22', 'on November 22, 2012'],
    ['what did Dixon say on 22/11/2012?', '2012-11-22', '2012-11-22', 'on 22/11/2012'],
    ['what did Dixon say in 2012-11?', '2012-11-01', '2012-11-30', 'in 2012-11'],
    ['Dixon on senates in 2011-12', '2011-01-01', '2012-12-31', 'in 2011-12'],
    ['Dixon senates 2011', '2011-01-01', '2011-12-31', '2011'],
    ['what did Dixon say in May?', '2026-05-01', '2026-05-31', 'in May'],
    ['what did Dixon say in December?', '2025-12-01', '2025-12-31', 'in December'],
    ['what did Dixon say yesterday?', '2026-11-22', '2026-11-22', 'yesterday'],
    ['what did Dixon say 3 weeks ago?', '2026-11-02', '2026-11-02', '3 weeks ago'],
    ['what did Dixon say since last Tuesday?', '2026-11-17', null, 'since last Tuesday'],
    ['what did Dixon say on 22.11.2012?', '2012-11-22', '2012-11-22', 'on 22.11.2012'],
  ])('reads the dates of %j', (text, from, to, dateText) => {
    const q = query(text);
    expect([q.dateFrom, q.dateTo, q.dateText]).toEqual([from, to, dateText]);
    expect(q.speakerId).toBe('michael-dixon');
  });

  it('keeps the topic once the date words are taken out', () => {
    expect(query('Dixon on senates since June 2012').topic).toBe('senates');
    expect(query('what did Dixon say about CCGs between 2011 and 2012?').topic).toBe('CCGs');
  });

  it('keeps the date words as written', () => {
    expect(query('what did Dixon say Since JUNE 2012?').dateText).toBe('Since JUNE 2012');
  });

  it.each([
    ['five solutions', 'five solutions'],
    ['10 things Dixon said', '10 things'],
    ['what did Dixon say about 2000 practices?', '2000 practices'],
    ['what did Dixon say about NHS 111 at 5?', 'NHS 111 at 5'],
        ['Dixon on the £2012 budget', '2012 budget'],
  ])('does not turn numbers or names into dates in %j', (text, topic) => {
    const q = query(text);
    expect([q.dateFrom, q.dateTo, q.dateText, q.topic]).toEqual([null, null, null, topic]);
  });

  it('reads "May" in a name as part of the name, not as a month', () => {
    const q = query('what did Theresa May say about Brexit?');
    expect([q.dateText, q.speakerQuery, q.topic]).toEqual([null, 'Theresa May', 'Brexit']);
  });

  it('widens two separate dates to the span covering both', () => {
    const q = query('what did Dixon say in 2011 or in 2012?');
    expect([q.dateFrom, q.dateTo]).toEqual(['2011-01-01', '2012-12-31']);
  });

  it('reads "from 2011" as a date and "from PharmaTimes" as an outlet', () => {
    const q = query('quotes from PharmaTimes from 2011');
    expect([q.outlet, q.dateFrom, q.dateTo]).toEqual(['PharmaTimes', '2011-01-01', null]);
  });
});
