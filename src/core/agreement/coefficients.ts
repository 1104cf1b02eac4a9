// Chance-corrected agreement coefficients on nominal data, as published:
// - Krippendorff's α: K. Krippendorff (2011), "Computing Krippendorff's Alpha-Reliability", section C
//   (nominal data, any number of observers, missing data), through the coincidence matrix;
// - Cohen's κ (J. Cohen 1960) for two annotators;
// - Fleiss' κ (J. L. Fleiss 1971) for a fixed number of annotators per unit.
// A value is `undefined` when the coefficient is not defined for the data (no pairable values, or
// only one value used so that expected disagreement is 0); the counts behind it are always given.

/** One annotator's value for one unit, or undefined when the annotator did not code the unit. */
export type Cell = string | undefined;

export interface AlphaResult {
  alpha: number | undefined;
  /** Units with two or more values (the pairable units). */
  units: number;
  /** n: the number of pairable values, the total of the coincidence matrix. */
  pairableValues: number;
  /** Observed and expected disagreement, D_o and D_e. */
  observed: number;
  expected: number;
}

/**
 * Krippendorff's α for nominal data. `data[i][u]` is observer i's value for unit u (undefined: missing),
 * the reliability data matrix of the paper. Units with fewer than two values are not pairable and ignored.
 */
export function krippendorffAlpha(data: readonly (readonly Cell[])[]): AlphaResult {
  const unitCount = Math.max(0, ...data.map((row) => row.length));
  const coincidence = new Map<string, Map<string, number>>();
  const add = (c: string, k: string, w: number) => {
    const row = coincidence.get(c) ?? new Map<string, number>();
    row.set(k, (row.get(k) ?? 0) + w);
    coincidence.set(c, row);
  };
  let units = 0;
  for (let u = 0; u < unitCount; u++) {
    const values = data.map((row) => row[u]).filter((v): v is string => v !== undefined);
    const m = values.length;
    if (m < 2) continue;
    units++;
    // Each ordered pair of values from different observers adds 1/(m_u - 1).
    for (let i = 0; i < m; i++) for (let j = 0; j < m; j++) if (i !== j) add(values[i], values[j], 1 / (m - 1));
  }
  const marginal = new Map<string, number>();
  let n = 0;
  let disagreeing = 0;
  for (const [c, row] of coincidence) {
    for (const [k, w] of row) {
      marginal.set(c, (marginal.get(c) ?? 0) + w);
      n += w;
      if (c !== k) disagreeing += w;
    }
  }
  n = Math.round(n * 1e9) / 1e9;
  let expectedPairs = 0;
  for (const [c, nc] of marginal) for (const [k, nk] of marginal) if (c !== k) expectedPairs += nc * nk;
  const observed = n ? disagreeing / n : 0;
  const expected = n > 1 ? expectedPairs / (n * (n - 1)) : 0;
  const alpha = n > 1 && expected > 0 ? 1 - observed / expected : undefined;
  return { alpha, units, pairableValues: n, observed, expected };
}

export interface KappaResult {
  kappa: number | undefined;
  /** Units both annotators coded. */
  units: number;
  /** Observed and chance agreement, p_o and p_e. */
  observed: number;
  chance: number;
}

/** Cohen's κ for two annotators over the units both coded (pairs of values). */
export function cohenKappa(pairs: readonly (readonly [string, string])[]): KappaResult {
  const n = pairs.length;
  if (!n) return { kappa: undefined, units: 0, observed: 0, chance: 0 };
  const a = new Map<string, number>();
  const b = new Map<string, number>();
  let agree = 0;
  for (const [x, y] of pairs) {
    if (x === y) agree++;
    a.set(x, (a.get(x) ?? 0) + 1);
    b.set(y, (b.get(y) ?? 0) + 1);
  }
  const observed = agree / n;
  let chance = 0;
  for (const [value, count] of a) chance += (count / n) * ((b.get(value) ?? 0) / n);
  return { kappa: chance < 1 ? (observed - chance) / (1 - chance) : undefined, units: n, observed, chance };
}

export interface FleissResult {
  kappa: number | undefined;
  units: number;
  /** Annotators per unit, the same for every unit (else kappa is undefined and `reason` says why). */
  raters: number;
  observed: number;
  chance: number;
  reason?: string;
}

/** Fleiss' κ from the counts table: `counts[u][value]` = how many annotators gave unit u that value. */
export function fleissKappa(counts: readonly ReadonlyMap<string, number>[]): FleissResult {
  const totals = counts.map((row) => [...row.values()].reduce((s, x) => s + x, 0));
  const raters = totals[0] ?? 0;
  const none = { kappa: undefined, units: counts.length, raters, observed: 0, chance: 0 };
  if (!counts.length) return { ...none, reason: 'no units' };
  if (totals.some((t) => t !== raters)) return { ...none, raters: 0, reason: 'units have different numbers of annotators' };
  if (raters < 2) return { ...none, reason: 'fewer than two annotators per unit' };
  const share = new Map<string, number>();
  let agreement = 0;
  for (const row of counts) {
    let pairs = 0;
    for (const [value, c] of row) {
      pairs += c * (c - 1);
      share.set(value, (share.get(value) ?? 0) + c);
    }
    agreement += pairs / (raters * (raters - 1));
  }
  const observed = agreement / counts.length;
  let chance = 0;
  for (const c of share.values()) chance += (c / (counts.length * raters)) ** 2;
  return { kappa: chance < 1 ? (observed - chance) / (1 - chance) : undefined, units: counts.length, raters, observed, chance, reason: chance < 1 ? undefined : 'every annotator gave the same value' };
}

/** Counts the values of each unit (the table Fleiss' κ reads); missing cells are skipped. */
export function countsPerUnit(data: readonly (readonly Cell[])[]): Map<string, number>[] {
  const unitCount = Math.max(0, ...data.map((row) => row.length));
  const out: Map<string, number>[] = [];
  for (let u = 0; u < unitCount; u++) {
    const row = new Map<string, number>();
    for (const r of data) if (r[u] !== undefined) row.set(r[u]!, (row.get(r[u]!) ?? 0) + 1);
    out.push(row);
  }
  return out;
}
