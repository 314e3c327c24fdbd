import { describe, expect, it } from 'vitest';
import { parseSpeakerPhrase } from '../../src/statements/speaker-phrase.js';
import { roleKeys } from '../../src/statements/speaker-registry.js';

describe('parseSpeakerPhrase', () => {
  it('separates role, title and name: "NHS Alliance chair Dr Michael Dixon"', () => {
    expect(parseSpeakerPhrase('NHS Alliance chair Dr Michael Dixon')).toMatchObject({ type: 'person', name: 'Michael Dixon', honorific: 'Dr', role: 'NHS Alliance chair' });
  });

  it('drops auxiliaries and adverbs: "Health secretary Jeremy Hunt also"', () => {
    expect(parseSpeakerPhrase('Health secretary Jeremy Hunt also')).toMatchObject({ type: 'person', name: 'Jeremy Hunt', role: 'Health secretary' });
    expect(parseSpeakerPhrase('NHS Alliance chair Michael Dixon has')).toMatchObject({ type: 'person', name: 'Michael Dixon' });
  });

  it('takes capitalised job titles as roles, not names', () => {
    expect(parseSpeakerPhrase('Chelyabinsk regional Deputy Governor Oleg Klimov')).toMatchObject({ name: 'Oleg Klimov' });
    expect(parseSpeakerPhrase('President Vladimir Putin')).toMatchObject({ name: 'Vladimir Putin', role: 'President' });
  });

  it('reads pronouns, bodies, roles and generic subjects', () => {
    expect(parseSpeakerPhrase('he')).toMatchObject({ type: 'pronoun' });
    expect(parseSpeakerPhrase('the Board')).toMatchObject({ type: 'organisation', definite: true });
    expect(parseSpeakerPhrase('The Alliance')).toMatchObject({ type: 'organisation', name: 'Alliance' });
    expect(parseSpeakerPhrase('the Chairman of the NHS Alliance')).toMatchObject({ type: 'role' });
    expect(parseSpeakerPhrase('officials')).toMatchObject({ type: 'generic' });
  });

  it('refuses clauses and sentence openers as speakers', () => {
    expect(parseSpeakerPhrase('the NHS must become more than just a service')).toBeNull();
    expect(parseSpeakerPhrase('In his keynote speech')).toBeNull();
    expect(parseSpeakerPhrase('As')).toBeNull();
    expect(parseSpeakerPhrase('President Donald Trump congratulated Pelosi')).toBeNull();
  });

  it('reads "the director of Black Panther" as a role, not a person named Black Panther', () => {
    expect(parseSpeakerPhrase('the director of Black Panther')).toMatchObject({ type: 'role' });
  });

  it('keeps the name before "of": "Peter Iseley of Ending Clergy Abuse"', () => {
    expect(parseSpeakerPhrase('Peter Iseley of Ending Clergy Abuse')).toMatchObject({ type: 'person', name: 'Peter Iseley', role: 'Ending Clergy Abuse' });
  });
});

describe('roleKeys', () => {
  it('makes "Chairman of the NHS Alliance", "NHS Alliance chair" and "Alliance chairman" the same role', () => {
    expect(roleKeys('Chairman of the NHS Alliance')).toEqual(['chair|alliance']);
    expect(roleKeys('NHS Alliance chair')).toEqual(['chair|alliance']);
    expect(roleKeys('Alliance chairman and Devon GP')).toEqual(['chair|alliance', 'gp|devon']);
  });
});
