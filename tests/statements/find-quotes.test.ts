import { describe, expect, it } from 'vitest';
import { findQuotes } from '../../src/statements/find-quotes.js';

/** The quoted words of a one-paragraph text. */
function quoted(text: string): string[] {
  return findQuotes(text, { start: 0, end: text.length }).map((q) => text.slice(q.inner.start, q.inner.end));
}

describe('findQuotes', () => {
  it('finds curly double quotes', () => {
    expect(quoted('He said “we must act now,” and left.')).toEqual(['we must act now']);
  });

  it('finds straight double quotes', () => {
    expect(quoted('"The current language of the Board is exactly right," he said.')).toEqual(['The current language of the Board is exactly right']);
  });

  it('does not close a British single quote at an apostrophe (Dixon’s, it’s)', () => {
    expect(quoted('He said: ‘It’s Dixon’s plan, and it’s right.’ Then he left.')).toEqual(['It’s Dixon’s plan, and it’s right.']);
  });

  it('handles a straight apostrophe inside straight single quotes', () => {
    expect(quoted("would mean 'reigniting the altruism, however scarred by life's events'.")).toEqual(["reigniting the altruism, however scarred by life's events"]);
  });

  it('handles mixed marks: a curly opening closed by a straight mark', () => {
    expect(quoted("called on the Government to ‘put its full weight' behind GP commissioning")).toEqual(['put its full weight']);
  });

  it('accepts a quote opened with a closing mark', () => {
    expect(quoted('”Visible action is now required,” says Dr Dixon.')).toEqual(['Visible action is now required']);
    expect(quoted('at risk of being ’emasculated’')).toEqual(['emasculated']);
  });

  it('keeps nested quotes inside the outer one', () => {
    expect(quoted('‘The new CCGs are overly "bureaucratic" organisations.’')).toEqual(['The new CCGs are overly "bureaucratic" organisations.']);
    expect(quoted('“They will have a ‘clear right to refer plans back’ to us.”')).toEqual(['They will have a ‘clear right to refer plans back’ to us.']);
  });

  it('runs a quote that never closes to the end of its paragraph', () => {
    const text = 'The NHS, Dixon argues, should be a system "with clinical commissioners in every village.';
    const [q] = findQuotes(text, { start: 0, end: text.length });
    expect(q).toMatchObject({ closed: false, style: 'double' });
    expect(text.slice(q!.inner.start, q!.inner.end)).toBe('with clinical commissioners in every village.');
  });

  it('finds both halves of a quote split by its attribution', () => {
    expect(quoted('“We need to act,” he said, “before it is too late.”')).toEqual(['We need to act', 'before it is too late.']);
  });

  it('ignores possessive and plural apostrophes', () => {
    expect(quoted("the commissioners’ first task and the GPs' role")).toEqual([]);
  });
});
