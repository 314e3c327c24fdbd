import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { extractArticle } from '../../src/ingest/extract-article.js';

const FIXTURES = path.resolve('tests/fixtures/ingest');
const read = (name: string) => readFileSync(path.join(FIXTURES, name));

/** Words of menus, footers, banners and sidebars on the fixture pages: none belongs in a body. */
const CHROME = ['Accept all', 'Manage cookies', 'Related stories', 'Sign up for our newsletter', 'Privacy', 'Terms and conditions', 'All rights reserved', 'Most read', 'Share this article', 'Log in', 'Advertise', 'Workforce', 'What\'s on'];

function expectNoChrome(body: string): void {
  for (const words of CHROME) expect(body, words).not.toContain(words);
}

describe('extractArticle', () => {
  it('reads headline, publisher by @id, date, author and address from JSON-LD alone', () => {
    const page = extractArticle(read('jsonld-only.html'), 'https://www.northernhealthgazette.co.uk/news/2024/11/trust-chiefs-warn-winter-plan/?ref=home');
    expect(page.title).toEqual({ value: 'Trust chiefs warn winter plan leaves A&E exposed', from: 'JSON-LD headline' });
    expect(page.outlet).toEqual({ value: 'Northern Health Gazette', from: 'JSON-LD publisher' });
    // datePublished, not dateModified (the 19th).
    expect(page.published).toEqual({ value: '2024-11-18', from: 'JSON-LD datePublished' });
    expect(page.byline?.value).toBe('Priya Raman');
    expect(page.canonical?.value).toBe('https://www.northernhealthgazette.co.uk/news/2024/11/trust-chiefs-warn-winter-plan/');
    expect(page.paywalled).toBe(false);
  });

  it('keeps the article text in paragraphs separated by blank lines, without menus or footers', () => {
    const { body, words } = extractArticle(read('jsonld-only.html'), 'https://www.northernhealthgazette.co.uk/x');
    const paragraphs = body.split('\n\n');
    expect(paragraphs[0]).toMatch(/^Hospital trust leaders in the north of England/);
    expect(paragraphs).toContain('Ms Okafor said her trust had 140 patients on a typical day who were medically fit to leave hospital but had nowhere safe to go.');
    expect(body).toContain('“Corridor care has become routine. Nobody in my department thinks that is acceptable, and nobody thinks this plan will end it.”');
    expect(words).toBeGreaterThan(200);
    expectNoChrome(body);
  });

  it('reads Open Graph and meta author when there is no JSON-LD', () => {
    const page = extractArticle(read('og-only.html'), 'https://primarycaretoday.example.com/news/gps-contract-practice-nursing?src=x');
    expect(page.title).toEqual({ value: 'GPs say new contract will "hollow out" practice nursing', from: 'Open Graph og:title' });
    expect(page.outlet).toEqual({ value: 'Primary Care Today', from: 'Open Graph og:site_name' });
    // 16:20 at +01:00 is still 2 June, whatever the UTC date.
    expect(page.published).toEqual({ value: '2023-06-02', from: 'Open Graph article:published_time' });
    expect(page.byline?.value).toBe('Tom Whitfield');
    expect(page.canonical?.value).toBe('https://primarycaretoday.example.com/news/gps-contract-practice-nursing');
    expect(page.body).toContain('"If nothing changes, practice nursing will be hollowed out within five years."');
    expectNoChrome(page.body);
  });

  it('takes a bare <time datetime> as an estimate and resolves a relative canonical link', () => {
    const page = extractArticle(read('time-only.html'), 'https://eastmoorcourier.example.com/2022/09/council-approves-health-hub-eastmoor.html?amp=1');
    expect(page.published?.value).toBe('2022-09-14');
    expect(page.published?.inferred).toMatch(/first <time> element/);
    expect(page.title?.value).toBe('Council approves new health hub for Eastmoor');
    expect(page.outlet).toBeUndefined();
    // Readability's byline guess here is the dateline ("Posted 14 September 2022"): not a byline.
    expect(page.byline).toBeUndefined();
    expect(page.canonical?.value).toBe('https://eastmoorcourier.example.com/2022/09/council-approves-health-hub-eastmoor.html');
    expect(page.body).toContain('"Our patients deserve better than a waiting room where half of them stand," he said.');
    expectNoChrome(page.body);
    expect(page.body).not.toContain('Reach 40,000 local readers');
  });

  it('finds no date on a page that has none', () => {
    const page = extractArticle(read('no-date.html'), 'https://chemistweekly.example.org/news/pharmacists-prescribe-seven-conditions');
    expect(page.published).toBeUndefined();
    expect(page.title?.value).toBe('Pharmacists to prescribe for seven common conditions');
    expect(page.words).toBeGreaterThan(100);
  });

  it('finds only a stub on a paywalled page, and sees that it is paywalled', () => {
    const page = extractArticle(read('paywall.html'), 'https://hsinsider.example.com/finance/exclusive-ics-savings');
    expect(page.paywalled).toBe(true);
    expect(page.words).toBeLessThan(40);
  });

  it('extracts malformed HTML as a browser would', () => {
    const page = extractArticle(read('malformed.html'), 'https://www.midlandspost.example.net/health/mental-health-waits-families');
    expect(page.title?.value).toBe("Mental health waits: 'families are left to cope alone'");
    expect(page.published?.value).toBe('2021-03-09');
    expect(page.canonical?.value).toBe('https://www.midlandspost.example.net/health/mental-health-waits-families');
    expect(page.body).toContain('"We were given a leaflet and a phone number, and that was it. Families are left to cope alone," she said.');
    // Each unclosed <p> still ends a paragraph.
    expect(page.body.split('\n\n').length).toBeGreaterThanOrEqual(5);
    expect(page.body).not.toContain('Business');
  });

  it('drops control characters from metadata, so a title cannot carry terminal escapes', () => {
    const html = '<html><head><meta property="og:title" content="Headline\u001b[31m red"><meta property="og:site_name" content="Out\u0007let"></head><body><p>x</p></body></html>';
    const page = extractArticle(html, 'https://news.example.com/a');
    expect(page.title?.value).toBe('Headline[31m red');
    expect(page.outlet?.value).toBe('Outlet');
  });
});
