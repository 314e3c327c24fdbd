import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { renderAnswer as renderSlack } from '../../adapters/slack/render-answer.js';
import { LIMITS, type SlackMessage } from '../../adapters/slack/slack-message.js';
import { MAX_REPLY_BYTES } from '../../adapters/teams/adaptive-card.js';
import { renderAnswer as renderTeams } from '../../adapters/teams/render-answer.js';
import { AnswerSchema, type Answer, type Result } from '../../src/index.js';
import { resultsAnswer, senatesResult } from '../fixtures/answers.js';
import { validateAdaptiveCard } from './teams/validate-card.js';

/** Fixed seed and bounded runs, like the core's property tests; `FUZZ_RUNS` raises the count. */
const RUNS = Math.max(50, Math.floor(Number(process.env.FUZZ_RUNS ?? 150) / 2));
const SEED = 15;

/** What an article could hold that a renderer must show literally: Slack's control sequences, markdown links, entities, markup. */
const HOSTILE = [
  '<!channel>', '<!here>', '<!everyone>', '<@U0BRIEFBOT>', '<#C123|general>', '<http://evil.example|click here>', '<mailto:x@evil.example|mail>',
  '[click](http://evil.example)', '![img](http://evil.example/x.png)', '{{DATE(2017-02-14T06:08:39Z)}}', '&amp;', '&lt;', '&#60;', '<b>bold</b>', '<script>',
  '*', '_', '~', '`', '```', '>', '|', '\\', '- ', '1. ', '# ', '\n', '\r\n', '\t', '\u0000', '\u202e', '\u200b', '🙂', 'é', '“', '”', 'said', 'Dixon',
];
const hostile = fc.oneof(
  { weight: 3, arbitrary: fc.array(fc.constantFrom(...HOSTILE), { maxLength: 20 }).map((parts) => parts.join(' ')) },
  { weight: 1, arbitrary: fc.string({ unit: 'grapheme', maxLength: 200 }) },
  { weight: 1, arbitrary: fc.tuple(fc.constantFrom(...HOSTILE), fc.integer({ min: 100, max: 5_000 })).map(([part, n]) => part.repeat(n)) },
);
// Words that are never text of their own in Slack mrkdwn, the marks of an injection (mrkdwn has no [label](url) links).
const EVIL = ['<!channel>', '<!here>', '<!everyone>', '<@U0BRIEFBOT>', '<#C123', '<http://evil', '<mailto:'];

const result = fc.record({ text: hostile, title: hostile, outlet: hostile, speaker: hostile, cue: hostile, kind: fc.constantFrom('direct' as const, 'indirect' as const) }).map(
  ({ text, title, outlet, speaker, cue, kind }, ): Result => ({
    ...senatesResult,
    text: text === '' ? 'x' : text,
    kind,
    cue,
    speaker: { ...senatesResult.speaker!, name: speaker === '' ? 'x' : speaker },
    sources: senatesResult.sources.map((s) => ({ ...s, title: title === '' ? 'x' : title, outlet: outlet === '' ? 'x' : outlet, text })),
  }),
);
const answer = fc.tuple(fc.array(result, { minLength: 1, maxLength: 8 }), fc.integer({ min: 0, max: 40 }), hostile).map(([results, extra, note]): Answer => {
  const base = resultsAnswer(results.map((r, i) => ({ ...r, id: `a#${i}`, sources: r.sources.map((s) => ({ ...s, statementId: `a#${i}` })) })), results.length + extra);
  return { ...base, note: note === '' ? null : note };
});

function slackTexts(message: SlackMessage): string[] {
  const texts = [message.text];
  for (const block of message.blocks) {
    if (block.type === 'section') texts.push(block.text.text, ...(block.accessory ? [block.accessory.text.text] : []));
    if (block.type === 'context') texts.push(...block.elements.map((e) => e.text));
    if (block.type === 'header') texts.push(block.text.text);
    if (block.type === 'actions') texts.push(...block.elements.map((e) => e.text.text));
  }
  return texts;
}

function expectSlackLimits(message: SlackMessage): void {
  expect(message.text.length).toBeLessThanOrEqual(LIMITS.fallbackText);
  expect(message.blocks.length).toBeLessThanOrEqual(LIMITS.blocks);
  for (const block of message.blocks) {
    if (block.type === 'section') expect(block.text.text.length).toBeLessThanOrEqual(LIMITS.sectionText);
    if (block.type === 'header') expect(block.text.text.length).toBeLessThanOrEqual(LIMITS.headerText);
    if (block.type === 'context') {
      expect(block.elements.length).toBeLessThanOrEqual(LIMITS.contextElements);
      for (const e of block.elements) expect(e.text.length).toBeLessThanOrEqual(LIMITS.contextText);
    }
    const buttons = block.type === 'actions' ? block.elements : block.type === 'section' && block.accessory ? [block.accessory] : [];
    if (block.type === 'actions') expect(block.elements.length).toBeLessThanOrEqual(LIMITS.actionsElements);
    for (const b of buttons) {
      expect(b.text.text.length).toBeLessThanOrEqual(LIMITS.buttonText);
      expect((b.value ?? '').length).toBeLessThanOrEqual(LIMITS.buttonValue);
    }
  }
}

describe('the renderers, on any article text', () => {
  it('the generated answers are ones the core could give', () => {
    fc.assert(fc.property(answer, (a) => void AnswerSchema.parse(a)), { numRuns: 20, seed: SEED });
  });

  it('Slack: every message stays inside the Block Kit limits, and nothing from an article becomes a mention or a link', () => {
    fc.assert(
      fc.property(answer, fc.constantFrom('ephemeral' as const, 'visible' as const), (a, visibility) => {
        const message = renderSlack(a, { question: 'what did Dixon say about senates?', visibility });
        expectSlackLimits(message);
        for (const text of slackTexts(message)) {
          for (const evil of EVIL) expect(text).not.toContain(evil);
          // The only <…> left are the renderer's own links, to the sources' addresses.
          for (const [, target] of text.matchAll(/<([^>]*)>/g)) expect(target!.startsWith(`${senatesResult.sources[0]!.url}|`)).toBe(true);
        }
      }),
      { numRuns: RUNS, seed: SEED },
    );
  });

  it('Teams: every card is valid Adaptive Card 1.5, under the size budget, and article text stays literal', () => {
    fc.assert(
      fc.property(answer, (a) => {
        const reply = renderTeams(a);
        expect(Buffer.byteLength(JSON.stringify(reply.card)) + Buffer.byteLength(reply.text)).toBeLessThanOrEqual(MAX_REPLY_BYTES);
        expect(validateAdaptiveCard(reply.card)).toEqual([]);
        const shown = JSON.stringify(reply.card.body);
        // Markdown links and Slack-style sequences survive only escaped (\[ \] \( \< ...).
        expect(shown).not.toMatch(/(?<!\\\\)\]\((?:http|mailto)/);
        expect(shown).not.toMatch(/(?<!\\\\)<[!@#a-z]/i);
        expect(shown).not.toMatch(/(?<!\\\\)\{\{DATE/);
      }),
      { numRuns: RUNS, seed: SEED },
    );
  });
});
