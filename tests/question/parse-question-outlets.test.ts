import { describe, expect, it } from 'vitest';
import { query } from './question-context.js';

describe('parseQuestion: outlets', () => {
  it.each([
    ['what did Dixon say in Pulse?', 'Pulse'],
    ['anything from PharmaTimes on CCGs', 'PharmaTimes'],
    ['according to Pharmafield, what did Hunt say', 'Pharmafield'],
    ['Dixon quotes in GP', 'GP (GPonline.com)'],
    ['Dixon quotes in GPonline', 'GP (GPonline.com)'],
    ['Dixon in gponline.com about senates', 'GP (GPonline.com)'],
    ['in pulse, what did Dixon say', 'Pulse'],
  ])('finds the outlet of %j', (text, outlet) => {
    expect(query(text).outlet).toBe(outlet);
  });

  it('reads "in 2011" as a date and "in the NHS" as a topic, not as outlets', () => {
    const q = query('what did Dixon say about reform in the NHS in 2011');
    expect([q.outlet, q.topic, q.dateText]).toEqual([null, 'reform in the NHS', 'in 2011']);
  });

  it('does not take "in GP practices" for the outlet GP', () => {
    const q = query('commissioning in GP practices');
    expect([q.outlet, q.topic]).toEqual([null, 'commissioning in GP practices']);
  });

  it('reads "from NHS Alliance" as the speaker and "in NHS Alliance" as the outlet', () => {
    const from = query('quotes from NHS Alliance on senates');
    expect([from.speakerId, from.outlet, from.topic]).toEqual(['nhs-alliance', null, 'senates']);
    const inside = query('what did Dixon say in NHS Alliance about senates?');
    expect([inside.speakerId, inside.outlet, inside.topic]).toEqual([
      'michael-dixon', 'NHS Alliance (press release)', 'senates',
    ]);
  });
});

describe('parseQuestion: outlets known by a short name', () => {
  const ctx = {
    now: new Date('2026-11-23T12:00:00Z'),
    speakers: [],
    outlets: ['Pulse Today', 'Health Service Journal (HSJ)', 'The Guardian'],
  };

  it.each([
    ['senates in Pulse', 'Pulse Today'],
    ['senates in HSJ', 'Health Service Journal (HSJ)'],
    ['senates in the Health Service Journal', 'Health Service Journal (HSJ)'],
    ['senates in Guardian articles', 'The Guardian'],
  ])('finds the outlet in %j', (text, outlet) => {
    const q = query(text, ctx);
    expect([q.outlet, q.topic]).toEqual([outlet, 'senates']);
  });

  it('does not take a first word that is a topic for the outlet: "in Health and Wellbeing Boards"', () => {
    const q = query('what was said in Health and Wellbeing Boards?', ctx);
    expect([q.outlet, q.topic]).toEqual([null, 'Health and Wellbeing Boards']);
  });
});
