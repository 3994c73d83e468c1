import { Chalk, type ChalkInstance } from 'chalk';
import Table from 'cli-table3';
import type { Report, Table as ReportTable } from './model.js';
import { cellText } from './cells.js';

/** The report as a terminal page: title, summary, tables, notes. Colour only when asked. */
export function formatTable(report: Report, color: boolean): string {
  const c = new Chalk({ level: color ? 1 : 0 });
  const out: string[] = [c.bold(report.title)];
  if (report.summary.length) out.push('', ...report.summary);
  for (const t of report.tables) if (t.terminal !== false) out.push('', ...renderTable(t, c));
  if (report.notes.length) out.push('', ...report.notes.map((n) => c.dim(n)));
  return out.join('\n') + '\n';
}

function renderTable(full: ReportTable, c: ChalkInstance): string[] {
  const t = { ...full, columns: full.columns.filter((col) => !col.wide && !col.exportOnly) };
  const out: string[] = [];
  if (t.title) out.push(c.bold(t.title));
  if (t.rows.length === 0) return [...out, c.dim('  (none)')];
  const highlight = new Set(t.highlight ?? []);
  // A table in parts (e.g. consistent / one year only) prints as one table per part.
  const starts = [...new Set([0, ...(t.parts ?? []).map((p) => p.at)])].sort((a, b) => a - b);
  const captions = new Map((t.parts ?? []).map((p) => [p.at, p.caption]));
  starts.forEach((from, k) => {
    const to = starts[k + 1] ?? t.rows.length;
    if (from >= to) return;
    if (captions.has(from)) out.push((k ? '\n' : '') + c.bold(captions.get(from)!));
    const table = new Table({
      head: t.columns.map((col) => col.label ?? col.header),
      style: { head: [], border: [], compact: true },
      colAligns: t.columns.map((col) => (col.type === 'text' ? 'left' : 'right')),
    });
    for (let i = from; i < to; i++) {
      const cells = t.columns.map((col) => cellText(t.rows[i][col.key], col, t.rows[i]));
      table.push(highlight.has(i) ? cells.map((s, j) => c.inverse(j === 0 ? `▶ ${s}` : s)) : cells);
    }
    out.push(table.toString());
  });
  return out;
}
