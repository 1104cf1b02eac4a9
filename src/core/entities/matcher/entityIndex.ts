// The compiled catalogue: build once per catalogue, scan many documents.

import type { Catalogue, Entity, Mention } from '../types';
import { buildAutomaton } from './automaton';
import { exactPositions } from './caseRule';
import { foldExactTable, foldLowerTable, foldString, SKIP, SPACE } from './fold';
import { MatchList } from './select';
import { wordCharAt, wordCharBefore, wordUnitTable } from './wordChars';

/** One name or alias of one entity, ready for verification. */
interface AliasEntry {
  entity: number;
  /** The alias as written in the catalogue. */
  alias: string;
  /** Case-keeping folded alias, and the positions in it whose case must match. */
  exact: string;
  positions: number[];
}

export interface EntityIndex {
  readonly entities: readonly Entity[];
  /** Distinct (entity, folded alias) pairs compiled, names included. */
  readonly aliasCount: number;
  /** Aliases two entities share; the first entity in catalogue order gets the mention. */
  readonly sharedAliases: readonly { alias: string; entityIds: string[] }[];
  entity(id: string): Entity | undefined;
  /** Catalogue mentions of `text`, leftmost-longest, non-overlapping, sorted by start. */
  scan(text: string): Mention[];
}

export function buildEntityIndex(catalogue: Catalogue): EntityIndex {
  const lower = foldLowerTable();
  const exactTable = foldExactTable();
  const entities = catalogue.entities;
  const byId = new Map<string, Entity>();
  const patternOf = new Map<string, number>();
  const patterns: string[] = [];
  const patternAliases: AliasEntry[][] = [];
  const seen = new Set<string>();
  let aliasCount = 0;

  entities.forEach((entity, e) => {
    if (!byId.has(entity.id)) byId.set(entity.id, entity);
    for (const alias of [entity.name, ...entity.aliases]) {
      const key = foldString(alias, lower);
      const exact = foldString(alias, exactTable);
      if (!key || seen.has(`${e}\u0000${exact}`)) continue;
      seen.add(`${e}\u0000${exact}`);
      aliasCount++;
      let p = patternOf.get(key);
      if (p === undefined) {
        patternOf.set(key, (p = patterns.length));
        patterns.push(key);
        patternAliases.push([]);
      }
      patternAliases[p].push({ entity: e, alias, exact, positions: exactPositions(exact) });
    }
  });

  const sharedAliases: { alias: string; entityIds: string[] }[] = [];
  patternAliases.forEach((list, p) => {
    // Stricter aliases first: "IDEA" (exact) is tried before an "idea" that matches any case.
    list.sort((a, b) => b.positions.length - a.positions.length || a.entity - b.entity);
    const ids = [...new Set(list.map((a) => entities[a.entity].id))];
    if (ids.length > 1) sharedAliases.push({ alias: list[0].alias, entityIds: ids });
    // The first alias that passes wins, so a later one with the same case form can never win:
    // dropping it bounds the work per match by the number of case variants.
    const forms = new Set<string>();
    patternAliases[p] = list.filter((a) => !forms.has(a.exact) && forms.add(a.exact));
  });

  // A name that starts (ends) with a letter or digit must not start (end) inside a word.
  const needStart = Uint8Array.from(patterns, (p) => (wordCharAt(p, 0) ? 1 : 0));
  const needEnd = Uint8Array.from(patterns, (p) => (wordCharBefore(p, p.length) ? 1 : 0));
  const automaton = buildAutomaton(patterns, lower, { needStart, needEnd, wordUnit: wordUnitTable() });
  const found = new MatchList();
  const chosenAlias: AliasEntry[] = [];

  // Walks the original text in folded steps, without allocating: most matches are checked here.
  function caseMatches(text: string, start: number, end: number, alias: AliasEntry): boolean {
    const positions = alias.positions;
    if (positions.length === 0) return true;
    let k = 0;
    let folded = 0;
    let prevSpace = false;
    for (let i = start; i < end && k < positions.length; i++) {
      const f = exactTable[text.charCodeAt(i)];
      if (f === SKIP) continue;
      if (f === SPACE) {
        if (prevSpace) continue;
        prevSpace = true;
      } else prevSpace = false;
      if (folded === positions[k]) {
        if (f !== alias.exact.charCodeAt(folded)) return false;
        k++;
      }
      folded++;
    }
    return k === positions.length;
  }

  return {
    entities,
    aliasCount,
    sharedAliases,
    entity: (id) => byId.get(id),
    scan(text) {
      found.clear();
      chosenAlias.length = 0;
      automaton.scan(text, (p, start, end) => {
        // Exact check: the automaton's filter leaves surrogate neighbours undecided.
        if (needStart[p] === 1 && wordCharBefore(text, start)) return;
        if (needEnd[p] === 1 && wordCharAt(text, end)) return;
        for (const alias of patternAliases[p]) {
          if (!caseMatches(text, start, end, alias)) continue;
          found.add(start, end, chosenAlias.length);
          chosenAlias.push(alias);
          return;
        }
      });
      return found.selectLeftmostLongest().map((k): Mention => {
        const start = found.start[k];
        const end = found.end[k];
        const entity = entities[chosenAlias[found.item[k]].entity];
        return { start, end, text: text.slice(start, end), entityId: entity.id, type: entity.type, source: 'catalogue' };
      });
    },
  };
}
