import type { Format, Report } from './model.js';

/** The report in the chosen format. Each formatter (and its libraries) loads only when asked. */
export async function render(report: Report, format: Format, color: boolean): Promise<string | Uint8Array> {
  switch (format) {
    case 'table':
      return (await import('./formatTable.js')).formatTable(report, color);
    case 'csv':
      return (await import('./formatCsv.js')).formatCsv(report);
    case 'json':
      return (await import('./formatJson.js')).formatJson(report);
    case 'md':
      return (await import('./formatMarkdown.js')).formatMarkdown(report);
    case 'html':
      return (await import('./formatHtml.js')).formatHtml(report);
    case 'xlsx':
      return (await import('./formatXlsx.js')).formatXlsx(report);
  }
}
