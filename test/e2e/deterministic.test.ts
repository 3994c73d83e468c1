import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

// Same inputs and flags, same bytes: checked across two processes of the built bin (within
// one process, a cache or a module-level buffer left over from the first run could hide a
// difference). The json carries every table, the summary and the meta.
const BIN = resolve(__dirname, '../../bin/fos.js');
const built = existsSync(resolve(__dirname, '../../dist/cli/bin.js'));

describe.skipIf(!built)('deterministic output', () => {
  it('two processes give byte-identical json', () => {
    const once = () => {
      const r = spawnSync(process.execPath, [BIN, 'outperformers', '--format', 'json'], { encoding: 'utf8' });
      expect(r.status).toBe(0);
      return r.stdout;
    };
    const a = once();
    expect(a.length).toBeGreaterThan(1000);
    expect(once()).toBe(a);
  });
});
