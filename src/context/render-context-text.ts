import { describePrecision, formatPublished } from '../cite/format-published.js';
import { CONTEXT_PARAGRAPHS, type QuoteContext } from './quote-context.js';

/** The context page as terminal text: the quote's paragraphs with the quote between »« marks. */
export function renderContextText(ctx: QuoteContext, full = false): string {
  const a = ctx.article;
  const precision = describePrecision(a.published);
  const who = ctx.speaker ? `${ctx.speaker.name}${ctx.speaker.roles[0] ? `, ${ctx.speaker.roles[0]}` : ''}` : 'speaker not named in the article';
  const lines = [
    a.title,
    `${a.outlet} · ${formatPublished(a.published)}${precision ? ` (${precision})` : ''}${a.byline ? ` · by ${a.byline}` : ''}`,
    a.url,
    '',
    `${ctx.kind === 'direct' ? 'Quote' : 'Reported speech (not verbatim)'} — ${who}${ctx.correction ? ` (${ctx.correction})` : ''}`,
    '',
  ];
  const from = full ? 0 : Math.max(0, ctx.first - CONTEXT_PARAGRAPHS);
  const to = full ? ctx.paragraphs.length - 1 : Math.min(ctx.paragraphs.length - 1, ctx.last + CONTEXT_PARAGRAPHS);
  if (from > 0) lines.push('[…]', '');
  for (let i = from; i <= to; i++) {
    const p = ctx.paragraphs[i]!;
    lines.push(p.mark ? `${p.text.slice(0, p.mark.start)}»${p.text.slice(p.mark.start, p.mark.end)}«${p.text.slice(p.mark.end)}` : p.text, '');
  }
  if (to < ctx.paragraphs.length - 1) lines.push('[…]', '');
  return lines.join('\n').trimEnd();
}
