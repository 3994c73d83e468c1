import { Chalk, type ChalkInstance } from 'chalk';
import type { Report, Table as ReportTable } from './model.js';
import { boxTable } from './boxTable.js';
import { cellText } from './cells.js';
import { visible } from './safeText.js';

/** Rows shown of each table (each part of one) unless `--limit` says otherwise. */
export const DEFAULT_LIMIT = 50;

export interface TableOptions {
  color: boolean;
  /** Rows shown per table, or per part of a table in parts; Infinity for all. */
  limit?: number;
}

/**
 * The report as a terminal page: title, summary, tables, notes. Colour only when asked.
 * Each table shows its first `limit` rows (and the highlighted school's row wherever it
 * is), then how many were left out: only what is shown is laid out, so the page of a
 * national table costs what the page of a small one does. Every text from the data is
 * shown with its control characters escaped (`\x1b`), so a name cannot drive the terminal.
 */
export function formatTable(report: Report, o: TableOptions): string {
  const c = new Chalk({ level: o.color ? 1 : 0 });
  const limit = o.limit ?? DEFAULT_LIMIT;
  const out: string[] = [c.bold(visible(report.title))];
  if (report.summary.length) out.push('', ...report.summary.map(visible));
  let leftOut = 0;
  for (const t of report.tables) {
    if (t.terminal === false) continue;
    const r = renderTable(t, c, limit);
    out.push('', ...r.lines);
    leftOut += r.leftOut;
  }
  if (leftOut) out.push('', c.dim(`(--limit all shows every row; --format csv or -o FILE.csv writes them all.)`));
  if (report.notes.length) out.push('', ...report.notes.map((n) => c.dim(visible(n))));
  return out.join('\n') + '\n';
}

function renderTable(full: ReportTable, c: ChalkInstance, limit: number): { lines: string[]; leftOut: number } {
  const columns = full.columns.filter((col) => !col.wide && !col.exportOnly);
  const out: string[] = [];
  if (full.title) out.push(c.bold(visible(full.title)));
  if (full.rows.length === 0) return { lines: [...out, c.dim('  (none)')], leftOut: 0 };
  const highlight = new Set(full.highlight ?? []);
  const head = columns.map((col) => ({ head: visible(col.label ?? col.header), align: col.type === 'text' ? ('left' as const) : ('right' as const) }));
  const inverse = (s: string) => c.inverse(s);
  // A table in parts (e.g. consistent / one year only) prints as one table per part.
  const starts = [...new Set([0, ...(full.parts ?? []).map((p) => p.at)])].sort((a, b) => a - b);
  const captions = new Map((full.parts ?? []).map((p) => [p.at, p.caption]));
  let leftOut = 0;
  starts.forEach((from, k) => {
    const to = starts[k + 1] ?? full.rows.length;
    if (from >= to) return;
    if (captions.has(from)) out.push((k ? '\n' : '') + c.bold(visible(captions.get(from)!)));
    const shown: number[] = [];
    for (let i = from; i < to; i++) if (i - from < limit || highlight.has(i)) shown.push(i);
    const rows = shown.map((i) => {
      const cells = columns.map((col) => visible(cellText(full.rows[i][col.key], col, full.rows[i])));
      if (highlight.has(i)) cells[0] = `▶ ${cells[0]}`;
      return { cells, style: highlight.has(i) ? inverse : undefined };
    });
    out.push(boxTable(head, rows));
    const hidden = to - from - shown.length;
    if (hidden > 0) out.push(c.dim(`… ${hidden} more row${hidden === 1 ? '' : 's'} not shown (${shown.length} of ${to - from})`));
    leftOut += hidden;
  });
  return { lines: out, leftOut };
}
