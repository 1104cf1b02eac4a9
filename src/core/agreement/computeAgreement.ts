import { ANNOTATION_KINDS, AnnotationKind, formatAnnotationRef } from '../model';
import { TaskControl, throwIfCancelled } from '../ports/progress';
import { Cell, cohenKappa, countsPerUnit, fleissKappa, krippendorffAlpha } from './coefficients';
import { FieldDifference, findDisagreement, isCurated, isSettled, settledIds } from './disagreement';
import { AgreementField, fieldValue, FIELDS_BY_KIND } from './fields';
import { Coded, DEFAULT_IOU_THRESHOLD, matchUnits, Unit } from './matchUnits';
import { AgreementOptions, AgreementReport, AnnotatorData, DisagreementEntry, FieldAgreement } from './types';
import { characterAlpha, pairUnits, spanOf } from './unitizing';

/** The agreement service: units, unit agreement, field agreement and the disagreements, for any number of annotators. */
export function computeAgreement(annotators: readonly AnnotatorData[], options: AgreementOptions = {}, control?: TaskControl): AgreementReport {
  const names = annotators.map((a) => a.name);
  const kinds = (options.kinds ?? ANNOTATION_KINDS).filter((k) => ANNOTATION_KINDS.includes(k));
  const threshold = options.iouThreshold ?? DEFAULT_IOU_THRESHOLD;
  const settled = settledIds([...(options.curated ?? []), ...annotators.flatMap((a) => a.sidecars.flatMap((s) => s.annotations))]);
  // Coded annotations per document and kind; curated versions are the curator's, not an annotator's.
  const groups = new Map<string, Coded[]>();
  const documents = new Set<string>();
  annotators.forEach((data, annotator) => {
    for (const sidecar of data.sidecars) {
      documents.add(sidecar.document);
      for (const annotation of sidecar.annotations) {
        if (isCurated(annotation) || !kinds.includes(annotation.kind)) continue;
        const key = `${annotation.kind}\n${sidecar.document}`;
        groups.set(key, [...(groups.get(key) ?? []), { annotator, document: sidecar.document, annotation }]);
      }
    }
  });
  const unitsByKind = new Map<AnnotationKind, Unit[]>(kinds.map((k) => [k, []]));
  const keys = [...groups.keys()].sort();
  keys.forEach((key, i) => {
    throwIfCancelled(control, 'agreement');
    control?.progress?.report({ message: key.split('\n')[1], done: i, total: keys.length });
    const units = matchUnits(groups.get(key)!, threshold);
    unitsByKind.get(units[0].kind)!.push(...units);
  });

  const report: AgreementReport = { annotators: names, kinds, iouThreshold: threshold, units: { total: 0, byKind: {}, settled: 0 }, unitizing: [], fields: [], disagreements: [] };
  for (const kind of kinds) {
    const units = unitsByKind.get(kind)!;
    report.units.byKind[kind] = units.length;
    report.units.total += units.length;
    const perDocument = [...documents].sort().map((document) => ({
      length: options.documentLength?.(document) ?? Math.max(0, ...units.filter((u) => u.document === document).map((u) => u.end)),
      spans: names.map((_, i) => units.filter((u) => u.document === document && u.members.has(i)).map((u) => spanOf(u.members.get(i)!))),
    }));
    report.unitizing.push({ kind, characterAlpha: characterAlpha(perDocument), pairs: pairUnits(units, names) });
    const fields = FIELDS_BY_KIND[kind].filter((f) => !options.fields || options.fields.includes(f));
    for (const field of fields) report.fields.push(fieldAgreement(kind, field, units, names));
    for (const unit of units) {
      if (isSettled(unit, settled)) {
        report.units.settled++;
        continue;
      }
      const found = findDisagreement(unit, names.length, fields);
      if (found) report.disagreements.push(entry(found.unit, found.missing, found.fields, names, fields));
    }
  }
  control?.progress?.report({ message: 'done', done: keys.length, total: keys.length });
  report.disagreements.sort((a, b) => (a.document < b.document ? -1 : a.document > b.document ? 1 : a.start - b.start));
  return report;
}

function fieldAgreement(kind: AnnotationKind, field: AgreementField, units: readonly Unit[], names: readonly string[]): FieldAgreement {
  // Krippendorff's reliability data matrix: annotators by units two or more marked.
  const pairable = units.filter((u) => u.members.size >= 2);
  const matrix: Cell[][] = names.map((_, i) => pairable.map((u) => (u.members.has(i) ? fieldValue(u.members.get(i)!, field) : undefined)));
  const result: FieldAgreement = { kind, field, alpha: krippendorffAlpha(matrix), cohen: [], fleiss: fleissKappa(countsPerUnit(matrix)), confusion: [] };
  for (let a = 0; a < names.length; a++) {
    for (let b = a + 1; b < names.length; b++) {
      const pairs = pairable.flatMap((_, u) => (matrix[a][u] !== undefined && matrix[b][u] !== undefined ? [[matrix[a][u]!, matrix[b][u]!] as [string, string]] : []));
      result.cohen.push({ a: names[a], b: names[b], ...cohenKappa(pairs) });
      const labels = [...new Set(pairs.flat())].sort();
      const counts = labels.map(() => labels.map(() => 0));
      for (const [x, y] of pairs) counts[labels.indexOf(x)][labels.indexOf(y)]++;
      result.confusion.push({ a: names[a], b: names[b], labels, counts });
    }
  }
  return result;
}

function entry(unit: Unit, missing: number[], differences: readonly FieldDifference[], names: readonly string[], fields: readonly AgreementField[]): DisagreementEntry {
  const members = [...unit.members].sort(([a], [b]) => a - b);
  return {
    document: unit.document,
    kind: unit.kind,
    start: unit.start,
    end: unit.end,
    quote: members[0][1].anchor.exact,
    members: members.map(([i, a]) => ({
      annotator: names[i],
      id: a.id,
      ref: formatAnnotationRef(unit.document, a.id),
      author: a.author,
      values: Object.fromEntries(fields.map((f) => [f, fieldValue(a, f)]).filter(([, v]) => v !== undefined)),
    })),
    missing: missing.map((i) => names[i]),
    fields: differences.map((d) => ({ field: d.field, values: Object.fromEntries(members.map(([i]) => [names[i], d.values.get(i) ?? null])) })),
  };
}

