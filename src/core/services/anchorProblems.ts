import { isMap, isSeq } from 'yaml';
import { Problem } from '../problem';
import { problemAtPath } from '../yaml/locate';
import { DocumentReport } from './common/anchorDocuments';

/** Anchors that are not exactly where the sidecar says are problems a reviewer must see. */
export function anchorProblems(report: DocumentReport): Problem[] {
  const parsed = report.loaded.read.parsed;
  if (!report.anchored || !parsed) return [];
  const seq = isMap(parsed.doc.contents) ? parsed.doc.contents.get('annotations', true) : undefined;
  const indexOf = (id: string) => (isSeq(seq) ? seq.items.findIndex((item) => isMap(item) && item.get('id') === id) : -1);
  const problems: Problem[] = [];
  const original = new Map(report.loaded.read.sidecar!.annotations.map((a) => [a.id, a]));
  for (const outcome of report.anchored.outcomes) {
    const at = (field: string, message: string, severity: Problem['severity'] = 'error') => ({ ...problemAtPath(report.loaded.name, parsed.doc, parsed.lines, `/annotations/${indexOf(outcome.id)}/${field}`, message), severity });
    const before = original.get(outcome.id)!;
    if (before.review) problems.push(at('review', `annotation ${outcome.id} needs review (${before.review.status})${before.review.reason ? ': ' + before.review.reason : ''}`));
    switch (outcome.status) {
      case 'moved': {
        const now = report.anchored.sidecar.annotations.find((a) => a.id === outcome.id)!.anchor;
        problems.push(at('anchor', `annotation ${outcome.id}: its words moved from ${before.anchor.start}-${before.anchor.end} to ${now.start}-${now.end}; run 'policy-annotator status --write' to update`, 'warning'));
        break;
      }
      case 'fuzzy':
        problems.push(at('anchor', `annotation ${outcome.id}: its words changed, "${outcome.was}" now reads "${outcome.now}": needs review`));
        break;
      case 'ambiguous':
        problems.push(at('anchor', `annotation ${outcome.id}: "${before.anchor.exact}" matches several places equally well: needs review`));
        break;
      case 'orphaned':
        problems.push(at('anchor', `annotation ${outcome.id}: "${before.anchor.exact}" is no longer in the document (orphaned, kept): re-attach it by hand`));
        break;
      case 'anchored':
        break;
    }
  }
  return problems;
}
