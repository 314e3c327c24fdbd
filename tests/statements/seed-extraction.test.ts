import { beforeAll, describe, expect, it } from 'vitest';
import type { Speaker, Statement } from '../../src/statements/statement.js';
import type { Article } from '../../src/corpus/article.js';
import { loadSeedExtraction } from './seed-corpus.js';

const GP = '2012-11-22-gp-ccgs-demolition-experts';
const PT = '2012-11-22-pharmatimes-demolition-experts';
const PF = '2012-11-23-pharmafield-commissioners-demolition';
const NA = '2011-06-20-nhs-alliance-clinically-led-commissioning';
const PU = '2012-01-pulse-dixon-warns-emasculated';

/**
 * Every direct quote of the five articles, checked by hand against the texts: the opening words
 * of each quoted sentence and who said it. Quotes that are nobody's speech are listed below.
 */
const DIRECT: Array<[string, string, string]> = [
  [NA, 'Primary care commissioners must not be overshadowed', 'Michael Dixon'],
  [NA, 'If proposed changes to Government health reforms', 'Michael Dixon'],
  [NA, 'It would be tragic to see it join the rubbish dump', 'Michael Dixon'],
  [NA, 'We need to make sure this does not happen', 'Michael Dixon'],
  [NA, 'All practices and GP commissioners need to be involved.', 'Michael Dixon'],
  [NA, 'Senates should be only advisory not authorising', 'Michael Dixon'],
  // Runs over two paragraphs: no closing mark, the next paragraph re-opens.
  [NA, 'We also have concerns that Health and Wellbeing Boards', 'Michael Dixon'],
  [NA, 'We cannot have commissioning consortia being challenged', 'Michael Dixon'],
  [NA, 'The crucial next step for the NHS', 'Michael Dixon'],
  [NA, 'It’s difficult to see how they are going to be able', 'Michael Dixon'],
  // Opens with a closing mark (”Visible action …).
  [NA, 'Visible action to show that clinical commissioners', 'Michael Dixon'],
  [NA, 'The Government and department of Health will have to work', 'Michael Dixon'],
  [PU, 'put its full weight', 'Michael Dixon'],
  [PU, 'a tacit message that Government was not fully behind them', 'Michael Dixon'],
  [PU, 'Marie Celeste', 'Michael Dixon'],
  [PU, 'complete confidence in clinical commissioning leaders', 'Michael Dixon'],
  [PU, 're-create a belief in clinical commissioning', 'Michael Dixon'],
  [PU, 'the mixed messages of the past many months', 'Michael Dixon'],
  [PU, 'There is spreading disillusionment and distrust', 'Michael Dixon'],
  [PU, 'Worse than having no expectations', 'Michael Dixon'],
  // Paragraphs that are only a quote continue the previous speaker; nested "bureaucratic" stays inside.
  [PU, 'The new CCGs are under threat of becoming centrally driven, overly "bureaucratic"', 'Michael Dixon'],
  [PU, 'This would be the opposite of all that had been trailed', 'Michael Dixon'],
  [PU, 'It would also be the opposite of what is needed', 'Michael Dixon'],
  [PU, 'We must learn from the past', 'Michael Dixon'],
  [GP, 'persistently failed to materialise', 'Michael Dixon'],
  [GP, 'Clinical commissioners must become demolition experts.', 'Michael Dixon'],
  [GP, 'Removing the mines, the obstacles and the red tape', 'Michael Dixon'],
  // "life's" inside a single-quoted quote is an apostrophe, not the closing mark.
  [GP, "reigniting the altruism that lies beneath the skin of every clinician, however scarred by life's events", 'Michael Dixon'],
  [GP, 'Each year, we will collect appraisals', 'Michael Dixon'],
  [GP, 'From these appraisals, we will produce a national report', 'Michael Dixon'],
  [GP, 'The NHS needs to become a national health system', 'Michael Dixon'],
  [GP, 'Public health will need to get its hands dirty.', 'Michael Dixon'],
  [GP, 'Every patient and clinician will need to play', 'Michael Dixon'],
  [GP, 'Because excellent commissioning relies on excellent provision.', 'Michael Dixon'],
  [GP, 'These ambitious reforms will only deliver', 'Michael Dixon'],
  [PT, 'demolition experts', 'Michael Dixon'],
  [PT, 'reigniting the altruism that lies beneath the skin of every clinician', 'Michael Dixon'],
  [PT, 'maximise the co-prodiction of clinicians and patients', 'Michael Dixon'],
  // Never closes: runs to the end of its paragraph.
  [PT, 'with clinical commissioners, health and wellbeing boards and those at the heart of delivery', 'Michael Dixon'],
  [PT, 'refreshing and liberating', 'Michael Dixon'],
  [PT, 'The current language of the Board is exactly right', 'Michael Dixon'],
  [PT, 'because excellent commissioning relies on excellent provision', 'Michael Dixon'],
  // "the Board said": the board the article last named, the NHS Commissioning Board.
  [PT, 'mark a clear move away from regional commissioning', 'NHS Commissioning Board'],
  [PT, 'ensure national consistency in accessing services', 'Ian Dalton'],
  // "the Chairman of the NHS Alliance has said": a role, resolved to the person holding it.
  [PF, 'demolition experts', 'Michael Dixon'],
  [PF, 'Holy Grail', 'Jeremy Hunt'],
  [PF, 'to enable redesign that has so persistently failed', 'Michael Dixon'],
  [PF, 'think ever bigger, wider, and more ambitious', 'Michael Dixon'],
  // "he argued" after a sentence about the Board: "he" is Dixon, not the Board.
  [PF, 'grand protector', 'Michael Dixon'],
  [PF, 'managerial hierarchy', 'Michael Dixon'],
  [PF, 'won the argument for having an NHS', 'Jeremy Hunt'],
  // No cue in its sentence: it continues Hunt's reported speech of the paragraph before.
  [PF, 'see at a local level the integration of services', 'Jeremy Hunt'],
  [PF, 'a short shelf life', 'Jeremy Hunt'],
];

/** Quoted words that are nobody's speech: headlines, scare quotes, policy wording, a document quoted. */
const NOT_SPEECH: Array<[string, string]> = [
  [PF, 'single digital record'],
  [PF, 'demolition’'],
  [NA, 'hosted'],
  [NA, 'covering many more areas of specialist care'],
  [NA, 'clear right to refer plans back'],
  [NA, 'from the consulting room rather than Whitehall'],
  [PU, 'emasculated’'],
  [PU, 'get'],
];

let statements: Statement[];
let speakers: Map<string, Speaker>;
let articles: Map<string, Article>;

beforeAll(async () => {
  const x = await loadSeedExtraction();
  statements = x.statements;
  speakers = new Map(x.speakers.map((s) => [s.id, s]));
  articles = new Map(x.corpus.articles.map((a) => [a.id, a]));
});

const speakerName = (st: Statement): string | null => (st.speakerId ? speakers.get(st.speakerId)!.name : null);

describe('extractStatements on the five seed articles', () => {
  it.each(DIRECT)('finds the direct quote in %s starting "%s" and gives it to %s', (articleId, start, who) => {
    const found = statements.filter((s) => s.articleId === articleId && s.kind === 'direct' && s.text.startsWith(start));
    expect(found).toHaveLength(1);
    expect(speakerName(found[0]!)).toBe(who);
  });

  it('finds no direct quote beyond the hand-checked list', () => {
    const direct = statements.filter((s) => s.kind === 'direct');
    const unexpected = direct.filter((s) => !DIRECT.some(([a, start]) => a === s.articleId && s.text.startsWith(start)));
    expect(unexpected.map((s) => `${s.articleId}: ${s.text}`)).toEqual([]);
  });

  it.each(NOT_SPEECH)('gives no one the quoted words in %s "%s"', (articleId, words) => {
    const hits = statements.filter((s) => s.articleId === articleId && s.kind === 'direct' && s.text.replace(/[’']$/, '') === words.replace(/[’']$/, ''));
    expect(hits).toEqual([]);
  });

  it('keeps every statement an exact span of its article body', () => {
    for (const s of statements) expect(articles.get(s.articleId)!.body.slice(s.start, s.end)).toBe(s.text);
  });

  it('marks reported speech as indirect, never as a quote', () => {
    const indirect = statements.filter((s) => s.kind === 'indirect');
    const texts = indirect.map((s) => s.text);
    expect(texts).toContain('call for a change of culture within the NHS, to help it cope with future financial challenges');
    expect(texts.some((t) => t.startsWith('The first task for commissioners is to redesign local services'))).toBe(true);
    // "according to the NHS Alliance, …" and "the Alliance believes …": the organisation speaks.
    const alliance = indirect.filter((s) => s.speakerId === 'nhs-alliance').map((s) => s.text);
    expect(alliance.some((t) => t.startsWith('there is a real danger'))).toBe(true);
    expect(alliance.some((t) => t.startsWith('Government and the Department of Health now need to reassure'))).toBe(true);
  });

  it('reads "Dr Dixon’s five solutions … are:" as five indirect statements by Dixon', () => {
    const items = statements.filter((s) => s.articleId === PU && s.cue?.startsWith("Dr Dixon's five solutions"));
    expect(items).toHaveLength(5);
    expect(items.every((s) => s.kind === 'indirect' && s.speakerId === 'michael-dixon')).toBe(true);
    expect(items[0]!.text).toBe('The coalition Government, as a whole, needs to put its full weight behind CCGs and CCG leaders.');
  });

  it('learns one canonical Michael Dixon with his aliases and roles from the text', () => {
    const dixon = speakers.get('michael-dixon')!;
    expect(dixon.name).toBe('Michael Dixon');
    expect(dixon.aliases).toEqual(expect.arrayContaining(['Dr Michael Dixon', 'Michael Dixon', 'Dr Dixon', 'Dixon']));
    expect(dixon.roles.join(' | ')).toMatch(/NHS Alliance chair/);
    expect([...speakers.values()].filter((s) => /dixon/i.test(s.name))).toHaveLength(1);
  });

  it('quotes no one who is only mentioned (Andrew Lansley)', () => {
    expect([...speakers.values()].some((s) => /lansley/i.test(s.name))).toBe(false);
  });

  it('keeps the cue each statement was attributed by', () => {
    const dalton = statements.find((s) => s.speakerId === 'ian-dalton')!;
    expect(dalton.cue).toBe('said Ian Dalton');
    const conference = statements.find((s) => s.text === 'Clinical commissioners must become demolition experts.')!;
    expect(conference.cue).toBe('he told the conference');
  });
});
