import { basename, relative } from 'node:path';
import { analyse, type YearAnalysis } from '../core/analyse.js';
import { FosError } from '../core/errors.js';
import type { EligibilityOptions } from '../core/load/eligibility.js';
import type { ColumnMap, YearData } from '../core/types.js';
import { pooledContext } from '../core/families/pooledContext.js';
import { loadInputs } from '../io/loadInputs.js';
import { readLinks, type LinksFile } from '../io/readLinks.js';
import { withoutConcurrentLinks } from '../core/load/withoutConcurrentLinks.js';
import { schoolKey, type SchoolKey } from '../core/schoolKey.js';
import type { SchoolLinks } from '../core/load/schoolLinks.js';
import type { HelperThread } from '../parallel/helperThread.js';
import { Scheduler, threadPlan } from '../parallel/scheduler.js';
import { measureDigits, type Naming } from '../report/columns.js';
import { measureName, type Labels } from '../report/labels.js';
import type { InputFile, Meta } from '../report/model.js';
import { visible } from '../report/safeText.js';
import { optionsInForce, type Config } from './config.js';

/** Where a command writes: stdout for data, stderr for everything else. */
export interface Io {
  stdout: (chunk: string | Uint8Array) => void;
  stderr: (text: string) => void;
  /** Whether stdout / stderr are terminals. */
  stdoutIsTTY: boolean;
  stderrIsTTY: boolean;
  env: Record<string, string | undefined>;
  cwd: string;
  /** A helper thread the caller has already started (bin.ts does, while fos loads); else
   * one is made when needed (unless --threads 1). */
  helper?: HelperThread;
}

export interface Loaded {
  years: YearData[];
  map: ColumnMap;
}

/** The warning for a measure whose usual confidence bounds the file lacks (also in fos check). */
export function boundsMissing(m: ColumnMap): string {
  return `${m.measure} usually comes with confidence bounds ${m.ciMissing!.join('/')}, which the file lacks: candidates are chosen by z alone, without the bound rule; pass --ci-cols LOW,HIGH if the file names them otherwise`;
}

/** What every command is given: the config, a way to warn, and the data loader. */
export class CommandContext {
  constructor(
    readonly config: Config,
    private readonly io: Io,
    readonly version: string,
  ) {
    const plan = threadPlan(config.threads);
    this.runner = new Scheduler({ ...plan, helpers: io.helper ? [io.helper] : undefined });
  }

  warn(message: string) {
    this.io.stderr(`fos: ${visible(message)}\n`);
  }

  /** Progress on a terminal only; nothing when stderr is piped. */
  progress(message: string) {
    if (this.io.stderrIsTTY) this.io.stderr(`\r\x1b[2K${message}`);
  }

  private endProgress() {
    if (this.io.stderrIsTTY) this.io.stderr('\r\x1b[2K');
  }

  private linksFile?: LinksFile;
  private schoolKey?: SchoolKey;

  private followed?: SchoolLinks;

  /** The --links file's links as read, once (undefined without --links). */
  private fileLinks(): SchoolLinks | undefined {
    if (!this.config.links) return undefined;
    if (!this.linksFile) {
      this.progress(`reading ${basename(this.config.links)}…`);
      this.linksFile = readLinks(this.config.links, { strict: this.config.strict });
      this.endProgress();
    }
    return this.linksFile.links;
  }

  /** The --links file's links over the files loaded: a link whose two URNs both have results
   * in one year loaded is named, not followed (withoutConcurrentLinks.ts); undefined without --links. */
  links(): SchoolLinks | undefined {
    const links = this.fileLinks();
    if (!links) return undefined;
    return (this.followed ??= withoutConcurrentLinks(links, this.load().years));
  }

  /** Which school an id is across years: by --links, the latest of its URNs that the files
   * loaded hold, else itself (schoolKey.ts). */
  key(): SchoolKey {
    if (this.schoolKey) return this.schoolKey;
    const links = this.links();
    if (!links) return (this.schoolKey = schoolKey(undefined));
    const present = new Set(this.load().years.flatMap((y) => y.schools.id));
    return (this.schoolKey = schoolKey(links, (id) => present.has(id)));
  }

  private loaded?: Loaded;

  load(): Loaded {
    if (this.loaded) return this.loaded;
    const c = this.config;
    for (const note of c.presetNotes) this.warn(note);
    if (c.sample) this.warn('no input given: using the bundled synthetic sample (data/); pass --attainment and --fsm for real files');
    const fsmShared = new Set(c.inputs.map((y) => y.fsm)).size === 1 && c.inputs.length > 1 && c.inputs[0].fsm !== undefined;
    if (fsmShared) this.warn(`one ${c.labels.fsmWord} file serves all ${c.inputs.length} years`);
    const result = loadInputs(c.inputs, {
      columns: c.columns,
      joinId: c.joinId,
      breakdown: c.breakdown,
      where: c.where,
      open: c.open,
      strict: c.strict,
      encoding: c.encoding,
      delimiter: c.delimiter,
      // The join within a year needs only which ids are one school (any of its URNs names it):
      // an FSM row is joined through a link only to a school with none of its own.
      key: c.links ? schoolKey(this.fileLinks()) : undefined,
      onFile: (f) => this.progress(`reading ${basename(f)}…`),
    }, this.runner.helpers[0]);
    this.endProgress();
    const skipped = result.years.flatMap((y) => y.files.flatMap((f) => f.skippedRows.map((s) => ({ ...s, file: f.file }))));
    if (skipped.length) {
      const s = skipped[0];
      this.warn(
        `${skipped.length} value${skipped.length === 1 ? ' could not be read and was' : 's could not be read and were'} treated as missing (first: ${basename(s.file)}, line ${s.line}, column ${s.column}, value ${JSON.stringify(s.value)}: ${s.reason}); run fos check for the list, or --strict to stop`,
      );
    }
    for (const f of result.years.flatMap((y) => y.files)) {
      if (!f.repairs.length) continue;
      const r = f.repairs[0];
      this.warn(`${basename(f.file)}: ${f.repairs.length} line${f.repairs.length === 1 ? '' : 's'} cleaned before reading (first: line ${r.line}, ${r.problem}); --strict to stop instead`);
    }
    this.warnUnjoined(result);
    const m = result.map;
    // (The map is the latest year's: named by its attainment file.)
    const mapFile = basename(result.years[result.years.length - 1].files[0].file);
    if (!m.name) this.warn(`${mapFile}: no school name column found, so schools are named by their ids; pass --name-col COL`);
    if (!m.cohort) this.warn(`${mapFile}: no cohort for ${m.measure} (${m.cohortNote ?? 'none'}): --min-cohort cannot apply, so schools of every size are compared; pass --cohort-col COL`);
    if (m.ciMissing) this.warn(`${mapFile}: ${boundsMissing(m)}`);
    if (c.eligibility.includeSpecial && !m.rectype && !m.schoolType) throw new FosError('INVALID_OPTION', '--include-special: the attainment file has no RECTYPE column, so no school is known to be special', {}, 'leave out --include-special');
    this.loaded = result;
    return result;
  }

  /**
   * A --join table that no school of a year's files has a row in adds nothing: said once
   * per table, naming the id columns compared (fos check shows every table's coverage).
   */
  private warnUnjoined(loaded: Loaded) {
    const none = new Map<string, { idColumn: string; rows: number; years: string[] }>();
    for (const y of loaded.years) {
      for (const j of y.joins ?? []) {
        if (j.matched > 0) continue;
        const had = none.get(j.file) ?? { idColumn: j.idColumn, rows: j.rows, years: [] };
        had.years.push(y.year);
        none.set(j.file, had);
      }
    }
    const idName = loaded.map.id;
    for (const [file, j] of none) {
      this.warn(
        `--join ${basename(file)}: no school of ${j.years.length === loaded.years.length ? 'the files loaded' : j.years.join(', ')} has a row in it (its ${j.rows} rows' ${j.idColumn} compared with the schools' ${idName}), so it adds nothing; check the table is for the same schools, or name its id column with --join-id COL`,
      );
    }
  }

  /** Who takes part in a year, from the config (used by check and by the analysis). */
  eligibilityOptions(): EligibilityOptions {
    return this.config.eligibility;
  }

  private analysed?: YearAnalysis[];

  /** Who runs the large searches and the judging: this thread, and helper threads (started
   * only when a file or a search is that large) unless --threads 1. */
  readonly runner: Scheduler;

  analyse(): YearAnalysis[] {
    if (this.analysed) return this.analysed;
    const { years, map } = this.load();
    const c = this.config;
    const key = this.key();
    this.analysed = analyse(
      pooledContext(years, c.contextYears, key),
      { eligibility: c.eligibility, families: c.families, rule: { ...c.rule, hasBounds: map.ci !== undefined }, keepFamilies: c.keepFamilies, key },
      (y) => this.progress(`building families for ${y}…`),
      this.runner,
    );
    this.endProgress();
    this.warnFamilySize(this.analysed);
    return this.analysed;
  }

  /**
   * A --size or --groups that leaves nothing to compare is allowed but said, once for all
   * years: a size of at least a year's eligible schools makes one family of all of them;
   * more groups than a third of them leave families too small for a z (which needs two
   * others beside the school).
   */
  private warnFamilySize(years: YearAnalysis[]) {
    const { method, size, groups } = this.config.families;
    const counts = (hit: (n: number) => boolean) =>
      years
        .filter((a) => a.families.schools.length > 0 && hit(a.families.schools.length))
        .map((a) => `${a.families.schools.length} in ${a.year}: ${a.data.files.map((f) => basename(f.file)).join(' + ')}`)
        .join(', ');
    const whole = method === 'neighbours' || method === 'size' ? counts((n) => size >= n) : '';
    if (whole) this.warn(`--size ${size} is not below the eligible schools (${whole}): ${method === 'size' ? 'one family holds' : "every school's family is"} all of them`);
    const tiny = method === 'quantiles' || method === 'ckmeans' ? counts((n) => groups * 3 > n) : '';
    if (tiny) this.warn(`--groups ${groups} over the eligible schools (${tiny}) gives families of fewer than 3 schools on average, too small to compare a school with the others`);
  }

  /** The year asked for with --year, else the latest loaded. */
  yearAnalysis(): YearAnalysis {
    const all = this.analyse();
    if (!this.config.year) return all[all.length - 1];
    const a = all.find((y) => y.year === this.config.year);
    if (!a) throw new FosError('INVALID_OPTION', `no data for --year ${this.config.year}`, {}, `years loaded: ${all.map((y) => y.year).join(', ')}`);
    return a;
  }

  private digits?: number;

  /** How the catalogue labels and rounds measure columns: the measure's name and decimals (over every school loaded), and the school a report is about. */
  naming(school?: string): Naming {
    const { years, map } = this.load();
    this.digits ??= Math.max(...years.map((y) => measureDigits(map.measure, y.schools.measure)));
    return { measure: measureName(this.config.labels, map.measure), digits: this.digits, school, labels: this.config.labels };
  }

  /** The words reports use (--label): LA, % FSM, England, the measure's name. */
  get labels(): Labels {
    return this.config.labels;
  }

  /** The measure as reports name it: its --label display name, else its column. */
  measureName(): string {
    return measureName(this.config.labels, this.load().map.measure);
  }

  meta(rows: number): Meta {
    const years = this.loaded?.years ?? [];
    // Paths relative to the current folder, so the same run elsewhere gives the same meta.
    const inputs: InputFile[] = years.flatMap((y) => y.files.map((f) => ({ file: relative(this.io.cwd, f.file), year: y.year, role: f.role, sha256: f.sha256, rows: f.rowsRead })));
    const l = this.linksFile;
    if (l) inputs.push({ file: relative(this.io.cwd, l.links.file), year: 'all', role: 'links', sha256: l.sha256, rows: l.links.rows });
    return { tool: 'fos', version: this.version, command: this.config.command, options: optionsInForce(this.config), inputs, rows };
  }
}
