import { describe, expect, it } from 'vitest';
import { BusyError, limitConcurrency, type Answer, type Briefbot } from '../../src/index.js';
import { helpAnswer } from '../fixtures/answers.js';

/** A core whose answers wait until the test releases them, recording when each question started. */
function createGatedCore() {
  const started: string[] = [];
  const gates = new Map<string, () => void>();
  const core: Briefbot = {
    ask: (question) =>
      new Promise<Answer>((resolve) => {
        started.push(question);
        gates.set(question, () => resolve(helpAnswer));
      }),
  };
  return { core, started, release: (question: string) => gates.get(question)?.() };
}

const turns = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('limitConcurrency', () => {
  it('runs at most maxActive answers at once; a burst waits its turn, first come first served, and every one is answered', async () => {
    const { core, started, release } = createGatedCore();
    const limited = limitConcurrency(core, { maxActive: 2, maxQueued: 10 });
    const answers = ['q1', 'q2', 'q3', 'q4', 'q5'].map((q) => limited.ask(q));
    await turns();
    expect(started).toEqual(['q1', 'q2']);
    expect(limited.state).toMatchObject({ active: 2, queued: 3 });
    release('q2');
    await turns();
    expect(started).toEqual(['q1', 'q2', 'q3']);
    for (const q of ['q1', 'q3', 'q4', 'q5']) {
      await turns();
      release(q);
    }
    expect(await Promise.all(answers)).toHaveLength(5);
    expect(limited.state).toMatchObject({ active: 0, queued: 0 });
  });

  it('refuses at once with BRIEFBOT_BUSY once maxQueued are waiting, and frees a slot when an answer fails', async () => {
    const failing: Briefbot = { ask: async () => Promise.reject(new Error('index gone')) };
    const { core, release } = createGatedCore();
    const limited = limitConcurrency(core, { maxActive: 1, maxQueued: 1 });
    const first = limited.ask('a');
    const second = limited.ask('b');
    await expect(limited.ask('c')).rejects.toBeInstanceOf(BusyError);
    await expect(limited.ask('c')).rejects.toMatchObject({ code: 'BRIEFBOT_BUSY' });
    release('a');
    await turns();
    release('b');
    await Promise.all([first, second]);

    const broken = limitConcurrency(failing, { maxActive: 1, maxQueued: 0 });
    await expect(broken.ask('x')).rejects.toThrow('index gone');
    await expect(broken.ask('y')).rejects.toThrow('index gone');
    expect(broken.state.active).toBe(0);
  });
});
