import { describe, expect, it } from 'vitest';
import { renderAnswer as renderSlack } from '../../adapters/slack/render-answer.js';
import { renderAnswer as renderTeams } from '../../adapters/teams/render-answer.js';
import { renderText } from '../../src/cli/render-text.js';
import { createQuoteLinks } from '../../src/index.js';
import { interpretation, resultsAnswer, senatesResult } from '../fixtures/answers.js';

const hunt = { id: 'jeremy-hunt', name: 'Jeremy Hunt', kind: 'person' as const, roles: ['Health secretary'] };
const corrected = resultsAnswer([{ ...senatesResult, speaker: hunt, correction: 'speaker corrected by an editor' }]);
const links = createQuoteLinks({ secret: 'contract-secret-0123456789', publicUrl: 'https://bb.example', ttlMs: 86_400_000, now: () => new Date('2026-12-03T12:00:00Z') });

describe('a corrected result on every surface', () => {
  it('says "speaker corrected by an editor" next to the corrected speaker in the terminal, Slack and Teams', () => {
    expect(renderText(corrected)).toContain('— Jeremy Hunt (Health secretary) (speaker corrected by an editor)');
    expect(JSON.stringify(renderSlack(corrected, { question: interpretation.question, visibility: 'visible' }).blocks)).toContain('— *Jeremy Hunt*, Health secretary _(speaker corrected by an editor)_');
    expect(renderTeams(corrected).card.fallbackText).toContain('— Jeremy Hunt, Health secretary (speaker corrected by an editor)');
  });

  it('links the same quote "In context" from Slack and Teams when links are on, and not at all when off', () => {
    const slack = JSON.stringify(renderSlack(corrected, { question: interpretation.question, visibility: 'visible', links }).blocks);
    const teams = JSON.stringify(renderTeams(corrected, links).card);
    const expected = links.linkFor(senatesResult.id);
    expect(slack).toContain(JSON.stringify(expected));
    expect(teams).toContain(JSON.stringify(expected));
    expect(JSON.stringify(renderSlack(corrected, { question: interpretation.question, visibility: 'visible' }).blocks)).not.toContain('In context');
    expect(JSON.stringify(renderTeams(corrected).card)).not.toContain('In context');
  });
});
