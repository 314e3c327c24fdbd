import type { Unconfirmed } from '../../src/index.js';
import { container, openUrlAction, textBlock, type CardNode } from './adaptive-card.js';
import { escapeCardText, formatPublishedDate, isOpenableUrl, truncateText } from './card-text.js';

/** Longest passage shown in a card; the core already trims around the name. */
const PASSAGE_MAX = 600;

/**
 * Passages that mention the speaker, under their label ("not confirmed as … words"), in plain
 * subtle text: never in the emphasis box quotes get, never under the speaker's name.
 */
export function renderUnconfirmed(unconfirmed: Unconfirmed | undefined): { body: CardNode[]; lines: string[] } {
  if (!unconfirmed) return { body: [], lines: [] };
  const body: CardNode[] = [textBlock(escapeCardText(unconfirmed.label), { weight: 'Bolder', color: 'Warning', spacing: 'Large' })];
  const lines = ['', `${unconfirmed.label}:`];
  for (const p of unconfirmed.passages) {
    const words = `${p.trimmedStart ? '… ' : ''}${truncateText(p.text, PASSAGE_MAX)}${p.trimmedEnd ? ' …' : ''}`;
    const source = `${p.outlet} · ${p.title} · ${formatPublishedDate(p.date)}`;
    const items: CardNode[] = [
      textBlock(escapeCardText(words), { isSubtle: true }),
      textBlock(`Not confirmed as a quote · ${escapeCardText(source)}`, { isSubtle: true, size: 'Small', spacing: 'None' }),
    ];
    if (isOpenableUrl(p.url)) items.push({ type: 'ActionSet', actions: [openUrlAction('Read the article', p.url)], spacing: 'Small' });
    body.push(container(items, { separator: true, spacing: 'Medium' }));
    lines.push(`- ${words}`, `  ${source}`, `  ${p.url}`);
  }
  return { body, lines };
}
