import { describe, expect, it } from 'vitest';
import { addToGroups, groupStatements, removeFromGroups } from '../../src/store/group-statements.js';
import type { Statement } from '../../src/statements/statement.js';

const st = (id: string, text: string, speakerId: string | null = 'dixon'): Statement => ({ id, articleId: id.split('#')[0]!, text, start: 0, end: text.length, kind: 'direct', speakerId, cue: null, quotation: { start: 0, end: text.length } });

describe('groupStatements', () => {
  // A two-word fragment quoted by another outlet is the same remark as the full quote containing it.
  it('puts a fragment of two words with the full remark it comes from', () => {
    const full = st('a#1', 'Clinical commissioners must become demolition experts');
    const fragment = st('b#1', 'demolition experts');
    const other = st('c#1', 'expert demolition');
    const groups = groupStatements([fragment, other, full]);
    expect(groups.get('b#1')!.lead.id).toBe('a#1');
    expect(groups.get('c#1')!.members).toHaveLength(1);
  });

  it('files a new statement into the group whose lead it repeats, and takes the lead when fuller', () => {
    const full = st('a#1', 'Senates should be only advisory not authorising');
    const groups = groupStatements([full, st('x#1', 'something else entirely different')]);
    const part = st('b#1', 'only advisory not authorising');
    const fuller = st('c#1', 'Senates should be only advisory not authorising and we must ensure it');
    addToGroups(groups, [part, fuller], () => [full]);
    expect(groups.get('b#1')).toBe(groups.get('a#1'));
    expect(groups.get('a#1')!.lead.id).toBe('c#1');
    removeFromGroups(groups, ['c#1']);
    expect(groups.get('a#1')!.lead.id).toBe('a#1');
    expect(groups.get('a#1')!.members.map((m) => m.id)).toEqual(['a#1', 'b#1']);
  });
});
