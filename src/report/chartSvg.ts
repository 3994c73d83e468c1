import type { Chart } from './model.js';
import { xmlText } from './safeText.js';

/**
 * A chart as a standalone SVG: a Vega-Lite spec compiled to Vega and rendered headless in
 * Node (no browser, no canvas), with every character XML forbids shown as its escape
 * (`\x1b`), so any name gives a valid file. The two libraries are imported only here, and only when a
 * chart is asked for, so a plain table never pays for them.
 */
export async function chartSvg(chart: Chart): Promise<string> {
  const [vl, vega] = await Promise.all([import('vega-lite'), import('vega')]);
  // Warnings go nowhere: stderr is for fos's own messages.
  const quiet = { level: () => quiet, error: () => quiet, warn: () => quiet, info: () => quiet, debug: () => quiet } as never;
  const spec = vl.compile(toVegaLite(chart) as never, { logger: quiet }).spec;
  const view = new vega.View(vega.parse(spec), { renderer: 'none', logLevel: vega.None });
  const svg = await view.toSVG();
  view.finalize();
  // A control character from a name (ESC, BEL, form feed) would make the SVG invalid XML.
  return xmlText(svg);
}

const FONT = { font: 'Helvetica, Arial, sans-serif', labelFont: 'Helvetica, Arial, sans-serif', titleFont: 'Helvetica, Arial, sans-serif' };
const SCHOOL = '#c2185b';
const FAMILY = '#1f77b4';

/** How many spreads from 0 the values must be for the bars not to start at 0. */
const FAR = 3;

/**
 * The value axis of a bar chart when it should not start at 0: not a percentage, and the
 * values (with the reference line) all on one side of 0 and more than three times as far
 * from it as they are spread (scale scores of 287–338: 287 > 3 × 51), so that bars from 0
 * would all look alike. Otherwise bars start at 0, so a bar's length stays its value
 * (Attainment 8 of 29–47: 29 < 3 × 18). The axis then runs from a tenth of the spread below
 * the least to as far above the greatest, so the shortest bar still shows. Undefined: from 0.
 */
export function barDomain(chart: { bars: readonly { value: number }[]; reference?: { value: number }; percent?: boolean }): [number, number] | undefined {
  if (chart.percent || chart.bars.length === 0) return undefined;
  const values = [...chart.bars.map((b) => b.value), ...(chart.reference ? [chart.reference.value] : [])];
  const lo = Math.min(...values);
  const hi = Math.max(...values);
  const spread = hi - lo;
  const far = lo > 0 ? lo > FAR * spread : hi < 0 ? -hi > FAR * spread : false;
  if (!far) return undefined;
  const pad = spread > 0 ? spread / 10 : Math.abs(lo) / 20;
  return [lo - pad, hi + pad];
}

/** The Vega-Lite specification of a chart (exported for tests). */
export function toVegaLite(chart: Chart): Record<string, unknown> {
  const base = { $schema: 'https://vega.github.io/schema/vega-lite/v5.json', title: chart.title, config: { ...FONT, view: { stroke: null } }, background: 'white' };
  if (chart.kind === 'scatter') {
    const xs = chart.points.map((p) => p.x);
    const lo = Math.min(...xs);
    const hi = Math.max(...xs);
    const roles = [
      { role: 'other', label: 'all schools', color: '#bbbbbb', opacity: 0.3, size: 14 },
      { role: 'family', label: 'family', color: FAMILY, opacity: 0.85, size: 45 },
      { role: 'school', label: 'this school', color: SCHOOL, opacity: 1, size: 160 },
    ] as const;
    const x = { field: 'x', type: 'quantitative', title: chart.xTitle };
    const y = { field: 'y', type: 'quantitative', title: chart.yTitle, scale: { zero: false } };
    // One layer per role, drawn in order, so the school is on top; one shared colour legend.
    const layers: unknown[] = roles.map((r) => ({
      data: { values: chart.points.filter((p) => p.role === r.role).map((p) => ({ ...p, role: r.label })) },
      mark: { type: 'circle', opacity: r.opacity, size: r.size },
      encoding: {
        x,
        y,
        color: { field: 'role', type: 'nominal', scale: { domain: roles.map((q) => q.label), range: roles.map((q) => q.color) }, legend: { title: null } },
        tooltip: [{ field: 'name' }, { field: 'x', title: chart.xTitle }, { field: 'y', title: chart.yTitle }],
      },
    }));
    layers.push({
      data: { values: chart.points.filter((p) => p.role === 'school') },
      mark: { type: 'text', align: 'left', dx: 8, dy: -8, fontWeight: 'bold', color: SCHOOL },
      encoding: { x: { field: 'x', type: 'quantitative' }, y: { field: 'y', type: 'quantitative' }, text: { field: 'name' } },
    });
    if (chart.line) {
      const { slope, intercept } = chart.line;
      layers.push({
        data: { values: [{ x: lo, y: intercept + slope * lo }, { x: hi, y: intercept + slope * hi }] },
        mark: { type: 'line', color: '#555555', strokeDash: [6, 4] },
        encoding: { x: { field: 'x', type: 'quantitative' }, y: { field: 'y', type: 'quantitative' } },
      });
    }
    return { ...base, width: 560, height: 360, layer: layers };
  }
  if (chart.kind === 'bar') {
    const domain = barDomain(chart);
    const layers: unknown[] = [
      {
        data: { values: chart.bars },
        mark: { type: 'bar' },
        encoding: {
          y: { field: 'name', type: 'nominal', sort: '-x', title: null, axis: { labelLimit: 260 } },
          // Far from 0, the bars start at the axis's own start (unstacked), so 287 and 338 differ.
          x: domain
            ? { field: 'value', type: 'quantitative', title: chart.valueTitle, scale: { zero: false, domain }, stack: null }
            : { field: 'value', type: 'quantitative', title: chart.valueTitle, scale: { zero: false } },
          color: { field: 'highlight', type: 'nominal', scale: { domain: [false, true], range: ['#9ecae1', SCHOOL] }, legend: null },
        },
      },
    ];
    if (chart.reference) {
      layers.push({
        data: { values: [chart.reference] },
        mark: { type: 'rule', color: '#333333', strokeDash: [4, 3] },
        encoding: { x: { field: 'value', type: 'quantitative' } },
      });
    }
    return { ...base, width: 460, height: { step: 16 }, layer: layers };
  }
  const values = chart.series.flatMap((s) => s.points.filter((p) => p.y !== null).map((p) => ({ series: s.name, year: p.x, value: p.y })));
  return {
    ...base,
    width: 480,
    height: 300,
    data: { values },
    mark: { type: 'line', point: true },
    encoding: {
      x: { field: 'year', type: 'ordinal', title: 'year', axis: { labelAngle: 0 } },
      y: { field: 'value', type: 'quantitative', title: chart.yTitle, scale: { zero: false } },
      color: { field: 'series', type: 'nominal', title: null, sort: chart.series.map((s) => s.name), scale: { range: [SCHOOL, FAMILY, '#2ca02c', '#7f7f7f'] } },
    },
  };
}
