import type { Report, Table } from './model.js';
import { cellText } from './cells.js';
import { chartSvg } from './chartSvg.js';
import { visible } from './safeText.js';

/** Text for HTML: markup characters as entities, control characters shown as escapes. */
const esc = (s: string) => visible(s).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/**
 * The report as one self-contained HTML page (no script, font or style from the network):
 * summary, charts as inline SVG, tables with the school's row highlighted, notes, and the
 * provenance (version, options, input files with SHA-256) at the foot. Prints on A4.
 */
export async function formatHtml(report: Report): Promise<string> {
  const charts = await Promise.all(report.charts.map((c) => chartSvg(c)));
  const tables = report.tables.map(tableHtml).join('\n');
  const meta = report.meta;
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="fos ${esc(meta.version)}">
<title>${esc(report.title)}</title>
<style>
body { font: 14px/1.45 Helvetica, Arial, sans-serif; color: #222; margin: 2rem auto; max-width: 1100px; padding: 0 1rem; }
h1 { font-size: 1.5rem; margin-bottom: .5rem; }
h2 { font-size: 1.1rem; margin-top: 2rem; }
.summary p { margin: .2rem 0; }
.summary p:first-child { font-size: 1.15rem; font-weight: bold; }
.scroll { overflow-x: auto; max-width: 100%; }
table { border-collapse: collapse; margin: .5rem 0 1rem; font-size: 12.5px; }
th, td { padding: 3px 8px; border-bottom: 1px solid #ddd; text-align: left; vertical-align: top; }
th { background: #f3f3f3; border-bottom: 2px solid #999; }
td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; }
tr.school td { background: #fde4ee; font-weight: bold; }
tr.part td { background: #eef3f8; font-weight: bold; }
.charts { display: flex; flex-wrap: wrap; gap: 1.5rem; margin: 1rem 0; }
.charts svg { max-width: 100%; height: auto; }
.notes, .meta { color: #666; font-size: 12px; }
.meta code { font-size: 11px; }
@media print { body { margin: 0; max-width: none; } .scroll { overflow: visible; } .charts { page-break-inside: avoid; } tr { page-break-inside: avoid; } }
</style>
</head>
<body>
<h1>${esc(report.title)}</h1>
<div class="summary">${report.summary.map((l) => `<p>${esc(l)}</p>`).join('\n')}</div>
${charts.length ? `<div class="charts">${charts.map((s) => `<figure>${s}</figure>`).join('\n')}</div>` : ''}
${tables}
<div class="notes">${report.notes.map((n) => `<p>${esc(n)}</p>`).join('\n')}</div>
<div class="meta"><p>Made with fos ${esc(meta.version)} (<code>fos ${esc(meta.command)}</code>). Inputs:</p><ul>${meta.inputs
    .map((i) => `<li>${esc(i.year)} ${esc(i.role)}: ${esc(i.file)} (${i.rows} rows, SHA-256 <code>${esc(i.sha256.slice(0, 16))}…</code>)</li>`)
    .join('')}</ul><p>Options: <code>${esc(JSON.stringify(meta.options))}</code></p></div>
</body>
</html>
`;
}

function tableHtml(full: Table): string {
  const t = { ...full, columns: full.columns.filter((c) => !c.exportOnly) };
  const hi = new Set(t.highlight ?? []);
  const parts = new Map((t.parts ?? []).map((p) => [p.at, p.caption]));
  const num = (type: string) => (type === 'text' ? '' : ' class="num"');
  const head = `<tr>${t.columns.map((c) => `<th${num(c.type)}>${esc(c.label ?? c.header)}</th>`).join('')}</tr>`;
  const body = t.rows
    .map((row, i) => {
      const part = parts.has(i) ? `<tr class="part"><td colspan="${t.columns.length}">${esc(parts.get(i)!)}</td></tr>\n` : '';
      return `${part}<tr${hi.has(i) ? ' class="school"' : ''}>${t.columns.map((c) => `<td${num(c.type)}>${esc(cellText(row[c.key], c, row))}</td>`).join('')}</tr>`;
    })
    .join('\n');
  return `${t.title ? `<h2>${esc(t.title)}</h2>\n` : ''}<div class="scroll"><table>\n<thead>${head}</thead>\n<tbody>\n${body || `<tr><td colspan="${t.columns.length}">(none)</td></tr>`}\n</tbody>\n</table></div>`;
}
