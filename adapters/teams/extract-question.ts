import { TurnContext, type Activity } from 'botbuilder';

/** A message's question, or why the bot should stay quiet. */
export type ExtractedQuestion = { kind: 'question'; text: string } | { kind: 'ignore'; reason: 'not_mentioned' };

interface MentionEntity {
  type: string;
  text?: string;
  mentioned?: { id?: string; name?: string };
}

const AT_TAG = /<at(?:\s[^>]*)?>([\s\S]*?)<\/at>/gi;

/**
 * Takes the question out of a message activity. In a channel or group chat the bot answers only
 * when mentioned; its mentions are removed however Teams wrote them (entity text that differs from
 * the message text, a name with a space split into several mentions, CRLF around the text), and
 * other people's mentions are kept as plain names.
 */
export function extractQuestion(activity: Partial<Activity>): ExtractedQuestion {
  const botId = activity.recipient?.id ?? '';
  const botMentions = mentionEntities(activity).filter((m) => sameAccount(m.mentioned?.id, botId));
  const botNames = collectBotNames(activity.recipient?.name, botMentions);
  const original = activity.text ?? '';

  if (isGroupConversation(activity) && botMentions.length === 0 && !hasNamedTag(original, botNames)) {
    return { kind: 'ignore', reason: 'not_mentioned' };
  }

  // The SDK's helper removes the first mention whose entity text matches exactly; what it misses
  // (mismatched entity text, split names) the tag pass below removes.
  let text = botId ? TurnContext.removeRecipientMention({ ...activity, text: original }) ?? original : original;
  for (const mention of botMentions) {
    if (mention.text) text = text.split(mention.text).join(' ');
  }
  text = text.replace(AT_TAG, (_tag, inner: string) => (isBotName(inner, botNames) ? ' ' : ` ${normaliseName(inner)} `));
  return { kind: 'question', text: decodeEntities(text).replace(/\s+/g, ' ').trim() };
}

/** Personal chats have conversationType "personal" (or none, in older payloads); the rest are shared. */
export function isGroupConversation(activity: Partial<Activity>): boolean {
  const type = activity.conversation?.conversationType;
  return type === 'channel' || type === 'groupChat' || activity.conversation?.isGroup === true;
}

function mentionEntities(activity: Partial<Activity>): MentionEntity[] {
  return (activity.entities ?? []).filter((e): e is MentionEntity & typeof e => typeof e.type === 'string' && e.type.toLowerCase() === 'mention');
}

/** Bot ids arrive as "28:<app id>"; compare them without the prefix and case. */
function sameAccount(a: string | undefined, b: string): boolean {
  if (!a || !b) return false;
  const strip = (id: string) => id.trim().toLowerCase().replace(/^28:/, '');
  return strip(a) === strip(b);
}

/** Every name the bot was mentioned by, and each word of them: a split mention shows one word per tag. */
function collectBotNames(recipientName: string | undefined, mentions: MentionEntity[]): Set<string> {
  const names = new Set<string>();
  const add = (name: string | undefined) => {
    if (!name) return;
    const normal = normaliseName(name).toLowerCase();
    if (!normal) return;
    names.add(normal);
    for (const word of normal.split(' ')) if (word) names.add(word);
  };
  add(recipientName);
  for (const mention of mentions) {
    add(mention.mentioned?.name);
    if (mention.text) for (const match of mention.text.matchAll(AT_TAG)) add(match[1]);
  }
  return names;
}

function hasNamedTag(text: string, botNames: Set<string>): boolean {
  return [...text.matchAll(AT_TAG)].some((match) => isBotName(match[1] ?? '', botNames));
}

function isBotName(inner: string, botNames: Set<string>): boolean {
  const normal = normaliseName(inner).toLowerCase();
  return normal !== '' && botNames.has(normal);
}

/** "@Pranav&nbsp;Smith " → "Pranav Smith". */
function normaliseName(name: string): string {
  return decodeEntities(name).replace(/\s+/g, ' ').trim().replace(/^@/, '').trim();
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ', '#39': "'" };

function decodeEntities(text: string): string {
  return text.replace(/&(amp|lt|gt|quot|apos|nbsp|#39);/g, (_m, name: string) => ENTITIES[name] ?? _m);
}
