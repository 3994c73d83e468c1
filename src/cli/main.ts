import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { FosError, isFosError } from '../core/errors.js';
import { assertNotInput, writeAtomic } from '../io/writeOutput.js';
import type { Report } from '../report/model.js';
import { render } from '../report/render.js';
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

export const EXIT = { OK: 0, DATA: 1, USAGE: 2, INTERNAL: 3 } as const;

/**
 * Run fos with `argv` (without node and the script) and return the exit code. The only
 * place that decides exit codes: 0 ok, 1 data error, 2 usage error, 3 internal error.
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
    if (isFosError(e)) {
      // Paths as the user sees them: relative to the current folder.
      io.stderr(`fos: ${e.describe().split(`${io.cwd}/`).join('')}\n`);
      if (debug && e.stack) io.stderr(`${e.stack}\n`);
      return e.kind === 'usage' ? EXIT.USAGE : EXIT.DATA;
    }
    io.stderr(`fos: internal error: ${(e as Error)?.message ?? String(e)}\n`);
    if (debug) io.stderr(`${(e as Error)?.stack ?? ''}\n`);
    else io.stderr('  hint: run again with --debug for the details, and report it with them\n');
    return EXIT.INTERNAL;
  }
}

async function execute(config: Config, io: Io): Promise<number> {
  const ctx = new CommandContext(config, io, VERSION);
  const inputFiles = config.inputs.flatMap((y) => [y.attainment, ...(y.fsm ? [y.fsm] : [])]);
  for (const target of [config.output, config.chart]) if (target) assertNotInput(target, inputFiles);
  const command = await LOADERS[config.command]();
  let report: Report;
  try {
    report = await command(ctx);
  } finally {
    ctx.runner.close();
  }
  const body = await render(report, config.format, config.color);
  if (config.chart) {
    const chart = report.charts[0];
    if (!chart) ctx.warn('this report has no chart; --chart ignored');
    else writeAtomic(config.chart, await (await import('../report/chartSvg.js')).chartSvg(chart));
  }
  if (config.output) {
    writeAtomic(config.output, body);
    ctx.warn(`wrote ${report.meta.rows} row${report.meta.rows === 1 ? '' : 's'} to ${config.output}`);
  } else if (typeof body !== 'string' && io.stdoutIsTTY) {
    throw new FosError('INVALID_OPTION', `${config.format} is binary and stdout is a terminal`, {}, `write it to a file: -o report.${config.format}`);
  } else io.stdout(body);
  return EXIT.OK;
}
