import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { isAbsolute, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { FosError, isFosError } from '../core/errors.js';
import { assertNotInput, Interrupted, writeOutput } from '../io/writeOutput.js';
import type { Report } from '../report/model.js';
import { render } from '../report/render.js';
import { visible, visibleLines } from '../report/safeText.js';
import { toConfig, type Config } from './config.js';
import { CommandContext, type Io } from './context.js';
import type { CommandName } from './options.js';
import { buildProgram } from './program.js';

export type { Io } from './context.js';

type CommandFn = (ctx: CommandContext) => Report | Promise<Report>;

// commander is CommonJS: required as such, it skips the ESM wrapper and the scan of its
// exports, about 7 ms of every start.
const { CommanderError } = createRequire(import.meta.url)('commander') as typeof import('commander');

/** Commands load on demand, so `fos check` never pays for what `fos odds` needs. */
const LOADERS: Record<string, () => Promise<CommandFn>> = {
  check: async () => (await import('./commands/check.js')).check,
  families: async () => (await import('./commands/families.js')).families,
  report: async () => (await import('./commands/report.js')).report,
  outperformers: async () => (await import('./commands/outperformers.js')).outperformers,
  odds: async () => (await import('./commands/odds.js')).odds,
  partners: async () => (await import('./commands/partners.js')).partners,
  trend: async () => (await import('./commands/trend.js')).trend,
};

const packageRoot = fileURLToPath(new URL('../../', import.meta.url));
export const VERSION: string = JSON.parse(readFileSync(`${packageRoot}package.json`, 'utf8')).version;
const SAMPLE = `${packageRoot}data/fos.json`;

export const EXIT = { OK: 0, DATA: 1, USAGE: 2, INTERNAL: 3, OUTPUT: 4 } as const;

/**
 * Run fos with `argv` (without node and the script) and return the exit code. The only
 * place that decides exit codes: 0 ok, 1 data error, 2 usage error, 3 internal error, 4 the
 * output could not be written, 130 / 143 interrupted (SIGINT / SIGTERM) while writing.
 */
export async function run(argv: string[], io: Io): Promise<number> {
  const debug = argv.includes('--debug');
  let selected: { name: CommandName; raw: Record<string, unknown>; arg?: string } | undefined;
  const program = buildProgram(VERSION, io, (name, raw, arg) => (selected = { name, raw, arg }));
  try {
    await program.parseAsync(argv, { from: 'user' });
    if (!selected) return EXIT.OK; // help or version was printed
    const config = toConfig(selected.name, selected.raw, { cwd: io.cwd, isTTY: io.stdoutIsTTY, env: io.env, samplePath: SAMPLE }, selected.arg);
    return await execute(config, io);
  } catch (e) {
    if (e instanceof CommanderError) {
      if (e.exitCode === 0) return EXIT.OK;
      return EXIT.USAGE; // commander already wrote its message to stderr
    }
    if (e instanceof Interrupted) return e.exitCode;
    if (isFosError(e)) {
      // Paths as the user sees them: relative to the current folder; control characters
      // (from a header or a value) shown, never sent to the terminal.
      io.stderr(`fos: ${visibleLines(e.describe().split(`${io.cwd}/`).join(''))}\n`);
      if (debug && e.stack) io.stderr(`${e.stack}\n`);
      return e.kind === 'usage' ? EXIT.USAGE : e.kind === 'output' ? EXIT.OUTPUT : EXIT.DATA;
    }
    io.stderr(`fos: internal error: ${visibleLines((e as Error)?.message ?? String(e))}\n`);
    if (debug) io.stderr(`${(e as Error)?.stack ?? ''}\n`);
    else io.stderr('  hint: run again with --debug for the details, and report it with them\n');
    return EXIT.INTERNAL;
  }
}

/**
 * Every file the run reads: the outputs may be none of them. The inputs, the manifest, the
 * group file, and any other option whose value is a path (config.ts makes them absolute),
 * so a file option added later is covered too.
 */
function filesRead(config: Config): string[] {
  const named = Object.entries(config)
    .filter(([key]) => key !== 'output' && key !== 'chart')
    .flatMap(([, v]) => (Array.isArray(v) ? v : [v]))
    .filter((v): v is string => typeof v === 'string' && isAbsolute(v));
  return [...config.inputs.flatMap((y) => [y.attainment, ...(y.fsm ? [y.fsm] : [])]), ...named];
}

/**
 * A data error that names no file (e.g. "2019: 0 eligible schools") is given the files it
 * comes from: the year's, when the message starts with a year loaded, else every input.
 */
function nameFiles(e: FosError, config: Config) {
  if (e.kind !== 'data' || e.location.file !== undefined) return;
  const year = config.inputs.find((y) => e.message.startsWith(`${y.year}:`));
  const files = (year ? [year] : config.inputs).flatMap((y) => [y.attainment, ...(y.fsm && y.fsm !== y.attainment ? [y.fsm] : [])]);
  if (files.length) e.location.file = [...new Set(files)].join(' and ');
}

async function execute(config: Config, io: Io): Promise<number> {
  const ctx = new CommandContext(config, io, VERSION);
  const read = filesRead(config);
  const output = config.output;
  if (output) assertNotInput(output, read, '-o');
  if (config.chart) assertNotInput(config.chart, [...read, ...(output ? [output] : [])], '--chart');
  if (config.chart && output && resolve(config.chart) === resolve(output)) {
    throw new FosError('INVALID_OPTION', '--chart and -o name the same file', { file: output }, 'give the chart its own name');
  }
  const command = await LOADERS[config.command]();
  let report: Report;
  try {
    report = await command(ctx);
  } catch (e) {
    if (isFosError(e)) nameFiles(e, config);
    throw e;
  } finally {
    ctx.runner.close();
  }
  const body = await render(report, config.format, { color: config.color, limit: config.limit });
  if (config.chart) {
    const chart = report.charts[0];
    if (!chart) ctx.warn('this report has no chart; --chart ignored');
    else await writeOutput(config.chart, await (await import('../report/chartSvg.js')).chartSvg(chart));
  }
  if (output) {
    await writeOutput(output, body);
    ctx.warn(`wrote ${report.meta.rows} row${report.meta.rows === 1 ? '' : 's'} to ${visible(output.split(`${io.cwd}/`).join(''))}`);
  } else if (typeof body !== 'string' && io.stdoutIsTTY) {
    throw new FosError('INVALID_OPTION', `${config.format} is binary and stdout is a terminal`, {}, `write it to a file: -o report.${config.format}`);
  } else io.stdout(body);
  return EXIT.OK;
}
