import { describe, expect, it } from 'vitest';
import { questionSpeakers } from '../../src/answer/question-speakers.js';
import type { Speaker } from '../../src/statements/statement.js';

function speaker(id: string, name: string, roles: string[], aliases: string[] = [name]): Speaker {
  return { id, name, kind: 'person', aliases, roles };
}

describe('questionSpeakers', () => {
  it('adds the ways of writing a role: chair, chairman, chairwoman, and "chair of the X"', () => {
    const [dixon] = questionSpeakers([speaker('dixon', 'Michael Dixon', ['NHS Alliance chair'], ['Michael Dixon', 'Dixon'])]);
    expect(dixon!.aliases).toEqual(
      expect.arrayContaining(['Michael Dixon', 'Dixon', 'NHS Alliance chair', 'NHS Alliance chairman', 'chair of the NHS Alliance', 'chairman of the NHS Alliance']),
    );
  });

  it('drops articles and possessives, and one-word roles that would match too much', () => {
    const [hunt] = questionSpeakers([speaker('hunt', 'Jeremy Hunt', ['the Health Secretary', 'minister'])]);
    expect(hunt!.aliases).toEqual(['Jeremy Hunt', 'Health Secretary']);
  });

  it('names nobody by a role two speakers share', () => {
    const out = questionSpeakers([
      speaker('a', 'Ann Smith', ['Labour MP', 'shadow health secretary']),
      speaker('b', 'Bob Jones', ['Labour MP']),
    ]);
    expect(out[0]!.aliases).toEqual(['Ann Smith', 'shadow health secretary']);
    expect(out[1]!.aliases).toEqual(['Bob Jones']);
  });
});
