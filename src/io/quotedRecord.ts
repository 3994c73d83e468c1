/**
 * One CSV record that holds quoted fields, split by hand when it is plainly written (RFC
 * 4180): each field either has no quote at all, or is wholly quoted, with "" for a quote
 * inside and the closing quote right before a delimiter or the end. Then the fields are
 * exactly what csv-parse gives (tested), without its cost per call (a national file has a
 * hundred such lines). Anything else (a stray quote, text after a closing quote, a second
 * record, an unclosed quote) gives undefined, and the caller hands the text to csv-parse,
 * which reads it, or reports the error, as it always has. One line end (CR LF or LF) may
 * close the text.
 */
export function quotedRecord(text: string, delimiter: string): string[] | undefined {
  let end = text.length;
  if (end > 0 && text.charCodeAt(end - 1) === 10) end--;
  if (end > 0 && text.charCodeAt(end - 1) === 13) end--;
  // (An empty line is no record: csv-parse skips it.)
  if (end === 0 || delimiter.length !== 1) return undefined;
  const d = delimiter.charCodeAt(0);
  const fields: string[] = [];
  let p = 0;
  for (;;) {
    if (p < end && text.charCodeAt(p) === 34) {
      // A quoted field: up to the quote not doubled, which must end the field.
      let field = '';
      let from = p + 1;
      for (;;) {
        const q = text.indexOf('"', from);
        if (q < 0 || q >= end) return undefined;
        if (q + 1 < end && text.charCodeAt(q + 1) === 34) {
          field += text.slice(from, q + 1);
          from = q + 2;
          continue;
        }
        field += text.slice(from, q);
        p = q + 1;
        break;
      }
      fields.push(field);
      if (p === end) return fields;
      if (text.charCodeAt(p) !== d) return undefined;
      p++;
      continue;
    }
    // A plain field: no quote and no line break in it.
    let e = text.indexOf(delimiter, p);
    if (e < 0 || e > end) e = end;
    for (let i = p; i < e; i++) {
      const c = text.charCodeAt(i);
      if (c === 34 || c === 10 || c === 13) return undefined;
    }
    fields.push(text.slice(p, e));
    if (e === end) return fields;
    p = e + 1;
  }
}
