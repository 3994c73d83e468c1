const t0 = performance.now();
const { run } = await import('../dist/cli/main.js');
const t1 = performance.now();
const S = '../shared/data/england-2019';
const marks = [];
const code = await run(['outperformers', '--attainment', `${S}/england_ks4provisional.csv`, '--fsm', `${S}/england_census.csv`, '--format', 'csv', '-o', '/tmp/on.csv'], { stdout: () => {}, stderr: (t) => marks.push([t.trim(), performance.now()]), stdoutIsTTY: false, stderrIsTTY: false, env: {}, cwd: process.cwd() });
const t2 = performance.now();
console.log('boot', t0.toFixed(0), 'import', (t1 - t0).toFixed(0), 'run', (t2 - t1).toFixed(0));
