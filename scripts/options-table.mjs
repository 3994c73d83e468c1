#!/usr/bin/env node
// Prints the README's option table from the one list of options (src/cli/options.ts).
// Usage: npm run build && node scripts/options-table.mjs
import { OPTIONS } from '../dist/cli/options.js';

const groups = { input: 'Inputs', family: 'Families', compare: 'Comparison and candidates', filter: 'What is reported', output: 'Output' };
const lines = [];
for (const [group, title] of Object.entries(groups)) {
  lines.push(`**${title}**`, '', '| option | what it does | default | commands |', '| --- | --- | --- | --- |');
  for (const o of OPTIONS.filter((x) => x.group === group)) {
    const def = o.default === undefined || o.default === false ? '' : `\`${o.default}\``;
    const choices = o.choices ? ` (${o.choices.join(', ')})` : '';
    const cmds = o.commands === 'all' ? 'all' : o.commands.join(', ');
    lines.push(`| \`${o.flags.replace(/\|/g, '\\|')}\` | ${o.description}${choices} | ${def} | ${cmds} |`);
  }
  lines.push('');
}
console.log(lines.join('\n'));
