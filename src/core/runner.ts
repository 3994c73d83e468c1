import type { ComparisonColumns } from './compare/comparisons.js';
import type { CandidateRule, JudgeData } from './compare/compareFamilies.js';
import type { ArrayMaker } from './families/arrayMaker.js';
import type { FamilyRows, NeighbourIndex } from './families/neighbours.js';

/**
 * How the two costly steps of an analysis are run. Without one, core runs its own plain
 * functions (searchFamilies, judgeRows) on the arrays it makes. Another runner (src/parallel
 * has one) gives functions with the same signatures and the same results, made another way.
 */
export interface Runner {
  /** How a search index makes its arrays. */
  arrays: ArrayMaker;
  /** Families of some schools, one set of rows per size (as neighbours.searchFamilies). */
  searchFamilies(index: NeighbourIndex, schools: Int32Array, sizes: readonly number[], tiesAll: boolean): FamilyRows[];
  /** Each row's school judged against its family (as compareFamilies.judgeRows: rows surely
   * not candidates may be left UNJUDGED). */
  judgeRows(data: JudgeData, rows: FamilyRows, rule: CandidateRule): ComparisonColumns;
}
