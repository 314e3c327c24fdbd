import { describe, expect, it } from 'vitest';
import type { Article } from '../../src/corpus/article.js';
import { extractStatements } from '../../src/statements/extract-statements.js';

/** Articles written for these tests: each isolates one attribution rule. */
function article(id: string, body: string, title = 'A test article'): Article {
  return { id, path: `${id}.md`, title, outlet: 'Test Gazette', url: `https://example.org/${id}`, published: { value: '2020-01-01', precision: 'day', inferred: false }, body };
}

function speakerOf(articles: Article[], text: string): string | null | undefined {
  const { statements, speakers } = extractStatements(articles);
  const st = statements.find((s) => s.text === text);
  if (!st) return undefined;
  return st.speakerId ? speakers.find((s) => s.id === st.speakerId)!.name : null;
}

describe('speaker attribution', () => {
  it('resolves "he" to the person who last spoke, not the last name seen', () => {
    const a = article('pronoun', [
      'Council leader Jane Smith questioned the support given to minister Tom Brown, and said the plan had stalled.',
      '"We cannot wait another year for this," she said.',
      'Mayor Paul Green said the budget was fixed.',
      '"There is no more money for roads this year," he told reporters.',
    ].join('\n\n'));
    expect(speakerOf([a], 'There is no more money for roads this year')).toBe('Paul Green');
  });

  it('leaves "he" unresolved when another person was named since the speaker', () => {
    const a = article('ambiguous', [
      'Mayor Paul Green said the budget was fixed.',
      'The decision angered councillor Mark White, who had asked for more money.',
      '"This is a disgrace and I will fight it in the chamber," he said.',
    ].join('\n\n'));
    expect(speakerOf([a], 'This is a disgrace and I will fight it in the chamber')).toBeNull();
  });

  it('gives no one a surname that two people in the article share', () => {
    const a = article('surnames', [
      'Anna Kowalski, the mayor, and her brother Piotr Kowalski attended the opening.',
      '"It was a wonderful day for the whole town," Kowalski said.',
    ].join('\n\n'));
    expect(speakerOf([a], 'It was a wonderful day for the whole town')).toBeNull();
  });

  it('resolves a surname to the full name the article gives', () => {
    const a = article('surname', 'Health minister Maria Lopez visited the hospital.\n\n"The new ward will open in March," Lopez said.');
    expect(speakerOf([a], 'The new ward will open in March')).toBe('Maria Lopez');
  });

  it('resolves a role to its holder only when one person holds it', () => {
    const one = article('role-a', 'The hospital chair Sam Reed opened the wing.');
    const two = article('role-b', 'The new wing must open this year, the hospital chair has said.');
    expect(speakerOf([one, two], 'The new wing must open this year')).toBe('Sam Reed');
    const other = article('role-c', 'The hospital chair Alex Kim resigned in 2019.');
    expect(speakerOf([one, two, other], 'The new wing must open this year')).toBeUndefined();
  });

  it('lets an organisation speak: "the Board said" is the board the article named', () => {
    const a = article('board', 'The National Rail Board published its plan.\n\nThe plan will "cut delays by half within two years", the Board said.');
    expect(speakerOf([a], 'cut delays by half within two years')).toBe('National Rail Board');
  });

  it('continues the previous paragraph’s speaker for a paragraph that is only a quote', () => {
    const a = article('continue', 'Professor Ruth Hale said: "The results are clear."\n\n"We now need a larger trial to be certain."');
    expect(speakerOf([a], 'We now need a larger trial to be certain.')).toBe('Ruth Hale');
  });

  it('does not give a headline or a single scare-quoted word to anyone', () => {
    const a = article('scare', 'Minister ‘furious’ over leak\n\nMinister Lee Park said the leaked ‘draft’ was out of date.', 'Minister ‘furious’ over leak');
    const { statements } = extractStatements([a]);
    expect(statements.filter((s) => s.kind === 'direct')).toEqual([]);
  });

  it('never treats reported speech as a verbatim quote', () => {
    const a = article('reported', 'Finance chief Omar Said warned that the deficit would double by 2030.');
    const { statements } = extractStatements([a]);
    expect(statements).toEqual([expect.objectContaining({ kind: 'indirect', text: 'the deficit would double by 2030' })]);
  });
});
