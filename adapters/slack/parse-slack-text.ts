/**
 * Turns the text Slack sends (mentions as `<@U…>`, links as `<url|label>`, `&amp;` entities)
 * into the plain question the user typed, without the mention of the bot.
 */
export function parseSlackText(text: string, botUserId?: string): string {
  return text
    .replace(/<([^<>]*)>/g, (_whole, inner: string) => {
      const [target = '', label] = inner.split('|', 2);
      if (target.startsWith('@')) return target.slice(1) === botUserId || botUserId === undefined ? ' ' : (label ?? '');
      if (target.startsWith('!') || target.startsWith('#')) return label ?? '';
      return label ?? target;
    })
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&')
    .replace(/\s+/g, ' ')
    .trim();
}
