import type { RawTable } from '../../src/core/load/rawTable.js';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { tableOfRows } from '../../src/core/load/schoolTable.js';
import type { SchoolTable, SchoolYear } from '../../src/core/types.js';
import type { Io } from '../../src/cli/main.js';
import { run } from '../../src/cli/main.js';
import type { HelperThread } from '../../src/parallel/helperThread.js';

/** A school with sensible defaults, for unit tests. */
export function school(id: string, fsm: number, measure: number, extra: Partial<SchoolYear> = {}): SchoolYear {
  return {
    year: '2019',
    id,
    name: `School ${id}`,
    la: '900',
    measure,
    fsm,
    cohort: 100,
    ciLow: null,
    ciHigh: null,
    context: {},
    subjects: {},
    location: null,
    special: false,
    inFsmFile: true,
    ...extra,
  };
}

/** Schools of one year (2019) as a table. */
export function table(rows: readonly SchoolYear[]): SchoolTable {
  return tableOfRows('2019', rows);
}

export function tempDir(): string {
  return mkdtempSync(join(tmpdir(), 'fos-test-'));
}

/** Write files into a fresh temp dir and return their paths. */
export function files(contents: Record<string, string | Buffer>): Record<string, string> & { dir: string } {
  const dir = tempDir();
  const out: Record<string, string> = { dir };
  for (const [name, text] of Object.entries(contents)) {
    out[name] = join(dir, name);
    writeFileSync(out[name], text);
  }
  return out as Record<string, string> & { dir: string };
}

/** Run the CLI in-process, capturing stdout and stderr. */
export async function fos(argv: string[], opts: { cwd?: string; env?: Record<string, string>; tty?: boolean; helper?: HelperThread } = {}) {
  const out: (string | Uint8Array)[] = [];
  let err = '';
  const io: Io = {
    stdout: (c) => out.push(c),
    stderr: (t) => (err += t),
    stdoutIsTTY: opts.tty ?? false,
    stderrIsTTY: false,
    env: opts.env ?? {},
    cwd: opts.cwd ?? process.cwd(),
    helper: opts.helper,
  };
  const code = await run(argv, io);
  const stdout = out.map((c) => (typeof c === 'string' ? c : Buffer.from(c).toString('utf8'))).join('');
  return { code, stdout, stderr: err };
}

/** A small KS4-style attainment file and census-style FSM file. */
export function ks4(rows: string[][], header = ['RECTYPE', 'LEA', 'URN', 'SCHNAME', 'TPUP', 'ATT8SCR']): string {
  return [header, ...rows].map((r) => r.join(',')).join('\n') + '\n';
}

/** Every row of a table (copied), with its line, the short-row count and the header. */
export function rowsOf(t: RawTable) {
  const rows: string[][] = [];
  const lines: number[] = [];
  const { shortRows } = t.scan((row, line) => {
    rows.push(t.header.map((_, c) => row.text(c)));
    lines.push(line);
  });
  return { header: t.header, encoding: t.encoding, delimiter: t.delimiter, rows, lines, shortRows };
}
