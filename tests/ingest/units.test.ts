import { describe, expect, it } from 'vitest';
import { bodyHash, stripTracking, urlKey } from '../../src/ingest/corpus-keys.js';
import { isPrivateAddress } from '../../src/ingest/is-private-address.js';
import { nameArticleFile, slugify } from '../../src/ingest/name-article-file.js';
import { toPublishedValue } from '../../src/ingest/to-published-value.js';

describe('isPrivateAddress', () => {
  it.each([
    '127.0.0.1', '127.8.9.10', '10.1.2.3', '172.16.0.1', '172.31.255.255', '192.168.0.10', '169.254.169.254', '100.64.0.1',
    '0.0.0.0', '224.0.0.1', '255.255.255.255', '::1', '::', 'fe80::1', 'fe80::1%eth0', 'fd00::1', 'fc00::abcd',
    '::ffff:127.0.0.1', '::ffff:7f00:1', '::ffff:10.0.0.1', '64:ff9b::192.168.1.1', '[::1]', 'not-an-ip',
  ])('refuses %s', (ip) => expect(isPrivateAddress(ip)).toBe(true));

  // Every IPv6 form that carries a private or loopback IPv4 address (the probe of issue 13 got through with the first two).
  it.each([
    ['6to4 of loopback', '2002:7f00:1::'],
    ['IPv4-translated loopback', '::ffff:0:7f00:1'],
    ['IPv4-translated, dotted', '::ffff:0:10.0.0.1'],
    ['6to4 of a private address, bracketed', '[2002:c0a8:101::1]'],
    ['6to4 of cloud metadata', '2002:a9fe:a9fe::'],
    ['IPv4-compatible loopback, dotted', '::127.0.0.1'],
    ['IPv4-compatible private, hex', '::a00:1'],
    ['IPv4-compatible, written in full', '0:0:0:0:0:0:c0a8:0101'],
    ['NAT64 of loopback, hex', '64:ff9b::7f00:1'],
    ['NAT64, leading zeros', '0064:ff9b:0000:0000:0000:0000:0a00:0001'],
    ['local-use NAT64', '64:ff9b:1::a00:1'],
    ['Teredo, private server', '2001:0:a00:1::1'],
    ['Teredo, loopback client (inverted)', '2001:0:4136:e378:8000:63bf:80ff:fffe'],
    ['IPv4-mapped, upper case', '::FFFF:7F00:1'],
  ])('refuses %s (%s)', (_form, ip) => expect(isPrivateAddress(ip)).toBe(true));

  it.each(['93.184.216.34', '8.8.8.8', '172.32.0.1', '100.128.0.1', '2606:4700::1111', '::ffff:8.8.8.8', '2002:808:808::1', '64:ff9b::8.8.8.8', '2001:0:4136:e378:8000:63bf:f7f7:f7f7'])('allows %s', (ip) => {
    expect(isPrivateAddress(ip)).toBe(false);
  });
});

describe('toPublishedValue', () => {
  it.each([
    ['2024-03-05T23:30:00-05:00', '2024-03-05'],
    ['2024-03-05', '2024-03-05'],
    ['2024-03', '2024-03'],
    ['2012', '2012'],
    ['Tue, 05 Mar 2024 23:30:00 -0500', '2024-03-05'],
    ['March 5th, 2024', '2024-03-05'],
    ['2024-02-30', null],
    ['yesterday', null],
    ['', null],
  ])('reads %j as %j', (text, value) => expect(toPublishedValue(text)).toBe(value));
});

describe('nameArticleFile', () => {
  it('names a file so that it sorts by date, in lower-case ASCII', () => {
    expect(nameArticleFile('2024-11-18', 'Northern Health Gazette', 'Trust chiefs warn winter plan leaves A&E exposed'))
      .toBe('2024-11-18-northern-health-gazette-trust-chiefs-warn-winter-plan-leaves-a-and.md');
  });

  it('keeps names under 80 characters, cut at a word, and numbers a second one', () => {
    const name = nameArticleFile('2019-01', 'Wikinews', 'Former U.S. intelligence agent Tony Mendez, architect of ‘Argo’ rescue, dies aged 78', 2);
    expect(name.length).toBeLessThanOrEqual(80);
    expect(name).toMatch(/^2019-01-wikinews-former-u-s-intelligence-agent-tony-mendez-[a-z-]*[a-z]-2\.md$/);
  });

  it('drops accents and letters with no ASCII form', () => {
    expect(slugify('Gdańsk mayor’s “Żabka” 東京 speech')).toBe('gdansk-mayors-zabka-speech');
    expect(nameArticleFile('2020', 'Ελληνικά', 'Τίτλος')).toBe('2020-unknown.md');
  });
});

describe('urlKey and bodyHash', () => {
  it('treats scheme, www, fragment, trailing slash and tracking parameters as the same address', () => {
    const key = urlKey('https://www.example.com/news/story/?utm_source=rss&id=4#comments');
    expect(urlKey('http://example.com/news/story?id=4')).toBe(key);
    expect(urlKey('https://example.com/news/story?id=5')).not.toBe(key);
    expect(stripTracking('https://example.com/a?utm_medium=feed&x=1#top')).toBe('https://example.com/a?x=1');
  });

  it('hashes bodies so that whitespace and line endings do not matter', () => {
    expect(bodyHash('One line.\r\n\r\nTwo  lines.\n')).toBe(bodyHash('One line.\n\nTwo lines.'));
    expect(bodyHash('One line.')).not.toBe(bodyHash('One line!'));
  });
});
