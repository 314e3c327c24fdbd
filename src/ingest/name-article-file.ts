/** Longest file name written, `.md` included. */
const MAX_NAME = 80;

/** Lower-case ASCII words joined by hyphens: accents dropped, everything else a separator. */
export function slugify(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/&/g, ' and ')
    .replace(/['’‘`]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

function cutAtWord(slug: string, max: number): string {
  if (slug.length <= max) return slug;
  const cut = slug.slice(0, max + 1);
  const at = cut.lastIndexOf('-');
  return (at > max / 2 ? cut.slice(0, at) : slug.slice(0, max)).replace(/-+$/, '');
}

/**
 * Names a corpus file so that an `ls` lists articles by date: `<published>-<outlet>-<title>.md`,
 * lower-case ASCII, at most 80 characters, cut at a word. `suffix` (2, 3, ...) makes it unique.
 */
export function nameArticleFile(published: string, outlet: string, title: string, suffix?: number): string {
  const end = `${suffix ? `-${suffix}` : ''}.md`;
  const outletSlug = cutAtWord(slugify(outlet), 24) || 'unknown';
  const head = `${published}-${outletSlug}`;
  const room = MAX_NAME - head.length - end.length - 1;
  const titleSlug = cutAtWord(slugify(title), Math.max(room, 0));
  return `${titleSlug ? `${head}-${titleSlug}` : head}${end}`;
}
