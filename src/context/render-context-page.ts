import { describePrecision, formatPublished } from '../cite/format-published.js';
import { escapeHtml } from './escape-html.js';
import { CONTEXT_PARAGRAPHS, type ContextParagraph, type QuoteContext } from './quote-context.js';

const STYLE = `
:root{color-scheme:light dark;--mark:#fff1a8;--ink:#1d1d1f;--muted:#5f6368;--bg:#fff;--rule:#ddd}
@media (prefers-color-scheme:dark){:root{--mark:#6b5b00;--ink:#eee;--muted:#aaa;--bg:#121212;--rule:#333}}
*{box-sizing:border-box}
body{margin:0;background:var(--bg);color:var(--ink);font:17px/1.55 Georgia,"Times New Roman",serif}
main{max-width:40rem;margin:0 auto;padding:1.25rem 1rem 3rem}
h1{font-size:1.5rem;line-height:1.25;margin:.25rem 0 .5rem}
.meta{color:var(--muted);font:14px/1.4 system-ui,sans-serif;margin:0 0 1rem}
.meta a{color:inherit}
.who{font:15px/1.4 system-ui,sans-serif;border-left:4px solid #c9a400;padding:.25rem .75rem;margin:1rem 0}
.corrected{font-weight:600}
mark{background:var(--mark);color:inherit;padding:0 .1em;border-radius:2px}
p{margin:0 0 1rem;overflow-wrap:anywhere}
.gap{color:var(--muted);text-align:center}
nav{font:15px/1.4 system-ui,sans-serif;border-top:1px solid var(--rule);padding-top:1rem}
nav a{margin-right:1rem}
.notice{font:17px/1.5 system-ui,sans-serif}
`;

function page(title: string, body: string): string {
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex, nofollow"><meta name="referrer" content="no-referrer">
<title>${escapeHtml(title)}</title><style>${STYLE}</style></head>
<body><main>${body}</main></body></html>
`;
}

function renderParagraph(p: ContextParagraph): string {
  if (p.mark === null) return `<p>${escapeHtml(p.text)}</p>`;
  const before = escapeHtml(p.text.slice(0, p.mark.start));
  const quote = escapeHtml(p.text.slice(p.mark.start, p.mark.end));
  const after = escapeHtml(p.text.slice(p.mark.end));
  return `<p>${before}<mark id="quote">${quote}</mark>${after}</p>`;
}

function describeSpeaker(ctx: QuoteContext): string {
  const who = ctx.speaker ? `<strong>${escapeHtml(ctx.speaker.name)}</strong>${ctx.speaker.roles[0] ? `, ${escapeHtml(ctx.speaker.roles[0])}` : ''}` : 'Speaker not named in the article';
  const kind = ctx.kind === 'direct' ? 'Quote' : 'Reported speech (not verbatim)';
  const corrected = ctx.correction ? ` <span class="corrected">(${escapeHtml(ctx.correction)})</span>` : '';
  return `<p class="who">${kind} — ${who}${corrected}</p>`;
}

/**
 * The context page of a quote: headline, outlet, date with its precision, byline, the link to the
 * original, and the paragraphs around the quote with the quote marked. `full` shows every paragraph;
 * `fullHref` and `shortHref` are the signed addresses of the two views. All article text is escaped.
 */
export function renderContextPage(ctx: QuoteContext, view: { full: boolean; fullHref: string; shortHref: string }): string {
  const a = ctx.article;
  const from = view.full ? 0 : Math.max(0, ctx.first - CONTEXT_PARAGRAPHS);
  const to = view.full ? ctx.paragraphs.length - 1 : Math.min(ctx.paragraphs.length - 1, ctx.last + CONTEXT_PARAGRAPHS);
  const precision = describePrecision(a.published);
  const meta = [
    escapeHtml(a.outlet),
    `<time datetime="${escapeHtml(a.published.value)}">${escapeHtml(formatPublished(a.published))}</time>${precision ? ` (${escapeHtml(precision)})` : ''}`,
    ...(a.byline ? [`by ${escapeHtml(a.byline)}`] : []),
  ].join(' · ');
  const paragraphs: string[] = [];
  if (from > 0) paragraphs.push(`<p class="gap">[…]</p>`);
  for (let i = from; i <= to; i++) paragraphs.push(renderParagraph(ctx.paragraphs[i]!));
  if (to < ctx.paragraphs.length - 1) paragraphs.push(`<p class="gap">[…]</p>`);
  const other = view.full ? `<a href="${escapeHtml(view.shortHref)}#quote">Only the paragraphs around the quote</a>` : `<a href="${escapeHtml(view.fullHref)}#quote">The whole article</a>`;
  const body = `
<p class="meta">${meta}</p>
<h1>${escapeHtml(a.title)}</h1>
${a.titleInferred ? `<p class="meta">Headline uncertain: ${escapeHtml(a.titleInferred)}</p>` : ''}
${describeSpeaker(ctx)}
<article>
${paragraphs.join('\n')}
</article>
<nav>${other}<a href="${escapeHtml(a.url)}" rel="noopener noreferrer">The original at ${escapeHtml(a.outlet)}</a></nav>
${a.licence ? `<p class="meta">Licence: ${escapeHtml(a.licence)}</p>` : ''}`;
  return page(`${a.title} (${a.outlet})`, body);
}

/** The page for a link that cannot be honoured: expired, forged, or a quote no longer in the corpus. */
export function renderLinkProblemPage(problem: 'expired' | 'forged' | 'missing'): string {
  const text = {
    expired: ['This link has expired', 'Links to quotes in context stop working after a while. Ask Briefbot again for a fresh link.'],
    forged: ['This link is not valid', 'The link is incomplete or was changed. Use the “In context” link exactly as Briefbot gave it, or ask again.'],
    missing: ['This quote is no longer in the corpus', 'The article changed or was removed since the link was made. Ask Briefbot again to see the current quotes.'],
  }[problem];
  return page(text[0]!, `<h1>${escapeHtml(text[0]!)}</h1><p class="notice">${escapeHtml(text[1]!)}</p>`);
}
