import { describe, expect, it } from 'vitest';
import { files, fos, ks4 } from '../helpers/schools.js';

describe('fos odds: the regression as numbers', () => {
  it('json gives slope, intercept, R², residual SD (n − 2) and n, and says which SD in meta', async () => {
    // By hand: x 0 10 20 30, y 60 58 52 50. Sxy = −180, Sxx = 500: slope −0.36, intercept
    // 55 + 0.36·15 = 60.4. Residuals −0.4 1.2 −1.2 0.4: SSE 3.2, SD √(3.2 / 2) = 1.2649
    // (not √(3.2 / 3) = 1.0328); SST 68, R² = 1 − 3.2/68 = 0.9529.
    const rows = [[0, 60], [10, 58], [20, 52], [30, 50]].map(([x, y], k) => ['1', '900', String(k + 1), `S${k}`, '100', String(y), String(x)]);
    const f = files({ 'a.csv': ks4(rows, ['RECTYPE', 'LEA', 'URN', 'SCHNAME', 'TPUP', 'ATT8SCR', 'PTFSM6CLA1A']) });
    const j = JSON.parse((await fos(['odds', '--attainment', f['a.csv'], '--format', 'json'])).stdout);
    expect(j.tables.regression).toEqual([{ slope: -0.36, intercept: 60.4, r2: 0.9529, residual_sd: 1.2649, n: 4 }]);
    expect(j.meta.definitions.residual_sd).toMatch(/n - 2/);
  });
});
