import type { SchoolKey } from '../schoolKey.js';

/**
 * With links (`--links`), an attainment row whose id has no row in the FSM table takes the
 * FSM row of the same school under its other URN, when that row is matched to no other
 * school: in the year a school converts, the results can be published under the old URN
 * and the January census under the new one (North Yorkshire 2018: Richmond School's KS4
 * row is URN 121680, its census row 145090). `fsmRow` (each attainment row's FSM row, −1
 * for none) is filled in place; returns the pairs joined this way.
 */
export function linkUnmatched(attIds: readonly string[], fsmIds: readonly string[], fsmRow: Int32Array, key: SchoolKey): { id: string; fsmId: string }[] {
  const used = new Uint8Array(fsmIds.length);
  let open = false;
  for (let r = 0; r < fsmRow.length; r++) {
    if (fsmRow[r] >= 0) used[fsmRow[r]] = 1;
    else open = true;
  }
  if (!open) return [];
  // Unmatched FSM rows by key (of two, the one under the latest URN).
  const byKey = new Map<string, number>();
  fsmIds.forEach((id, f) => {
    if (used[f]) return;
    const k = key(id);
    if (k === id || !byKey.has(k)) byKey.set(k, f);
  });
  const out: { id: string; fsmId: string }[] = [];
  for (let r = 0; r < fsmRow.length; r++) {
    if (fsmRow[r] >= 0) continue;
    const f = byKey.get(key(attIds[r]));
    if (f === undefined || used[f]) continue;
    fsmRow[r] = f;
    used[f] = 1;
    out.push({ id: attIds[r], fsmId: fsmIds[f] });
  }
  return out;
}
