import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningServer } from '../../adapters/serve.js';
import { buildQuoteContext } from '../../src/context/quote-context.js';
import { renderContextPage } from '../../src/context/render-context-page.js';
import type { QuoteLinks } from '../../src/index.js';
import { SENATES, SENATES_ID, startContextServer } from './context-harness.js';

let server: RunningServer;
let links: QuoteLinks;
let local: (link: string) => string;
let clock = new Date('2026-12-03T12:00:00Z');

beforeAll(async () => {
  ({ server, links, local } = await startContextServer(() => clock));
});
afterAll(async () => {
  await server.close();
});

describe('GET /quotes/<id>', () => {
  it('shows the quote highlighted in its paragraphs, with headline, outlet, date, and the original link', async () => {
    const res = await fetch(local(links.linkFor(SENATES_ID)));
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(res.headers.get('cache-control')).toBe('private, no-store');
    const html = await res.text();
    expect(html).toContain(`<mark id="quote">${SENATES}</mark>`);
    expect(html).toContain('<h1>Clinically-Led Commissioning Must Not Be Set Up To Fail</h1>');
    expect(html).toContain('NHS Alliance (press release) · <time datetime="2011-06-20">20 June 2011</time>');
    expect(html).toContain('<strong>Michael Dixon</strong>, NHS Alliance chair');
    expect(html).toContain('href="http://primarycarereports.co.uk/clinicallyled_commissioning_must_not_be_set_up_to_fail.html"');
    expect(html).toContain('<meta name="viewport" content="width=device-width, initial-scale=1">');
    expect(html).not.toMatch(/<script/i);
    // The paragraphs around it, not the whole article: the opening paragraph is left out.
    expect(html).toContain('[…]');
    expect(html).toContain('&amp;full=1#quote">The whole article</a>');
  });

  it('shows the whole article a click further, with the same signature', async () => {
    const short = await (await fetch(local(links.linkFor(SENATES_ID)))).text();
    const href = /href="([^"]+&amp;full=1)#quote"/.exec(short)![1]!.replaceAll('&amp;', '&');
    const full = await fetch(`http://127.0.0.1:${server.port}${href}`);
    expect(full.status).toBe(200);
    const html = await full.text();
    expect(html.length).toBeGreaterThan(short.length);
    expect(html).toContain(`<mark id="quote">${SENATES}</mark>`);
    expect(html).toContain('Only the paragraphs around the quote');
  });

  it('answers an expired link with a page saying so (410), not the article', async () => {
    const link = links.linkFor(SENATES_ID);
    clock = new Date('2027-02-01T12:00:00Z');
    try {
      const res = await fetch(local(link));
      expect(res.status).toBe(410);
      const html = await res.text();
      expect(html).toContain('This link has expired');
      expect(html).not.toContain('Senates should');
    } finally {
      clock = new Date('2026-12-03T12:00:00Z');
    }
  });

  it("answers a forged link, a link without a signature and another quote's signature with 403, not the article", async () => {
    const link = new URL(local(links.linkFor(SENATES_ID)));
    const forged = new URL(link);
    forged.searchParams.set('sig', 'AAAA' + link.searchParams.get('sig')!.slice(4));
    const bare = new URL(link);
    bare.search = '';
    const other = new URL(link);
    other.pathname = `/quotes/${encodeURIComponent('2011-06-20-nhs-alliance-clinically-led-commissioning#2093')}`;
    for (const url of [forged, bare, other]) {
      const res = await fetch(url);
      expect(res.status, url.href).toBe(403);
      const html = await res.text();
      expect(html).toContain('This link is not valid');
      expect(html).not.toContain('Senates should');
      expect(html).not.toContain('Clinically-Led');
    }
  });

  it('says a quote is gone (404) when a well-signed id is not in the corpus', async () => {
    const res = await fetch(local(links.linkFor('no-such-article#12')));
    expect(res.status).toBe(404);
    expect(await res.text()).toContain('This quote is no longer in the corpus');
  });
});

describe('renderContextPage', () => {
  it('escapes every piece of article text', () => {
    const body = 'Intro <script>alert(1)</script> & more.\n\nHe said "<b>bold</b> & <img src=x onerror=alert(2)>" today.';
    const start = body.indexOf('<b>');
    const end = body.indexOf('" today');
    const article = {
      id: 'a', path: 'a.md', title: 'T <i>x</i>', outlet: 'O & "P"', url: 'https://e.example/?a=1&b="2"', byline: '<Bob>',
      published: { value: '2012-01', precision: 'month' as const, inferred: true, note: 'from <the> event' }, body,
    };
    const statement = { id: `a#${start}`, articleId: 'a', text: body.slice(start, end), start, end, kind: 'direct' as const, speakerId: null, cue: null, quotation: null };
    const html = renderContextPage(buildQuoteContext(article, statement, null, null), { full: true, fullHref: '/q?x=1&full=1', shortHref: '/q?x=1' });
    expect(html).not.toMatch(/<script>alert|<b>bold|<img src=x|<i>x<\/i>|<Bob>/);
    expect(html).toContain('<mark id="quote">&lt;b&gt;bold&lt;/b&gt; &amp; &lt;img src=x onerror=alert(2)&gt;</mark>');
    expect(html).toContain('href="https://e.example/?a=1&amp;b=&quot;2&quot;"');
    expect(html).toContain('January 2012</time> (month only: the day is not known; estimated: from &lt;the&gt; event)');
    expect(html).toContain('Speaker not named in the article');
  });
});
