/**
 * What to say when a column named by the user is not in the files: the closest names
 * first ("did you mean Easting?"), then the first columns of the file, so a typo, a wrong
 * case or a missing space (`TypeOfEstablishment(name)`) is fixed from the message alone.
 * Every "column not found" of fos builds its hint here.
 */
export interface NamedHeader {
  file: string;
  header: readonly string[];
}

/**
 * The header names most like `name` (at most k): names equal but for case, spaces,
 * brackets, underscores, dots and hyphens first, then those within a small edit distance
 * (1 for a name of up to 7 characters, 2 up to 11, else 3), nearest first, ties in header
 * order; when none is that close, names that begin with it (`ATT8` → `ATT8SCR`).
 *
 * closeNames(['URN', 'Easting', 'Northing'], 'Eastng') // => ['Easting']
 */
export function closeNames(header: readonly string[], name: string, k = 3): string[] {
  const q = squash(name);
  if (!q) return [];
  const names = [...new Set(header)];
  const limit = Math.min(3, Math.max(1, Math.floor(q.length / 4)));
  const near = names
    .map((h, at) => ({ h, at, d: distance(squash(h), q, limit) }))
    .filter((x) => x.d <= limit)
    .sort((a, b) => a.d - b.d || a.at - b.at)
    .map((x) => x.h);
  if (near.length) return near.slice(0, k);
  return q.length >= 3 ? names.filter((h) => squash(h).startsWith(q)).slice(0, k) : [];
}

/**
 * The hint for a column not found in one or more tables: "did you mean Easting (in
 * gias.csv)? columns are: URN, …; pass --location-cols NAME". A table's name is given
 * only when there are several. For several names sought together (`--location-cols
 * Eastng,Northng`), the closest of each: "did you mean Easting, Northing?".
 */
export function columnHint(name: string | readonly string[], tables: readonly NamedHeader[], todo: string): string {
  const several = tables.length > 1;
  const sought = typeof name === 'string' ? [name] : name;
  const best = sought.map((n) => {
    const close = tables.flatMap((t) => closeNames(t.header, n).map((c) => ({ c, file: t.file })));
    // The closest over every table, the first table's on a tie.
    return closeNames(close.map((x) => x.c), n, sought.length > 1 ? 1 : 3).map((c) => close.find((x) => x.c === c)!);
  });
  const found = best.every((b) => b.length > 0);
  // Which file has them: once when it is one file, else after each.
  const files = new Set(best.flat().map((x) => x.file));
  const named = (x: { c: string; file: string }) => (several && files.size > 1 ? `${x.c} (in ${baseName(x.file)})` : x.c);
  const inFile = several && files.size === 1 ? ` (in ${baseName([...files][0])})` : '';
  const didYouMean = found ? `did you mean ${sought.length > 1 ? best.map((b) => named(b[0])).join(', ') : orList(best[0].map(named))}${inFile}? ` : '';
  const columns = several ? tables.map((t) => `${baseName(t.file)}: ${preview(t.header)}`).join('; ') : preview(tables[0]?.header ?? []);
  return `${didYouMean}columns are${several ? ', by file,' : ':'} ${columns}; ${todo}`;
}

/** The first 12 columns, and how many in all. */
export function preview(header: readonly string[]): string {
  const clip = (h: string) => (h.length > 40 ? `${h.slice(0, 37)}...` : h);
  const shown = header.slice(0, 12).map(clip).join(', ');
  return header.length > 12 ? `${shown}, … (${header.length} in all)` : shown;
}

/** "A, B or C". */
const orList = (xs: readonly string[]) => (xs.length > 1 ? `${xs.slice(0, -1).join(', ')} or ${xs[xs.length - 1]}` : xs[0]);

const squash = (s: string) => s.toLowerCase().replace(/[\s()[\]{}_.\-]/g, '');

export const baseName = (file: string) => file.split(/[\\/]/).pop() ?? file;

/** Levenshtein distance, or more than `limit` as soon as it must be. */
function distance(a: string, b: string, limit: number): number {
  if (Math.abs(a.length - b.length) > limit) return limit + 1;
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    let low = i;
    for (let j = 1; j <= b.length; j++) {
      cur[j] = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
      low = Math.min(low, cur[j]);
    }
    if (low > limit) return limit + 1;
    prev = cur;
  }
  return prev[b.length];
}
