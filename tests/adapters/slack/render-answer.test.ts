import { describe, expect, it } from 'vitest';
import { decodeButtonValue } from '../../../adapters/slack/button-value.js';
import { formatPublishedDate } from '../../../adapters/slack/format-date.js';
import { escapeMrkdwn, formatLink, truncateMrkdwn } from '../../../adapters/slack/mrkdwn.js';
import { renderAnswer } from '../../../adapters/slack/render-answer.js';
import { renderSharedResult } from '../../../adapters/slack/render-share.js';
import type { SlackBlock, SlackMessage } from '../../../adapters/slack/slack-message.js';
import { dixonInterpretation, reportedResult, resultsAnswer, senatesResult, variant } from '../../fixtures/answers.js';

const ephemeral = { question: 'what did Dixon say about senates?', visibility: 'ephemeral' as const };
const visible = { question: 'what did Dixon say about senates?', visibility: 'visible' as const };

/** Every text object and button value of a message, for checks that must hold everywhere. */
function allTexts(message: SlackMessage): string[] {
  const texts = [message.text];
  for (const block of message.blocks) {
    if (block.type === 'section') {
      texts.push(block.text.text);
      if (block.accessory) texts.push(block.accessory.text.text);
    }
    if (block.type === 'context') texts.push(...block.elements.map((e) => e.text));
    if (block.type === 'header') texts.push(block.text.text);
    if (block.type === 'actions') texts.push(...block.elements.map((e) => e.text.text));
  }
  return texts;
}

function expectWithinLimits(message: SlackMessage): void {
  expect(message.blocks.length).toBeLessThanOrEqual(50);
  for (const block of message.blocks) {
    if (block.type === 'section') expect(block.text.text.length).toBeLessThanOrEqual(3000);
    if (block.type === 'header') expect(block.text.text.length).toBeLessThanOrEqual(150);
    const buttons = block.type === 'actions' ? block.elements : block.type === 'section' && block.accessory ? [block.accessory] : [];
    for (const b of buttons) expect((b.value ?? '').length).toBeLessThanOrEqual(2000);
  }
}

function sections(message: SlackMessage): Extract<SlackBlock, { type: 'section' }>[] {
  return message.blocks.filter((b): b is Extract<SlackBlock, { type: 'section' }> => b.type === 'section');
}

describe('formatPublishedDate', () => {
  it('shows an exact day as "20 Jun 2011"', () => {
    expect(formatPublishedDate({ value: '2011-06-20', precision: 'day', inferred: false })).toBe('20 Jun 2011');
  });
  it('shows a month-precise date as "Jan 2012" and an inferred one with "about"', () => {
    expect(formatPublishedDate({ value: '2012-01', precision: 'month', inferred: false })).toBe('Jan 2012');
    expect(formatPublishedDate({ value: '2012-01', precision: 'month', inferred: true })).toBe('about Jan 2012');
  });
  it('shows an inferred day only as its month: "about Nov 2012"', () => {
    expect(formatPublishedDate({ value: '2012-11-22', precision: 'day', inferred: true })).toBe('about Nov 2012');
  });
  it('shows a year alone', () => {
    expect(formatPublishedDate({ value: '2012', precision: 'year', inferred: true })).toBe('about 2012');
  });
});

describe('mrkdwn helpers', () => {
  it('escapes &, < and > so mentions and links are inert', () => {
    expect(escapeMrkdwn('<!channel> & <@U123> <http://evil|click>')).toBe('&lt;!channel&gt; &amp; &lt;@U123&gt; &lt;http://evil|click&gt;');
  });
  it('keeps a link address from breaking out of <…|…>', () => {
    expect(formatLink('https://e.com/a|b>c&d=<x>', 'A <b> | c')).toBe('<https://e.com/a%7Cb%3Ec&amp;d=%3Cx%3E|A &lt;b&gt; ¦ c>');
    expect(formatLink('javascript:alert(1)', 'x')).toBe('<https://invalid.invalid/|x>');
  });
  it('truncates with an ellipsis without splitting an entity or a link', () => {
    expect(truncateMrkdwn('abc &amp; def', 7)).toBe('abc…');
    expect(truncateMrkdwn('see <https://x.org/a|here> now', 12)).toBe('see…');
    expect(truncateMrkdwn('short', 10)).toBe('short');
  });
});

describe('renderAnswer', () => {
  it('shows a direct quote as a block quote with speaker, outlet, headline link and exact date', () => {
    const message = renderAnswer(resultsAnswer([senatesResult]), ephemeral);
    const [quote] = sections(message);
    expect(quote?.text.text).toBe(
      '>“Senates should be only advisory not authorising and we must ensure that the full voice of primary care commissioners is represented within them.”\n— *Michael Dixon*, NHS Alliance chair',
    );
    const context = message.blocks.find((b) => b.type === 'context' && b.elements[0]?.text.startsWith('Reported by'));
    expect(context).toEqual({
      type: 'context',
      elements: [
        {
          type: 'mrkdwn',
          text: 'Reported by *NHS Alliance (press release)* · <http://primarycarereports.co.uk/clinicallyled_commissioning_must_not_be_set_up_to_fail.html|Clinically-Led Commissioning Must Not Be Set Up To Fail> · 20 Jun 2011',
        },
      ],
    });
    expect(message.text).toContain('Senates should be only advisory');
    expect(message.text).toContain('Michael Dixon (NHS Alliance (press release), 20 Jun 2011)');
  });

  it('shows reported speech in italics after "Reported:", not as a quote', () => {
    const message = renderAnswer(resultsAnswer([reportedResult]), visible);
    const [section] = sections(message);
    expect(section?.text.text).toBe('_Reported:_ _commissioning groups were at risk of being emasculated_\n— *Michael Dixon*, NHS Alliance chair (reported speech)');
    expect(JSON.stringify(message.blocks)).toContain('about Jan 2012');
  });

  it('says what was searched', () => {
    const message = renderAnswer(resultsAnswer([senatesResult], 7), ephemeral);
    expect(message.blocks[0]).toEqual({
      type: 'context',
      elements: [{ type: 'mrkdwn', text: 'Searched: speaker *Michael Dixon* · topic “senates” · 1–1 of 7' }],
    });
  });

  it('offers "Share in channel" only on an ephemeral answer, carrying the question, position and id', () => {
    const shared = renderAnswer(resultsAnswer([senatesResult, reportedResult], 2), ephemeral);
    const buttons = sections(shared).map((s) => s.accessory);
    expect(buttons.map((b) => b?.action_id)).toEqual(['briefbot_share_0', 'briefbot_share_1']);
    expect(decodeButtonValue(buttons[1]?.value)).toEqual({ q: ephemeral.question, o: 1, l: 1, id: reportedResult.id });
    const inThread = renderAnswer(resultsAnswer([senatesResult, reportedResult], 2), visible);
    expect(sections(inThread).every((s) => s.accessory === undefined)).toBe(true);
  });

  it('adds "More results" pointing at the next page when there are more', () => {
    const message = renderAnswer(resultsAnswer([senatesResult, reportedResult], 9, 5), visible);
    const actions = message.blocks.at(-1);
    expect(actions?.type).toBe('actions');
    const more = actions?.type === 'actions' ? actions.elements[0] : undefined;
    expect(more?.action_id).toBe('briefbot_more');
    expect(decodeButtonValue(more?.value)).toEqual({ q: visible.question, o: 7, l: 5 });
    expect(renderAnswer(resultsAnswer([senatesResult]), visible).blocks.some((b) => b.type === 'actions' && b.elements.some((e) => e.action_id === 'briefbot_more'))).toBe(false);
  });

  it('makes <!channel>, <@U123> and disguised links from an article inert everywhere', () => {
    const evil = variant(senatesResult, 'evil#1', 'Tell <!channel> and <@U123> to <http://evil.example|click here> & relax');
    const answer = resultsAnswer([evil]);
    if (answer.kind === 'results') {
      answer.results[0]!.sources[0]!.title = 'Headline <!here>';
      answer.results[0]!.sources[0]!.outlet = 'Outlet <@U999>';
      answer.results[0]!.speaker = { ...dixonInterpretation.speaker!, name: 'Dr <!everyone>' };
    }
    const message = renderAnswer(answer, ephemeral);
    for (const text of allTexts(message)) {
      expect(text).not.toMatch(/<[!@]/);
      expect(text).not.toContain('<http://evil');
    }
    expect(JSON.stringify(message)).toContain('&lt;!channel&gt; and &lt;@U123&gt; to &lt;http://evil.example|click here&gt; &amp; relax');
  });

  it('keeps a 10,000-character quote inside the limits, cut with an ellipsis, attribution kept', () => {
    const long = variant(senatesResult, 'long#1', `${'word & more '.repeat(900)}end`);
    const message = renderAnswer(resultsAnswer([long]), ephemeral);
    expectWithinLimits(message);
    const [section] = sections(message);
    expect(section?.text.text).toMatch(/…”\n— \*Michael Dixon\*/);
    expect(section?.text.text).not.toMatch(/&[a-z]*…/);
  });

  it('never goes past 50 blocks, keeping the "More results" button', () => {
    const many = Array.from({ length: 40 }, (_, i) => variant(senatesResult, `r#${i}`, `quote number ${i}`));
    const message = renderAnswer({ ...resultsAnswer(many, 100), limit: 40 } as never, ephemeral);
    expectWithinLimits(message);
    const more = message.blocks.at(-1);
    expect(more?.type === 'actions' && more.elements[0]?.action_id).toBe('briefbot_more');
    const shown = message.blocks.filter((b) => b.type === 'section').length;
    expect(more?.type === 'actions' && decodeButtonValue(more.elements[0]?.value)?.o).toBe(shown);
  });

  it('leaves out buttons whose value would pass 2,000 characters rather than fail to post', () => {
    const question = `senates ${'x'.repeat(2100)}`;
    const message = renderAnswer(resultsAnswer([senatesResult], 9), { question, visibility: 'ephemeral' });
    expectWithinLimits(message);
    expect(message.blocks.some((b) => (b.type === 'actions' && b.elements.some((e) => e.action_id === 'briefbot_more')) || (b.type === 'section' && b.accessory))).toBe(false);
  });

  it('renders "nothing found" with the message, suggestions and what was searched', () => {
    const message = renderAnswer(
      { kind: 'nothing', interpretation: dixonInterpretation, message: 'No quotes from Andrew Lansley in the corpus.', suggestions: ['what did Dixon say about senates?'] },
      visible,
    );
    expect(sections(message).map((s) => s.text.text)).toEqual(['No quotes from Andrew Lansley in the corpus.', 'Try:\n• what did Dixon say about senates?']);
    expect(message.text).toBe('No quotes from Andrew Lansley in the corpus.');
  });

  it('renders help, sources, speakers and invalid questions', () => {
    const help = renderAnswer({ kind: 'help', examples: ['what did Dixon say about senates?'], commands: [{ command: 'sources', description: 'list the articles' }] }, visible);
    expect(help.blocks[0]?.type).toBe('header');
    expect(JSON.stringify(help)).toContain('`sources`: list the articles');
    const sources = renderAnswer(
      { kind: 'sources', sources: [{ ...senatesResult.sources[0]!, statements: 9 }] },
      visible,
    );
    expect(JSON.stringify(sources)).toContain('NHS Alliance (press release), 20 Jun 2011 · 9 statements');
    const speakers = renderAnswer({ kind: 'speakers', speakers: [{ ...dixonInterpretation.speaker!, aliases: ['Dr Dixon'], statements: 12 }] }, visible);
    expect(JSON.stringify(speakers)).toContain('*Michael Dixon*, NHS Alliance chair · 12 statements');
    const invalid = renderAnswer({ kind: 'invalid', reason: 'too_long', message: 'That question is too long <3' }, visible);
    expect(invalid.text).toBe('That question is too long &lt;3');
  });

  it('splits a long listing into sections under 3,000 characters and at most 50 blocks', () => {
    const sources = Array.from({ length: 600 }, (_, i) => ({ ...senatesResult.sources[0]!, title: `Article ${i} ${'t'.repeat(80)}`, statements: i }));
    const message = renderAnswer({ kind: 'sources', sources }, visible);
    expectWithinLimits(message);
    expect(JSON.stringify(message.blocks.at(-1))).toMatch(/…and \d+ more/);
  });
});

describe('renderSharedResult', () => {
  it('shows the result and who shared it', () => {
    const message = renderSharedResult(senatesResult, { id: 'W111' });
    expect(message.blocks.at(-1)).toEqual({ type: 'context', elements: [{ type: 'mrkdwn', text: 'Shared by <@W111> from Briefbot' }] });
    expect(message.text.startsWith('<@W111> shared: “Senates should')).toBe(true);
  });
  it('does not turn a strange user id into markup', () => {
    expect(renderSharedResult(senatesResult, { id: '!channel', name: '<!here>' }).text).toContain('&lt;!here&gt; shared');
  });
});
