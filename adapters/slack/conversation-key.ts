/**
 * The conversation a question belongs to, for follow-ups: a thread (its channel and parent ts), or a
 * direct message channel outside threads. A mention's answer goes in a thread under it, so a
 * reply in that thread continues the conversation.
 */
export function conversationKey(channel: string, threadTs: string | undefined): string {
  return threadTs === undefined ? `slack:${channel}` : `slack:${channel}:${threadTs}`;
}
