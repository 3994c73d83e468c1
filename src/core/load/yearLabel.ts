/**
 * The year fos labels a year with, however it is written: an academic year by its end, as
 * the performance tables do (2018-19, 2018/19, 2018-2019 and EES's time_period 201819 are
 * all 2019), a calendar year as itself (2019). Undefined for anything else (2018-20, 2019a).
 */
export function endYear(text: string): string | undefined {
  const t = text.trim();
  if (/^\d{4}$/.test(t)) return t;
  const m = /^(\d{4})(?:[-/]?(\d{2})|[-/](\d{4}))$/.exec(t);
  if (!m) return undefined;
  const end = Number(m[1]) + 1;
  const ok = m[2] !== undefined ? end % 100 === Number(m[2]) : end === Number(m[3]);
  return ok ? String(end) : undefined;
}

/**
 * The label of a year given as `YEAR=FILE`, a manifest's year, --year, or a long file's
 * time_period: its end year (endYear); any other text as written (trimmed), so `latest`
 * and `all` stay themselves.
 */
export function yearLabel(text: string): string {
  return endYear(text) ?? text.trim();
}
