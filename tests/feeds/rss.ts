/** A news-like paragraph long enough (over 150 words) for an item to be taken from the feed itself. */
const FILLER =
  'The board met on Tuesday to consider the winter plan, the staffing figures and the budget for the coming year. Members heard from clinicians, managers and patients about waiting times in the emergency department, the pressure on community services and the number of beds closed for repairs. The chair thanked staff for their work during a difficult autumn and said the board would publish its response next month. A consultation on the future of the minor injuries unit will open in the new year, and the trust will hold public meetings in each of the three towns it serves. Local councillors asked for more detail on transport links to the main hospital site, and the finance director set out the savings the trust must make. The meeting closed with questions from members of the public about parking, visiting hours and the new appointments system. The next meeting of the board will be held in public in February, and its papers will be published a week before.';

/** One RSS item with its full text: a quote from Dr Michael Dixon when `quote` is given. */
export function rssItem(n: number, quote?: string): string {
  const said = quote ? `<p>“${quote}” said Dr Michael Dixon, chairman of the NHS Alliance.</p>` : '';
  return `<item>
  <title>Board meeting report ${n}</title>
  <link>https://feeds.example.com/news/board-meeting-${n}</link>
  <guid>https://feeds.example.com/news/board-meeting-${n}</guid>
  <pubDate>Thu, 03 Dec 2026 0${n % 10}:00:00 GMT</pubDate>
  <content:encoded><![CDATA[${said}<p>${FILLER}</p>]]></content:encoded>
</item>`;
}

/** An RSS 2.0 feed of the given items. */
export function rssFeed(items: string[]): string {
  return `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/">
<channel><title>Health Board News</title><link>https://feeds.example.com/</link><description>News</description>
${items.join('\n')}
</channel></rss>`;
}
