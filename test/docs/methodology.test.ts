import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = resolve(__dirname, '../..');
const read = (p: string) => readFileSync(resolve(ROOT, p), 'utf8');
const sources = (dir: string): string[] =>
  readdirSync(resolve(ROOT, dir), { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? sources(join(dir, e.name)) : e.name.endsWith('.ts') ? [join(dir, e.name)] : []));

describe('docs/methodology.md, the contract the code cites', () => {
  it('records every departure the README lists', () => {
    const readme = read('README.md');
    const list = readme.slice(readme.indexOf('**Where fos departs from METHOD.md'), readme.indexOf('## Performance'));
    const bullets = list.split('\n- ').slice(1).map((b) => b.trim().replace(/\s+/g, ' '));
    expect(bullets.length).toBeGreaterThanOrEqual(6);
    const doc = read('docs/methodology.md').replace(/\s+/g, ' ');
    for (const b of bullets) expect(doc, b).toContain(b);
  });

  it('is what src/ cites: no comment points to METHOD.md, which is not in the repository', () => {
    for (const file of sources('src')) expect(read(file).replace(/docs\/methodology\.md/g, ''), file).not.toMatch(/METHOD\.md/);
    expect(sources('src').filter((f) => read(f).includes('docs/methodology.md')).length).toBeGreaterThan(10);
  });
});
