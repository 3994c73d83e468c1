import { HelperThread } from '../parallel/helperThread.js';
import { threadPlan } from '../parallel/scheduler.js';
import { namedFiles } from './namedFiles.js';

const argv = process.argv.slice(2);

// The helper thread takes a while to start. When an argument names a file large
// enough to be read there (FILE, --opt=FILE or YEAR=FILE), it starts now, while the rest
// of fos loads, so it is ready by the time the files are opened. Only a head start:
// whether the thread is used is decided as before, when the files are read. Not when
// --threads (1, or auto on a machine where that means 1) keeps everything on this thread.
const at = argv.findIndex((a) => a === '--threads' || a.startsWith('--threads='));
const asked = at < 0 ? 'auto' : argv[at].startsWith('--threads=') ? argv[at].slice('--threads='.length) : argv[at + 1];
const plan = asked === 'auto' || /^\d+$/.test(asked ?? '') ? threadPlan(asked === 'auto' ? 'auto' : Number(asked)) : undefined;
const helper = plan?.threads === 1 ? undefined : new HelperThread(undefined, undefined, plan?.minFileBytes);
if (helper && namedFiles(argv).some((f) => helper.takes(f))) helper.warm();

const { run } = await import('./main.js');

// A closed pipe (e.g. `fos families | head`) ends the program quietly, with success; any
// other failure to write stdout (`> /dev/full`: a full disk) is an output error, exit 4.
process.stdout.on('error', (e: NodeJS.ErrnoException) => {
  if (e.code === 'EPIPE') process.exit(0);
  process.stderr.write(`fos: (stdout): cannot write the output (${e.code ?? e.message})\n`);
  process.exit(4);
});

const code = await run(argv, {
  stdout: (chunk) => process.stdout.write(chunk),
  stderr: (text) => process.stderr.write(text),
  stdoutIsTTY: Boolean(process.stdout.isTTY),
  stderrIsTTY: Boolean(process.stderr.isTTY),
  env: process.env,
  cwd: process.cwd(),
  helper,
});
process.exitCode = code;
