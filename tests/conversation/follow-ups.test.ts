import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { createMemoryConversationStore, openBriefbot, withFollowUps, type Answer, type Briefbot, type BriefbotEngine } from '../../src/index.js';

const CORPUS = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../corpus');
const NOW = () => new Date('2026-12-03T12:00:00Z');

let engine: BriefbotEngine;
beforeAll(async () => {
  engine = await openBriefbot({ corpusDir: CORPUS, now: NOW });
});

function speakersOf(answer: Answer): string[] {
  return answer.kind === 'results' ? [...new Set(answer.results.map((r) => r.speaker?.name ?? 'unknown'))] : [];
}

async function conversation(...questions: string[]): Promise<Answer[]> {
  const bot: Briefbot = withFollowUps(engine, createMemoryConversationStore());
  const out: Answer[] = [];
  for (const q of questions) out.push(await bot.ask(q, { conversation: 'c1' }));
  return out;
}

describe('follow-up questions (bundled corpus)', () => {
  it('"and in 2011?" keeps the speaker and topic and changes the dates', async () => {
    const [, answer] = await conversation('what did Dixon say about commissioning?', 'and in 2011?');
    expect(answer?.kind).toBe('results');
    if (answer?.kind !== 'results') return;
    expect(answer.interpretation).toMatchObject({ speaker: { name: 'Michael Dixon' }, topic: 'commissioning', dateText: 'in 2011', carried: ['speaker', 'topic'] });
    // Dixon's only 2011 article is the NHS Alliance press release of 20 June 2011.
    expect(answer.results.every((r) => r.sources.some((s) => s.date.value.startsWith('2011')))).toBe(true);
    expect(speakersOf(answer)).toEqual(['Michael Dixon']);
  });

  it('"and in 2012?" after the senates question: nothing on senates in 2012, so Dixon\'s 2012 quotes, saying so', async () => {
    const [, answer] = await conversation('what did Dixon say about senates?', 'and in 2012?');
    expect(answer?.kind).toBe('results');
    if (answer?.kind !== 'results') return;
    expect(answer.note).toBe('No quotes from Michael Dixon about "senates" in 2012 in the corpus. Without the topic:');
    expect(answer.interpretation).toMatchObject({ speaker: { name: 'Michael Dixon' }, topic: null, dateText: 'in 2012', carried: ['speaker'] });
    expect(answer.results.every((r) => r.sources[0]!.date.value.startsWith('2012'))).toBe(true);
  });

  it('"what about Hunt?" changes the speaker and keeps the topic', async () => {
    const [, answer] = await conversation('what did Dixon say about the health secretary?', 'what about Hunt?');
    expect(answer?.kind === 'results' || answer?.kind === 'nothing').toBe(true);
    if (answer?.kind !== 'results' && answer?.kind !== 'nothing') return;
    expect(answer.interpretation.speaker?.name).toBe('Jeremy Hunt');
    expect(answer.interpretation.carried).toContain('topic');
  });

  it('"more on senates" keeps the speaker and changes the topic', async () => {
    const [, answer] = await conversation('what did Dixon say in 2011?', 'more on senates');
    expect(answer?.kind).toBe('results');
    if (answer?.kind !== 'results') return;
    expect(answer.interpretation).toMatchObject({ speaker: { name: 'Michael Dixon' }, topic: 'senates', dateText: 'in 2011', carried: ['speaker', 'dates'] });
  });

  it('"who else said that?" keeps the topic and leaves the previous speaker out', async () => {
    const [first, answer] = await conversation('what did Dixon say about the NHS Commissioning Board?', 'who else said that?');
    expect(speakersOf(first!)).toContain('Michael Dixon');
    expect(answer?.kind === 'results' || answer?.kind === 'nothing').toBe(true);
    if (answer?.kind !== 'results' && answer?.kind !== 'nothing') return;
    expect(answer.interpretation).toMatchObject({ speaker: null, topic: 'NHS Commissioning Board', excludedSpeaker: { name: 'Michael Dixon' } });
    expect(speakersOf(answer)).not.toContain('Michael Dixon');
    expect(speakersOf(answer)).not.toContain('unknown');
  });

  it('never merges a question that stands on its own', async () => {
    const [, own, andOwn] = await conversation('what did Dixon say about senates?', 'what did Hunt say?', 'and what did Dixon say about demolition?');
    expect(own?.kind === 'results' && own.interpretation).toMatchObject({ speaker: { name: 'Jeremy Hunt' }, topic: null });
    expect(own?.kind === 'results' && own.interpretation.carried).toBeUndefined();
    expect(andOwn?.kind === 'results' && andOwn.interpretation).toMatchObject({ speaker: { name: 'Michael Dixon' }, topic: 'demolition', dateText: null });
    expect(andOwn?.kind === 'results' && andOwn.interpretation.carried).toBeUndefined();
  });

  it('keeps conversations apart, and a question without a conversation is never merged', async () => {
    const bot = withFollowUps(engine, createMemoryConversationStore());
    await bot.ask('what did Dixon say about senates?', { conversation: 'a' });
    const other = await bot.ask('and in 2011?', { conversation: 'b' });
    const none = await bot.ask('and in 2011?');
    for (const answer of [other, none]) {
      expect(answer.kind === 'results' && answer.interpretation).toMatchObject({ speaker: null, topic: null, dateText: 'in 2011' });
    }
  });

  it('forgets a conversation after its time to live', async () => {
    let clock = 0;
    const bot = withFollowUps(engine, createMemoryConversationStore({ ttlMs: 1000, now: () => clock }));
    await bot.ask('what did Dixon say about senates?', { conversation: 'a' });
    clock = 1001;
    const later = await bot.ask('and in 2011?', { conversation: 'a' });
    expect(later.kind === 'results' && later.interpretation.speaker).toBeNull();
  });

  it('pages a follow-up ("More results") with the same merged query, without changing the conversation', async () => {
    const bot = withFollowUps(engine, createMemoryConversationStore());
    await bot.ask('what did Dixon say?', { conversation: 'a' });
    const first = await bot.ask('and in 2012?', { conversation: 'a', limit: 2 });
    const next = await bot.ask('and in 2012?', { conversation: 'a', limit: 2, offset: 2 });
    expect(first.kind === 'results' && next.kind === 'results').toBe(true);
    if (first.kind !== 'results' || next.kind !== 'results') return;
    expect(next.interpretation).toMatchObject({ speaker: { name: 'Michael Dixon' }, dateText: 'in 2012' });
    expect(next.total).toBe(first.total);
    expect(next.results[0]!.id).not.toBe(first.results[0]!.id);
  });
});
