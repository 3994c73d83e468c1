import type { Format, Report } from './model.js';

export interface RenderOptions {
  color: boolean;
  /** Table format: rows shown per table (Infinity: all; default DEFAULT_LIMIT). */
  limit?: number;
}

/** The report in the chosen format. Each formatter (and its libraries) loads only when asked. */
export async function render(report: Report, format: Format, o: RenderOptions): Promise<string | Uint8Array> {
  switch (format) {
    case 'table':
      return (await import('./formatTable.js')).formatTable(report, o);
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
