import { formatCsv } from './formatCsv.js';
import { formatJson } from './formatJson.js';
import { formatMarkdown } from './formatMarkdown.js';
import { formatTable } from './formatTable.js';
import type { Format, Report } from './model.js';

/** The report in the chosen format. html and xlsx (and their libraries) load only when asked. */
export async function render(report: Report, format: Format, color: boolean): Promise<string | Uint8Array> {
  switch (format) {
    case 'table':
      return formatTable(report, color);
    case 'csv':
      return formatCsv(report);
    case 'json':
      return formatJson(report);
    case 'md':
      return formatMarkdown(report);
    case 'html':
      return (await import('./formatHtml.js')).formatHtml(report);
    case 'xlsx':
      return (await import('./formatXlsx.js')).formatXlsx(report);
  }
}
