/**
 * The first `max` items of a list joined by `sep`, the rest counted: "a; b; and 3 more"
 * (`sep` '; '), "a, b, and 3 more" (', '); all of them when there are no more than `max`.
 *
 * andMore(['a', 'b', 'c'], 2, '; ') // => 'a; b; and 1 more'
 */
export function andMore(items: readonly string[], max: number, sep: string): string {
  return items.length > max ? [...items.slice(0, max), `and ${items.length - max} more`].join(sep) : items.join(sep);
}
