/** The Block Kit subset Briefbot sends: plain data, checked against Slack's limits by `fitMessage`. */
/** A Block Kit text: `mrkdwn` (escaped by the renderers) or `plain_text`. */
export interface TextObject {
  type: 'mrkdwn' | 'plain_text';
  text: string;
}

/** A button; `value` carries a `ButtonValue` as JSON. */
export interface ButtonElement {
  type: 'button';
  action_id: string;
  text: { type: 'plain_text'; text: string };
  value?: string;
  url?: string;
  style?: 'primary';
}

/** The blocks Briefbot uses. */
export type SlackBlock =
  | { type: 'header'; text: { type: 'plain_text'; text: string } }
  | { type: 'section'; text: TextObject; accessory?: ButtonElement }
  | { type: 'context'; elements: TextObject[] }
  | { type: 'actions'; elements: ButtonElement[] }
  | { type: 'divider' };

/** A message ready for `chat.postMessage`, a `response_url` or a slash command's ack. */
export interface SlackMessage {
  /** Plain fallback for notifications and screen readers (mrkdwn, escaped like the blocks). */
  text: string;
  blocks: SlackBlock[];
}

/** Slack's published limits for what Briefbot sends. */
export const LIMITS = {
  blocks: 50,
  sectionText: 3000,
  contextText: 2000,
  contextElements: 10,
  headerText: 150,
  buttonText: 75,
  buttonValue: 2000,
  actionsElements: 25,
  fallbackText: 3000,
} as const;

/** Action ids of Briefbot's buttons. "Share" buttons get a suffix, as action ids must be unique in a message. */
export const ACTION_IDS = {
  share: 'briefbot_share',
  more: 'briefbot_more',
  /** "In context": a link button; the press is only acknowledged. */
  context: 'briefbot_context',
  cite: 'briefbot_cite',
  report: 'briefbot_report',
} as const;
