/**
 * Stage 2, sniff: tell HTML from plain text. HTML starts (after a BOM, whitespace and comments)
 * with a doctype or an html/head/body tag, or holds enough block-level tags early on, with its
 * text inside them. A scraper's text may carry a few lines of markup it let through (an ad's
 * `<div><a href=…><img …></a></div>`): those lines close what they open, and the text around them
 * stands in no element, so it stays text.
 */
import type { InputFormat } from '../article.js';

const HTML_START = /^(?:\uFEFF)?\s*(?:<!--[\s\S]{0,2000}?-->\s*)*<(?:!doctype\s+html|html|head|body|meta|title|link|script|style|\?xml)\b/i;
/**
 * A document's own tags, wherever they stand early on (a page whose first lines are a script's):
 * HTML unless lines of text stand above them (a tutorial's text quoting a page's markup).
 */
const DOCUMENT_TAG = /<(?:!doctype\s+html|html|head|body|meta|title|link|base)\b/i;
/** The end of a script or a style (what is left of one once whole ones are taken out: its start was cut off). */
const SCRIPT_END = /<\/(?:script|style)\s*>|-->/i;
/** What holds no text of the page: scripts, styles, comments. */
const NO_TEXT = /<script\b[\s\S]*?(?:<\/script\s*>|$)|<style\b[\s\S]*?(?:<\/style\s*>|$)|<!--[\s\S]*?(?:-->|$)/gi;
const BLOCK_TAG = /<(?:p|div|br|article|section|h[1-6]|table|ul|li|span|a|script|style)\b[^>]{0,500}>/gi;
/** Opening and closing tags of the elements that hold a page's text, for the depth of each line. */
const HOLDER_TAG = /<(\/?)(?:p|div|article|section|main|h[1-6]|table|td|th|ul|ol|li|dl|dd|dt|blockquote|span|a|body|html|font|center|b|i|em|strong)\b[^>]{0,500}?(\/?)>/gi;
/**
 * Lines of text standing in no element, past which tags found early do not make HTML: a few
 * (a title and a date line above a fragment's first tag) are allowed.
 */
const MAX_BARE_LINES = 3;

export function sniffFormat(text: string): InputFormat {
  const head = text.length > 4096 ? text.slice(0, 4096) : text;
  // No tag without a '<': plain text skips both regexes (and their compiling, ~0.25 ms of a start).
  if (!head.includes('<')) return 'text';
  if (HTML_START.test(head)) return 'html';
  const doc = DOCUMENT_TAG.exec(head);
  if (doc !== null && bareLines(head.slice(0, doc.index)) <= MAX_BARE_LINES) return 'html';
  BLOCK_TAG.lastIndex = 0;
  let tags = 0;
  while (BLOCK_TAG.exec(head) !== null) {
    if (++tags >= 3) return bareLines(head) > MAX_BARE_LINES ? 'text' : 'html';
  }
  return 'text';
}

/**
 * The lines of the text that hold no tag and stand in no open element: the lines above the first
 * tag, and those after markup that closed all it opened. Lines inside an element (a paragraph
 * wrapped over several lines, or one whose closing tag HTML lets go) are no such line, nor are a
 * script's, a style's or a comment's.
 */
function bareLines(head: string): number {
  let depth = 0;
  let bare = 0;
  for (const line of head.replace(NO_TEXT, ' ').split('\n')) {
    if (!line.includes('<')) {
      if (depth === 0 && line.trim() !== '') bare++;
      continue;
    }
    // A script's or a style's end with no start: the text cut in the middle of one, and the lines
    // above were its code.
    if (SCRIPT_END.test(line)) bare = 0;
    HOLDER_TAG.lastIndex = 0;
    for (let m = HOLDER_TAG.exec(line); m !== null; m = HOLDER_TAG.exec(line)) {
      if (m[2] === '/') continue;
      depth = m[1] === '/' ? Math.max(0, depth - 1) : depth + 1;
    }
  }
  return bare;
}
