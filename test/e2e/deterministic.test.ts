import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../helpers/schools.js';

// Same inputs and flags, same bytes: checked across two processes of the built bin (within
// one process, a cache or a module-level buffer left over from the first run could hide a
// difference).
const BIN = resolve(__dirname, '../../bin/fos.js');
const built = existsSync(resolve(__dirname, '../../dist/cli/bin.js'));

describe.skipIf(!built)('deterministic output', () => {
  it('two processes give byte-identical json and xlsx', () => {
    const dir = tempDir();
    const once = (k: number) => {
      const r = spawnSync(process.execPath, [BIN, 'outperformers', '--format', 'json'], { encoding: 'utf8' });
      expect(r.status).toBe(0);
      const xlsx = join(dir, `o${k}.xlsx`);
      expect(spawnSync(process.execPath, [BIN, 'families', '--year', 'all', '-o', xlsx]).status).toBe(0);
      return { json: r.stdout, xlsx: readFileSync(xlsx) };
    };
    const a = once(1);
    const b = once(2);
    expect(a.json.length).toBeGreaterThan(1000);
    expect(b.json).toBe(a.json);
    expect(b.xlsx.equals(a.xlsx)).toBe(true);
  });
});
