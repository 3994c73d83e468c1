import { linkColumnsIn, schoolLinks, type SchoolLinks } from '../core/load/schoolLinks.js';
import { openTable, parseTable } from './readTable.js';

/** A links file as read: the links, and what a report's meta records of the file. */
export interface LinksFile {
  links: SchoolLinks;
  sha256: string;
  encoding: string;
}

/**
 * A GIAS links file (`--links`, e.g. links_edubasealldata20250422.csv: quoted,
 * Windows-1252) read into its links (core/load/schoolLinks.ts). Its encoding and delimiter
 * are detected whatever --encoding and --delimiter say of the data files, since it is
 * GIAS's own file, not the user's.
 */
export function readLinks(file: string, o: { strict?: boolean } = {}): LinksFile {
  const src = openTable(file, { strict: o.strict });
  const columns = Object.values(linkColumnsIn(src.header, file)).filter((c): c is string => c !== undefined);
  return { links: schoolLinks(parseTable(src, columns)), sha256: src.sha256, encoding: src.encoding };
}
