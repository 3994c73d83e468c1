import { FosError } from '../core/errors.js';
import type { ContextWeight } from '../core/families/context.js';

/** The family methods each family flag applies to, and the commands where it applies
 * whatever the method (odds' own bands; outperformers' robustness check, which makes
 * neighbour families of 10 and 40 with --ties, and fixed default bands). */
const APPLIES: { flag: string; key: string; methods: readonly string[]; also?: readonly string[]; why: string }[] = [
  { flag: '--context', key: 'context', methods: ['neighbours', 'quantiles', 'ckmeans', 'size'], why: 'bands are cut on % FSM alone' },
  { flag: '--size', key: 'size', methods: ['neighbours', 'size'], why: 'the number of families is set by --groups or --bands' },
  { flag: '--groups', key: 'groups', methods: ['quantiles', 'ckmeans'], why: 'the family size is set by --size or --bands' },
  { flag: '--bands', key: 'bands', methods: ['bands'], also: ['odds'], why: 'only --method bands cuts families at band edges' },
  { flag: '--ties', key: 'ties', methods: ['neighbours'], also: ['outperformers'], why: 'only neighbour families have ties to break' },
];

/** Commands that show no candidate partner, so --threshold changes nothing in them. */
const NO_CANDIDATES = ['families', 'trend'];

/**
 * A family flag given with a method it does nothing for, a --context-col that --context
 * does not use, or --threshold where no candidate is shown, is a usage error, not a silent
 * no-op (`--method bands --context fsm=1,eal=0.5` would otherwise be titled "by fsm, eal").
 * `raw` holds commander's values, undefined for flags not given; `v` the parsed values (with
 * defaults).
 */
export function checkApplicable(command: string, raw: Record<string, unknown>, v: Record<string, unknown>): void {
  const method = String(v.method);
  // In a command that makes families, a --context-col that --context does not use changes
  // nothing (check reads it for its missing values; a manifest may map more than is used).
  const used = new Set(((v.context as ContextWeight[] | undefined) ?? []).map((c) => c.name));
  const makesFamilies = !['check', 'odds'].includes(command);
  for (const [name, col] of makesFamilies ? ((v.contextCol as [string, string][] | undefined) ?? []) : []) {
    if (!used.has(name)) throw new FosError('INVALID_OPTION', `--context-col ${name}=${col} is not used: --context does not name ${name}`, {}, `add it with a weight, e.g. --context fsm=1,${name}=0.5`);
  }
  if (raw.threshold !== undefined && NO_CANDIDATES.includes(command)) {
    throw new FosError('INVALID_OPTION', `--threshold does not apply to fos ${command}, which shows no candidate partners`, {}, 'leave it out, or use it with fos outperformers, report or partners');
  }
  for (const a of APPLIES) {
    const also = a.also?.includes(command) && !(a.key === 'ties' && v.robust === false);
    if (raw[a.key] === undefined || a.methods.includes(method) || also) continue;
    throw new FosError('INVALID_OPTION', `${a.flag} does not apply to --method ${method}: ${a.why}`, {}, `leave out ${a.flag}, or use it with --method ${a.methods.join(', ')}`);
  }
}
