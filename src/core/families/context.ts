import type { SchoolTable, SchoolYear } from '../types.js';

/** A context variable and its weight: `fsm` is % FSM; any other name is a `--context-col`. */
export interface ContextWeight {
  name: string;
  weight: number;
}

export interface ContextSpace {
  vars: ContextWeight[];
  /** Mean and sample SD of each variable over the year's eligible schools. */
  stats: { name: string; mean: number; sd: number }[];
  dims: number;
  /** Row-major coordinates √wᵢ·zᵢ, so Euclidean distance is docs/methodology.md's weighted distance. */
  coords: Float64Array;
  /** The weighted context index Σ wᵢ·zᵢ (the order used by the `size` method). */
  index: Float64Array;
}

export function contextValue(s: SchoolYear, name: string): number {
  return (name === 'fsm' ? s.fsm : s.context[name]) as number;
}

/**
 * Standardised context (docs/methodology.md, Families): z = (x − mean) / sample SD over the year's
 * eligible schools; a variable with SD 0 (or one school) gives z = 0 for every school.
 * distance(a, b) = √(Σ wᵢ (zᵢ(a) − zᵢ(b))²).
 *
 * contextSpace([{fsm: 10}, {fsm: 20}, {fsm: 30}], [{name: 'fsm', weight: 1}]).coords
 * // => [-1, 0, 1]  (mean 20, sample SD 10)
 */
export function contextSpace(schools: SchoolTable, vars: ContextWeight[]): ContextSpace {
  const n = schools.length;
  const dims = vars.length;
  // Each variable's values (straight from the columns of joined schools), standardised.
  const coords = new Float64Array(n * dims);
  const index = new Float64Array(n);
  const stats = vars.map((v, d) => {
    const x = v.name === 'fsm' ? schools.fsm : (schools.context[v.name] ?? new Float64Array(n).fill(NaN));
    let sum = 0;
    for (let i = 0; i < n; i++) sum += x[i];
    const mean = n ? sum / n : 0;
    let ss = 0;
    for (let i = 0; i < n; i++) ss += (x[i] - mean) ** 2;
    const sd = n > 1 ? Math.sqrt(ss / (n - 1)) : 0;
    const root = Math.sqrt(v.weight);
    for (let i = 0; i < n; i++) {
      const z = sd > 0 ? (x[i] - mean) / sd : 0;
      coords[i * dims + d] = root * z;
      index[i] += v.weight * z;
    }
    return { name: v.name, mean, sd };
  });
  return { vars, stats, dims, coords, index };
}

/** Distance between schools i and j, and the variable contributing most to it. */
export function distanceBetween(space: ContextSpace, i: number, j: number): { distance: number; main: string } {
  let sum = 0;
  let best = -1;
  let main = space.vars[0]?.name ?? 'fsm';
  for (let d = 0; d < space.dims; d++) {
    const part = (space.coords[i * space.dims + d] - space.coords[j * space.dims + d]) ** 2;
    sum += part;
    if (part > best) {
      best = part;
      main = space.vars[d].name;
    }
  }
  return { distance: Math.sqrt(sum), main };
}
