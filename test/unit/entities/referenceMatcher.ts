// A straightforward reference for the entity matcher: one RegExp per alias that spells the
// matching rules out (README "Matching rules"), run at every position, then leftmost-longest.
// It shares only the definitions (which code units fold together, which letters keep their
// case) with the product, never its mechanism (automaton, start recovery, boundary filter).
import type { Catalogue } from '../../../src/core/entities/index';
import { exactPositions } from '../../../src/core/entities/matcher/caseRule';
import { foldExactTable, foldLowerTable, foldString, SKIP, SPACE } from '../../../src/core/entities/matcher/fold';

export interface RefMention {
  start: number;
  end: number;
  entityId: string;
}

const hex = (c: number): string => `\\u{${c.toString(16)}}`;

let tables: { ignorable: string; space: string; lowerClass: Map<number, string>; exactClass: Map<number, string> } | undefined;

/** Character classes from the fold tables: every BMP code unit that folds to the same unit. */
function classes(): NonNullable<typeof tables> {
  if (tables) return tables;
  const lower = foldLowerTable();
  const exact = foldExactTable();
  const ign: number[] = [];
  const sp: number[] = [];
  const lowerMembers = new Map<number, number[]>();
  const exactMembers = new Map<number, number[]>();
  for (let c = 0; c < 0x10000; c++) {
    if (c >= 0xd800 && c <= 0xdfff) continue; // astral characters are compared as whole code points
    if (lower[c] === SKIP) ign.push(c);
    else if (lower[c] === SPACE) sp.push(c);
    else {
      (lowerMembers.get(lower[c]) ?? lowerMembers.set(lower[c], []).get(lower[c])!).push(c);
      (exactMembers.get(exact[c]) ?? exactMembers.set(exact[c], []).get(exact[c])!).push(c);
    }
  }
  const cls = (xs: number[]) => `[${xs.map(hex).join('')}]`;
  const toMap = (m: Map<number, number[]>) => new Map([...m].map(([k, v]) => [k, cls(v)]));
  return (tables = { ignorable: cls(ign), space: cls(sp), lowerClass: toMap(lowerMembers), exactClass: toMap(exactMembers) });
}

/** The alias as a RegExp source: each folded unit, ignorable characters anywhere between, space runs. */
function aliasSource(exactFolded: string, positions: Set<number>): string {
  const { ignorable, space, lowerClass, exactClass } = classes();
  const lower = foldLowerTable();
  const parts: string[] = [];
  for (let i = 0; i < exactFolded.length; i++) {
    const u = exactFolded.charCodeAt(i);
    let unit: string;
    if (u >= 0xd800 && u <= 0xdbff) {
      unit = hex(exactFolded.codePointAt(i)!);
      i++;
    } else if (u === SPACE) unit = `${space}(?:${space}|${ignorable})*`;
    else unit = positions.has(i) ? exactClass.get(u)! : lowerClass.get(lower[u])!;
    parts.push(unit);
  }
  return parts.join(`${ignorable}*`);
}

const WORD = /[\p{L}\p{N}\p{M}]/u;

/** Leftmost-longest mentions of the catalogue in `text`, by the rules spelled out as RegExps. */
export function referenceScan(catalogue: Catalogue, text: string): RefMention[] {
  const lower = foldLowerTable();
  const exact = foldExactTable();
  interface Alias {
    re: RegExp;
    strictness: number;
    order: number;
    entityId: string;
  }
  const aliases: Alias[] = [];
  catalogue.entities.forEach((e, order) => {
    for (const name of [e.name, ...e.aliases]) {
      const folded = foldString(name, exact);
      if (!foldString(name, lower)) continue;
      const positions = exactPositions(folded);
      const first = String.fromCodePoint(folded.codePointAt(0)!);
      const last = String.fromCodePoint(folded.codePointAt(folded.length - 1 - (/[\udc00-\udfff]/.test(folded.at(-1)!) ? 1 : 0))!);
      // A name that starts (ends) with a word character must not start (end) inside a word.
      const before = WORD.test(first) ? '(?<![\\p{L}\\p{N}\\p{M}])' : '';
      const after = WORD.test(last) ? '(?![\\p{L}\\p{N}\\p{M}])' : '';
      aliases.push({ re: new RegExp(`${before}(?:${aliasSource(folded, new Set(positions))})${after}`, 'uy'), strictness: positions.length, order, entityId: e.id });
    }
  });
  // Every occurrence: at each start, each alias's longest match (its only one: the pattern is fixed).
  const found: { start: number; end: number; alias: Alias }[] = [];
  for (let start = 0; start < text.length; start++) {
    for (const alias of aliases) {
      alias.re.lastIndex = start;
      const m = alias.re.exec(text);
      if (m) found.push({ start, end: start + m[0].length, alias });
    }
  }
  // Leftmost, then longest; on the same span, the stricter alias, then catalogue order.
  found.sort((a, b) => a.start - b.start || b.end - a.end || b.alias.strictness - a.alias.strictness || a.alias.order - b.alias.order);
  const out: RefMention[] = [];
  let lastEnd = -1;
  for (const f of found) {
    if (f.start < lastEnd) continue;
    if (out.length && out[out.length - 1].start === f.start) continue;
    out.push({ start: f.start, end: f.end, entityId: f.alias.entityId });
    lastEnd = f.end;
  }
  return out;
}
