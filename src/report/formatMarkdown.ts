import type { Report } from './model.js';
import { cellText } from './cells.js';
import { markdownText as esc } from './safeText.js';

/**
 * The report as Markdown: a heading, the summary, pipe tables (school's row in bold).
 * Every text from the data goes through markdownText: no name splits a row or a cell,
 * and none passes through as HTML.
 */
export function formatMarkdown(report: Report): string {
  const out: string[] = [`# ${esc(report.title)}`, ''];
  for (const line of report.summary) out.push(`${esc(line)}  `);
  for (const full of report.tables.filter((t) => t.terminal !== false)) {
    const t = { ...full, columns: full.columns.filter((c) => !c.wide && !c.exportOnly) };
    out.push('');
    if (t.title) out.push(`## ${esc(t.title)}`, '');
    if (t.rows.length === 0) {
      out.push('(none)');
      continue;
    }
    const right = t.columns.map((c) => c.type !== 'text');
    out.push(`| ${t.columns.map((c) => esc(c.label ?? c.header)).join(' | ')} |`);
    out.push(`| ${right.map((r) => (r ? '---:' : '---')).join(' | ')} |`);
    const hi = new Set(t.highlight ?? []);
    const parts = new Map((t.parts ?? []).map((p) => [p.at, p.caption]));
    t.rows.forEach((row, i) => {
      if (parts.has(i)) out.push(`| **${esc(parts.get(i)!)}** |${' |'.repeat(t.columns.length - 1)}`);
      const cells = t.columns.map((c) => esc(cellText(row[c.key], c, row)));
      out.push(`| ${(hi.has(i) ? cells.map((s) => `**${s}**`) : cells).join(' | ')} |`);
    });
  }
  if (report.notes.length) out.push('', ...report.notes.map((n) => `> ${esc(n)}  `));
  return out.join('\n') + '\n';
}
