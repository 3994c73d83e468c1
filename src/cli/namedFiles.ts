/**
 * The paths an argument list may name as input files, for a look at their sizes before fos
 * loads: each argument, and in FILE, --opt=FILE, YEAR=FILE or --opt=YEAR=FILE what follows
 * the last '='; not the value of -o/--output (written, not read). Some are not files at
 * all (options, values, folders, patterns): the caller stats them and skips those.
 *
 * namedFiles(['--fsm=2019=c.csv', '-o', 'out.csv', 'k.csv']) // => ['--fsm=2019=c.csv', 'c.csv', 'k.csv']
 */
export function namedFiles(argv: readonly string[]): string[] {
  const out: string[] = [];
  for (let k = 0; k < argv.length; k++) {
    const a = argv[k];
    if (a === '-o' || a === '--output') {
      k++;
      continue;
    }
    if (a.startsWith('--output=')) continue;
    out.push(a);
    if (a.includes('=')) out.push(a.slice(a.lastIndexOf('=') + 1));
  }
  return out;
}
