import { describe, expect, it } from 'vitest';
import type { Answer } from '../../../src/index.js';
import { MAX_REPLY_BYTES, measureReply, type CardNode } from '../../../adapters/teams/adaptive-card.js';
import { escapeCardText, formatPublishedDate, truncateText } from '../../../adapters/teams/card-text.js';
import { MoreResultsDataSchema } from '../../../adapters/teams/more-results.js';
import { renderAnswer, renderWelcome } from '../../../adapters/teams/render-answer.js';
import {
  helpAnswer,
  interpretation,
  nothingAnswer,
  reportedResult,
  resultsAnswer,
  SENATES_QUOTE,
  SENATES_URL,
  senatesResult,
  variant,
} from '../../fixtures/answers.js';
import { validateAdaptiveCard } from './validate-card.js';

/** Every node of a card, depth first. */
function walk(node: unknown): CardNode[] {
  if (Array.isArray(node)) return node.flatMap(walk);
  if (typeof node !== 'object' || node === null) return [];
  const children = Object.values(node).flatMap(walk);
  return 'type' in node ? [node as CardNode, ...children] : children;
}

const texts = (card: unknown) => walk(card).filter((n) => n.type === 'TextBlock').map((n) => String(n.text));

describe('escapeCardText', () => {
  it('escapes markdown and HTML-entity characters so they show literally', () => {
    const input = '**bold** _it_ [x](http://e.vil) `c` ~s~ &amp; <at>x</at> #tag > q {{DATE(2017-02-14T06:08:00Z)}}';
    const escaped = '\\*\\*bold\\*\\* \\_it\\_ \\[x\\]\\(http://e.vil\\) \\`c\\` \\~s\\~ \\&amp; \\<at\\>x\\</at\\> \\#tag \\> q \\{\\{DATE\\(2017-02-14T06:08:00Z\\)\\}\\}';
    expect(escapeCardText(input)).toBe(escaped);
    // Removing the escapes gives the text back: nothing is lost, only defused.
    expect(escaped.replace(/\\(.)/g, '$1')).toBe(input);
  });

  it('defuses a leading list marker and flattens line breaks', () => {
    expect(escapeCardText('- not a list')).toBe('\\- not a list');
    expect(escapeCardText('1. not a list')).toBe('1\\. not a list');
    expect(escapeCardText('line one\r\n\r\n- two')).toBe('line one - two');
    expect(escapeCardText('well-known 1.5 points')).toBe('well-known 1.5 points');
  });
});

describe('formatPublishedDate', () => {
  it('shows a stated day in full and marks inferred or imprecise dates', () => {
    expect(formatPublishedDate({ value: '2011-06-20', precision: 'day', inferred: false })).toBe('20 Jun 2011');
    expect(formatPublishedDate({ value: '2011-06-20', precision: 'day', inferred: true })).toBe('about 20 Jun 2011');
    expect(formatPublishedDate({ value: '2012-01', precision: 'month', inferred: false })).toBe('Jan 2012');
    expect(formatPublishedDate({ value: '2012-01', precision: 'month', inferred: true })).toBe('about Jan 2012');
    expect(formatPublishedDate({ value: '2012', precision: 'year', inferred: true })).toBe('about 2012');
  });
});

describe('truncateText', () => {
  it('cuts at a word and ends with an ellipsis', () => {
    expect(truncateText('one two three four five', 16)).toBe('one two three…');
    expect(truncateText('short', 12)).toBe('short');
  });
});

describe('renderAnswer: results', () => {
  it('shows the direct quote in an emphasis container with speaker, outlet, headline, date and a link', () => {
    const reply = renderAnswer(resultsAnswer([senatesResult, reportedResult]));
    expect(validateAdaptiveCard(reply.card)).toEqual([]);
    expect(reply.card.version).toBe('1.5');
    const emphasis = walk(reply.card).find((n) => n.type === 'Container' && n.style === 'emphasis');
    expect(texts(emphasis)).toEqual([`“${SENATES_QUOTE}”`]);
    const all = texts(reply.card);
    expect(all).toContain('— Michael Dixon, NHS Alliance chair');
    expect(all).toContain('NHS Alliance \\(press release\\) · Clinically-Led Commissioning Must Not Be Set Up To Fail · 20 Jun 2011');
    expect(all[0]).toBe('Searched: quotes by Michael Dixon about "senates". Showing 1–2 of 2.');
    // The card carries the whole answer as plain text; the message text is a one-line summary.
    expect(reply.card.fallbackText).toContain(`1. “${SENATES_QUOTE}”`);
    expect(reply.card.fallbackText).toContain(SENATES_URL);
    expect(reply.text).toBe('Showing 1–2 of 2 quotes by Michael Dixon about "senates".');
    const links = walk(reply.card).filter((n) => n.type === 'Action.OpenUrl');
    expect(links.map((l) => l.url)).toEqual([SENATES_URL, reportedResult.sources[0]?.url]);
  });

  it('labels reported speech as a paraphrase, without quote marks, and marks its inferred month', () => {
    const reply = renderAnswer(resultsAnswer([reportedResult]));
    expect(validateAdaptiveCard(reply.card)).toEqual([]);
    const all = texts(reply.card);
    expect(all).toContain('Reported speech (paraphrase)');
    expect(all).toContain('commissioning groups were at risk of being emasculated');
    expect(all.some((t) => t.includes('“'))).toBe(false);
    expect(all.some((t) => t.endsWith('about Jan 2012'))).toBe(true);
    expect(reply.card.fallbackText).toContain('Reported speech (paraphrase): commissioning groups');
  });

  it('offers "More results" carrying the question and the next offset only when more remain', () => {
    const page = resultsAnswer([senatesResult, reportedResult], 7, 0);
    const reply = renderAnswer(page);
    const more = walk(reply.card).filter((n) => n.type === 'Action.Submit' && n.title === 'More results');
    expect(more).toHaveLength(1);
    expect(more[0]?.title).toBe('More results');
    expect(MoreResultsDataSchema.parse(more[0]?.data)).toEqual({ question: interpretation.question, offset: 2 });
    const lastPage = renderAnswer(resultsAnswer([senatesResult], 7, 6));
    expect(walk(lastPage.card).filter((n) => n.type === 'Action.Submit' && n.title === 'More results')).toHaveLength(0);
    expect(texts(lastPage.card)[0]).toContain('Showing 7–7 of 7.');
  });

  it('shows the core\'s note when the answer was widened, escaped, in a valid card', () => {
    const reply = renderAnswer({ ...resultsAnswer([senatesResult]), note: 'Nothing from Dixon in 2013, so here is *everything* from him.' });
    expect(validateAdaptiveCard(reply.card)).toEqual([]);
    expect(texts(reply.card)[1]).toBe('Nothing from Dixon in 2013, so here is \\*everything\\* from him.');
    expect(reply.card.fallbackText).toContain('Nothing from Dixon in 2013');
  });

  it('keeps article text literal: markdown, links and entities in a quote are escaped', () => {
    const hostile = variant(senatesResult, 'x#1', '**Vote** for [me](https://evil.example) &amp; <b>now</b>\n- please');
    const reply = renderAnswer(resultsAnswer([hostile]));
    expect(validateAdaptiveCard(reply.card)).toEqual([]);
    expect(texts(reply.card)).toContain('“\\*\\*Vote\\*\\* for \\[me\\]\\(https://evil.example\\) \\&amp; \\<b\\>now\\</b\\> - please”');
    expect(reply.card.fallbackText).toContain('**Vote** for [me](https://evil.example)');
  });

  it('stays under the size budget by showing fewer results, and "More results" continues after the last shown', () => {
    const long = 'word '.repeat(600).trim();
    const many = Array.from({ length: 50 }, (_, i) => variant(senatesResult, `r${i}`, `${i} ${long}`));
    const reply = renderAnswer(resultsAnswer(many, 120));
    expect(validateAdaptiveCard(reply.card)).toEqual([]);
    expect(measureReply(reply)).toBeLessThanOrEqual(MAX_REPLY_BYTES);
    const shown = walk(reply.card).filter((n) => n.type === 'Container' && n.style === 'emphasis').length;
    expect(shown).toBeGreaterThan(0);
    expect(shown).toBeLessThan(50);
    const more = walk(reply.card).find((n) => n.type === 'Action.Submit' && n.title === 'More results');
    expect(MoreResultsDataSchema.parse(more?.data).offset).toBe(shown);
  });

  it('cuts one enormous quote cleanly rather than sending an oversized card', () => {
    const huge = variant(senatesResult, 'huge', 'senates '.repeat(5000));
    const reply = renderAnswer(resultsAnswer([huge]));
    expect(validateAdaptiveCard(reply.card)).toEqual([]);
    expect(measureReply(reply)).toBeLessThanOrEqual(MAX_REPLY_BYTES);
    expect(texts(reply.card).some((t) => t.endsWith('…”'))).toBe(true);
  });
});

describe('renderAnswer: other kinds', () => {
  const sources: Answer = {
    kind: 'sources',
    sources: Array.from({ length: 400 }, (_, i) => ({
      articleId: `a${i}`,
      outlet: 'Pulse',
      title: `Article _${i}_ about [commissioning] and a rather long headline to fill the card`,
      url: `https://example.org/${i}`,
      date: { value: '2011-06', precision: 'month' as const, inferred: false },
      statements: i,
    })),
  };
  const speakers: Answer = {
    kind: 'speakers',
    speakers: [{ id: 'michael-dixon', name: 'Michael Dixon', kind: 'person', roles: ['NHS Alliance chair'], aliases: ['Dr Dixon'], statements: 9 }],
  };
  const invalid: Answer = { kind: 'invalid', reason: 'too_long', message: 'That question is too long: please keep it under 500 characters.' };

  it.each([
    ['help', helpAnswer],
    ['nothing', nothingAnswer],
    ['sources', sources],
    ['speakers', speakers],
    ['invalid', invalid],
  ] as Array<[string, Answer]>)('renders %s as a valid card with a plain-text twin under the size budget', (_kind, answer) => {
    const reply = renderAnswer(answer);
    expect(validateAdaptiveCard(reply.card)).toEqual([]);
    expect(reply.text.length).toBeGreaterThan(0);
    expect(reply.text).not.toContain('\n');
    expect(reply.card.fallbackText?.length).toBeGreaterThan(0);
    expect(measureReply(reply)).toBeLessThanOrEqual(MAX_REPLY_BYTES);
  });

  it('lists as many sources as fit and says how many there are', () => {
    const reply = renderAnswer(sources);
    expect(texts(reply.card)[0]).toMatch(/^400 articles \(showing the first \d+\)$/);
    expect(texts(reply.card)).toContain('Article \\_0\\_ about \\[commissioning\\] and a rather long headline to fill the card');
  });

  it('offers suggestions as buttons that ask the suggested question', () => {
    const reply = renderAnswer(nothingAnswer);
    expect(texts(reply.card)[0]).toBe('No quotes from Michael Dixon about "zebras" in the corpus.');
    const buttons = walk(reply.card).filter((n) => n.type === 'Action.Submit');
    expect(buttons.map((b) => MoreResultsDataSchema.parse(b.data))).toEqual([{ question: 'what did Dixon say about senates?', offset: 0 }]);
  });

  it('welcomes with a greeting and example questions', () => {
    const reply = renderWelcome(helpAnswer);
    expect(validateAdaptiveCard(reply.card)).toEqual([]);
    expect(texts(reply.card)[0]).toBe("Hi, I'm Briefbot.");
    expect(texts(reply.card)).toContain('• what did Dixon say about senates?');
    expect(reply.card.fallbackText).toContain('what did Dixon say about senates?');
    expect(reply.text).toBe("Hi, I'm Briefbot. Ask me who said what in the news; examples below.");
  });
});

describe('validateAdaptiveCard', () => {
  it('reports a malformed card', () => {
    const problems = validateAdaptiveCard({ type: 'AdaptiveCard', version: '1.5', body: [{ type: 'TextBlock', text: 'x', size: 'huge' }, { type: 'Nope' }], actions: [{ type: 'Action.OpenUrl', title: 'x' }] });
    expect(problems.length).toBeGreaterThanOrEqual(3);
  });
});
