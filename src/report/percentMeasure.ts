/**
 * Whether a measure is a percentage, by its column name: DfE's "percentage of pupils"
 * columns start with PT (`PTRWM_EXP`, `PTL2BASICS_94`), the census's with PNUM
 * (`PNUMFSMEVER`); Explore Education Statistics' end in `_percent`; any name with "%",
 * "percent" or "pct". A percentage's bars start at 0; other measures' need not (a scale
 * score of 287–338, chartSvg.ts).
 *
 * percentMeasure('PTRWM_EXP') // => true
 * percentMeasure('ATT8SCR')   // => false
 */
export function percentMeasure(column: string): boolean {
  return /^(PT|PNUM)/i.test(column.trim()) || /%|percent|pct/i.test(column);
}
