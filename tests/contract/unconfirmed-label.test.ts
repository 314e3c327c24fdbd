import { rm } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { renderAnswer as renderSlack } from '../../adapters/slack/render-answer.js';
import { renderAnswer as renderTeams } from '../../adapters/teams/render-answer.js';
import { renderText } from '../../src/cli/render-text.js';
import { cardTexts } from '../adapters/teams/harness.js';
import { AnswerSchema, openBriefbot, type Answer } from '../../src/index.js';
import { writeSampleCorpus } from '../search/sample-corpus.js';

// Passages that name someone the articles never quote must reach every surface under their label,
// and never look like that person's quote (no quote marks of ours, no block quote, no speaker line).
let dir: string;
let answer: Answer;
beforeAll(async () => {
  dir = writeSampleCorpus(20);
  const engine = await openBriefbot({ corpusDir: dir, cache: 'off' });
  answer = AnswerSchema.parse(await engine.ask('what did Adamowicz say about the stabbing?'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

const LABEL = 'Passages that mention Adamowicz and "stabbing" (not confirmed as Adamowicz\'s words)';

describe('unconfirmed passages on every surface', () => {
  it('are in the answer, apart from any result', () => {
    expect(answer.kind).toBe('nothing');
    if (answer.kind !== 'nothing') return;
    expect(answer.unconfirmed?.label).toBe(LABEL);
    expect(answer.unconfirmed!.passages.length).toBeGreaterThan(0);
  });

  it('the CLI prints the label above them', () => {
    const text = renderText(answer);
    expect(text).toContain(`${LABEL}:`);
    expect(text).not.toContain('— Adamowicz');
  });

  it('Slack shows the label in bold, the passages as plain sections marked "Not confirmed as a quote"', () => {
    const message = renderSlack(answer, { question: 'what did Adamowicz say about the stabbing?', visibility: 'ephemeral' });
    const texts = message.blocks.flatMap((b) => (b.type === 'section' ? [b.text.text] : b.type === 'context' ? b.elements.map((e) => e.text) : []));
    expect(texts).toContain(`*${LABEL.replace(/&/g, '&amp;')}*`);
    expect(texts.some((t) => t.startsWith('Not confirmed as a quote'))).toBe(true);
    expect(texts.some((t) => t.includes('Adamowicz') && t.startsWith('>'))).toBe(false);
  });

  it('Teams shows the label and says each passage is not confirmed, in the card and its plain text', () => {
    const reply = renderTeams(answer);
    const card = reply.card as unknown as Record<string, unknown>;
    const texts = cardTexts(card);
    expect(texts).toContain(LABEL.replace(/[()]/g, (c) => `\\${c}`));
    expect(texts.filter((t) => t.startsWith('Not confirmed as a quote')).length).toBe(answer.kind === 'nothing' ? answer.unconfirmed!.passages.length : -1);
    expect(texts.some((t) => t.startsWith('“') && t.includes('Adamowicz'))).toBe(false);
    expect(card.fallbackText).toContain(`${LABEL}:`);
  });
});
