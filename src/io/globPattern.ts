/**
 * A file-name pattern as a regular expression, or undefined when the name has no pattern
 * character. As shells read them: `*` any run of characters, `?` one character, `[abc]`
 * one of those (`[a-z]` a range, `[!abc]` or `[^abc]` none of them), `{a,b}` either
 * alternative. Letters match without regard to case (file names on Windows and macOS do).
 * A `[` or `{` that is never closed is itself.
 */
export function globPattern(name: string): RegExp | undefined {
  if (!/[*?[{]/.test(name)) return undefined;
  let re = '';
  let magic = false;
  let inBraces = false;
  for (let i = 0; i < name.length; i++) {
    const c = name[i];
    if (c === '*') {
      re += '.*';
      magic = true;
    } else if (c === '?') {
      re += '.';
      magic = true;
    } else if (c === '[') {
      // The class ends at the first `]` after its first character (so `[]a]` holds `]`).
      const start = name[i + 1] === '!' || name[i + 1] === '^' ? i + 2 : i + 1;
      const end = name.indexOf(']', start + 1);
      if (end < 0) {
        re += '\\[';
        continue;
      }
      const negate = start === i + 2;
      const body = name.slice(start, end).replace(/[\\\]^]/g, '\\$&');
      re += `[${negate ? '^' : ''}${body}]`;
      magic = true;
      i = end;
    } else if (c === '{' && !inBraces && name.indexOf('}', i) > i) {
      re += '(?:';
      inBraces = true;
      magic = true;
    } else if (c === ',' && inBraces) {
      re += '|';
    } else if (c === '}' && inBraces) {
      re += ')';
      inBraces = false;
    } else {
      re += c.replace(/[.+^${}()|[\]\\]/g, '\\$&');
    }
  }
  return magic ? new RegExp(`^${re}$`, 'i') : undefined;
}
