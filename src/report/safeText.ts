/**
 * Text from an input file (a school's name, a column header) made harmless for where it is
 * shown: a terminal, Markdown, XML (SVG, xlsx). A name is data, never a command to the
 * terminal, a table cell separator, or a tag.
 */

/**
 * C0 and C1 control characters, DEL, the Unicode line and paragraph separators and the
 * bidirectional controls (which reorder what a terminal shows, "Trojan Source").
 */
const CONTROL = /[\u0000-\u001f\u007f-\u009f\u2028\u2029\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

function escapeCode(ch: string): string {
  const c = ch.charCodeAt(0);
  return c < 0x100 ? `\\x${c.toString(16).padStart(2, '0')}` : `\\u${c.toString(16).padStart(4, '0')}`;
}

/**
 * Text for a terminal: every control character shown as its escape (ESC as `\x1b`), so a
 * name cannot move the cursor, clear the screen, set the window title or ring the bell.
 *
 * visible('\x1b[31mRED') // => '\\x1b[31mRED'
 */
export function visible(text: string): string {
  CONTROL.lastIndex = 0;
  return CONTROL.test(text) ? text.replace(CONTROL, escapeCode) : text;
}

/** `visible` for a message of several lines: its line breaks stay, every other control is shown. */
export function visibleLines(text: string): string {
  return text.split('\n').map(visible).join('\n');
}

/**
 * Characters XML 1.0 does not allow (C0 controls but tab, LF, CR; U+FFFE, U+FFFF; lone
 * surrogates): a single one makes a whole SVG or xlsx part unreadable ("Invalid character").
 */
const NOT_XML = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

/**
 * Text that is valid in XML: each character XML forbids shown as its escape (`\x1b`), the
 * rest unchanged (escaping `<` and `&` is the XML writer's job).
 *
 * xmlText('a\x07b') // => 'a\\x07b'
 */
export function xmlText(text: string): string {
  NOT_XML.lastIndex = 0;
  return NOT_XML.test(text) ? text.replace(NOT_XML, escapeCode) : text;
}

/** Markdown and HTML characters written as entities in Markdown text. */
const MARKDOWN_SPECIAL: Record<string, string> = { '\\': '&#92;', '|': '&#124;', '<': '&lt;', '>': '&gt;', '*': '&#42;', _: '&#95;', '`': '&#96;', '[': '&#91;', ']': '&#93;' };

/**
 * Text for a Markdown table cell or line, the same when read as text and when rendered
 * (markdown-it, marked, GitHub): line breaks become spaces (a name cannot split its row);
 * `|` and `\` are entities (no cell is split, whatever the backslashes before a pipe);
 * `<`, `>` and an `&` that would start an entity are entities (no tag or script passes
 * through); `* _ \` [ ]` are entities (no emphasis, code or link); controls are shown.
 *
 * markdownText('a|b<script>') // => 'a&#124;b&lt;script&gt;'
 */
export function markdownText(text: string): string {
  return visible(text.replace(/\r\n|[\r\n]/g, ' '))
    .replace(/&(?=#?\w+;)/g, '&amp;')
    .replace(/[\\|<>*_`[\]]/g, (c) => MARKDOWN_SPECIAL[c]);
}
