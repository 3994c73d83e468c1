import { createRequire } from 'node:module';
import type { Command as CommandT } from 'commander';
import { visibleLines } from '../report/safeText.js';
import type { Io } from './context.js';
import { COMMANDS, defaultShown, optionsFor, type CommandName } from './options.js';

// commander is CommonJS: required as such, it skips the ESM wrapper and the scan of its
// exports, about 7 ms of every start.
const { Command, Option } = createRequire(import.meta.url)('commander') as typeof import('commander');

/**
 * The commander program, wired from COMMANDS and OPTIONS: each option's help ends with its
 * default, each command's with its examples. Values stay text (lists of text when
 * repeatable): config.ts parses them and fills in the defaults, so both live in one place.
 */
export function buildProgram(version: string, io: Io, select: (name: CommandName, raw: Record<string, unknown>, arg?: string) => void): CommandT {
  const program = new Command('fos')
    .description('Families of schools: compare each school with schools like it, and find the ones that outperform their family.')
    .version(version, '-V, --version')
    .showHelpAfterError('(run with --help for usage)')
    .exitOverride()
    .configureOutput({ writeOut: (s) => io.stdout(s), writeErr: (s) => io.stderr(s), outputError: (s, write) => write(`fos: ${visibleLines(s.replace(/^error: /, ''))}`) });
  for (const spec of COMMANDS) {
    const cmd = program.command(spec.name + (spec.args ? ` ${spec.args}` : '')).description(spec.description).exitOverride();
    for (const o of optionsFor(spec.name)) {
      const shown = defaultShown(o);
      const opt = new Option(o.flags, shown === undefined ? o.description : `${o.description} (default: ${shown})`);
      if (o.choices) opt.choices(o.choices as string[]);
      if (o.repeatable) opt.argParser((v: string, prev: string[] | undefined) => [...(prev ?? []), v]);
      cmd.addOption(opt);
    }
    cmd.addHelpText('after', `\nExamples:\n${spec.examples.map((e) => `  ${e}`).join('\n')}\n`);
    cmd.action((...args: unknown[]) => {
      const command = args[args.length - 1] as CommandT;
      const arg = spec.args ? (args[0] as string | undefined) : undefined;
      select(spec.name, command.opts(), arg);
    });
  }
  return program;
}
