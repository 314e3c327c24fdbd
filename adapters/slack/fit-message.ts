import { truncateMrkdwn, truncatePlain } from './mrkdwn.js';
import { LIMITS, type ButtonElement, type SlackBlock, type SlackMessage, type TextObject } from './slack-message.js';

function fitText(text: TextObject, max: number): TextObject {
  const fitted = text.type === 'mrkdwn' ? truncateMrkdwn(text.text, max) : truncatePlain(text.text, max);
  // Slack rejects empty text objects.
  return { type: text.type, text: fitted === '' ? ' ' : fitted };
}

function fitButton(button: ButtonElement): ButtonElement | null {
  if (button.value !== undefined && button.value.length > LIMITS.buttonValue) return null;
  return { ...button, text: { type: 'plain_text', text: truncatePlain(button.text.text, LIMITS.buttonText) } };
}

function fitBlock(block: SlackBlock): SlackBlock | null {
  switch (block.type) {
    case 'header':
      return { type: 'header', text: { type: 'plain_text', text: truncatePlain(block.text.text, LIMITS.headerText) || ' ' } };
    case 'section': {
      const accessory = block.accessory === undefined ? null : fitButton(block.accessory);
      const text = fitText(block.text, LIMITS.sectionText);
      return accessory === null ? { type: 'section', text } : { type: 'section', text, accessory };
    }
    case 'context': {
      const elements = block.elements.slice(0, LIMITS.contextElements).map((e) => fitText(e, LIMITS.contextText));
      return elements.length === 0 ? null : { type: 'context', elements };
    }
    case 'actions': {
      const elements = block.elements
        .slice(0, LIMITS.actionsElements)
        .map(fitButton)
        .filter((b): b is ButtonElement => b !== null);
      return elements.length === 0 ? null : { type: 'actions', elements };
    }
    case 'divider':
      return block;
    default: {
      const unknown: never = block;
      return unknown;
    }
  }
}

/**
 * Brings a message inside Block Kit's limits: texts are shortened with an ellipsis, oversized
 * buttons dropped, and past 50 blocks the tail gives way to a note, so posting never fails on size.
 * When `keepLast` blocks (e.g. the "More results" buttons) are given, they survive the cut.
 */
export function fitMessage(message: SlackMessage, keepLast = 0): SlackMessage {
  let blocks = message.blocks.map(fitBlock).filter((b): b is SlackBlock => b !== null);
  if (blocks.length > LIMITS.blocks) {
    const tail = keepLast > 0 ? blocks.slice(-keepLast) : [];
    const room = LIMITS.blocks - tail.length - 1;
    const omitted = blocks.length - tail.length - room;
    blocks = [
      ...blocks.slice(0, room),
      { type: 'context', elements: [{ type: 'mrkdwn', text: `…${omitted} more blocks not shown` }] },
      ...tail,
    ];
  }
  const text = truncateMrkdwn(message.text, LIMITS.fallbackText);
  return { text: text === '' ? ' ' : text, blocks };
}
