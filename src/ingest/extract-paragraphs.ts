import type { DomElement, DomNode } from 'jsdom';

const BLOCK = new Set([
  'ADDRESS', 'ARTICLE', 'ASIDE', 'BLOCKQUOTE', 'DD', 'DETAILS', 'DIV', 'DL', 'DT', 'FIGCAPTION', 'FIGURE',
  'FOOTER', 'H1', 'H2', 'H3', 'H4', 'H5', 'H6', 'HEADER', 'HR', 'LI', 'MAIN', 'NAV', 'OL', 'P', 'PRE',
  'SECTION', 'SUMMARY', 'TABLE', 'TBODY', 'TFOOT', 'THEAD', 'TR', 'UL',
]);
const SKIP = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'SVG', 'BUTTON', 'IFRAME', 'OBJECT', 'SELECT', 'TEXTAREA', 'INPUT']);

const TEXT_NODE = 3;
const ELEMENT_NODE = 1;

function tidy(raw: string): string {
  return raw
    // eslint-disable-next-line no-control-regex
    .replace(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u200b\ufeff]/g, '')
    .split('\n')
    .map((line) => line.replace(/[^\S\n]+/g, ' ').trim())
    .filter((line) => line !== '')
    .join('\n');
}

/**
 * Turns the article element Readability kept into paragraphs of plain text: each block element
 * (paragraph, heading, list item, quotation) becomes one paragraph, `<br>` a line break inside it.
 */
export function extractParagraphs(root: DomNode): string[] {
  const paragraphs: string[] = [];
  let current = '';
  const flush = () => {
    const text = tidy(current);
    if (text !== '') paragraphs.push(text);
    current = '';
  };
  const walk = (node: DomNode) => {
    for (const child of Array.from(node.childNodes)) {
      if (child.nodeType === TEXT_NODE) {
        current += (child.textContent ?? '').replace(/\n/g, ' ');
      } else if (child.nodeType === ELEMENT_NODE) {
        const tag = (child as DomElement).tagName.toUpperCase();
        if (SKIP.has(tag)) continue;
        if (tag === 'BR') current += '\n';
        else if (BLOCK.has(tag)) {
          flush();
          walk(child);
          flush();
        } else {
          walk(child);
          if (tag === 'TD' || tag === 'TH') current += ' ';
        }
      }
    }
  };
  walk(root);
  flush();
  return paragraphs;
}
