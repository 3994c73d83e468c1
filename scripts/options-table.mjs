#!/usr/bin/env node
// Prints the README's option table from the one list of options (src/cli/options.ts);
// test/cli/options.test.ts checks that the README holds exactly this text.
// Usage: npm run build && node scripts/options-table.mjs
import { defaultShown, OPTIONS } from '../dist/cli/options.js';

const groups = { input: 'Inputs', family: 'Families', compare: 'Comparison and candidates', filter: 'What is reported', output: 'Output' };
const lines = [];
for (const [group, title] of Object.entries(groups)) {
  lines.push(`**${title}**`, '', '| option | what it does | default | commands |', '| --- | --- | --- | --- |');
  for (const o of OPTIONS.filter((x) => x.group === group)) {
    const shown = defaultShown(o);
    // A value one could type in code style; a default found from the file, in words.
    const def = shown === undefined ? '' : o.default !== undefined ? `\`${shown}\`` : shown;
    const choices = o.choices ? ` (${o.choices.join(', ')})` : '';
    const cmds = o.commands === 'all' ? 'all' : o.commands.join(', ');
    lines.push(`| \`${o.flags.replace(/\|/g, '\\|')}\` | ${o.description.replace(/\|/g, '\\|')}${choices} | ${def} | ${cmds} |`);
  }
  lines.push('');
}
console.log(lines.join('\n'));
