import { showQuoteOf, showValue } from './formatValue';
import { AnnotationSummary, ChangedAnnotation, DiffReport, DocumentDiff } from './sidecarDiff';

// Plain text for terminals: one block per document, one line per annotation, indented details.

export function renderDiffText(report: DiffReport): string {
  const lines: string[] = [`Annotations: ${report.before} → ${report.after}`];
  if (!report.documents.length) lines.push('', 'No annotation changes.');
  for (const d of report.documents) lines.push('', ...documentLines(d));
  lines.push('', totalsLine(report));
  return lines.join('\n') + '\n';
}

export function totalsLine(report: DiffReport): string {
  const t = report.totals;
  return `${t.added} added, ${t.removed} removed, ${t.changed} changed in ${t.documents} document${t.documents === 1 ? '' : 's'}`;
}

function documentLines(d: DocumentDiff): string[] {
  const heading = d.status === 'changed' ? d.document : `${d.document} (sidecar ${d.status})`;
  const lines = [heading];
  for (const c of d.sidecarChanges) lines.push(`  ${c.field}: ${showValue(c.before)} → ${showValue(c.after)}`);
  for (const a of d.added) lines.push(...summaryLines('+', a));
  for (const a of d.removed) lines.push(...summaryLines('-', a));
  for (const c of d.changed) lines.push(...changedLines(c));
  return lines;
}

function summaryLines(sign: string, a: AnnotationSummary): string[] {
  const lines = [`  ${sign} ${a.kind} ${a.id} ${showQuoteOf(a)}`, ...(a.span ? [`      at: ${a.span.start}-${a.span.end}`] : [])];
  for (const f of a.fields) lines.push(`      ${f.field}: ${showValue(f.value)}`);
  return lines;
}

function changedLines(c: ChangedAnnotation): string[] {
  const lines = [`  ~ ${c.kind} ${c.id} ${showQuoteOf(c)}`];
  for (const f of c.changes) lines.push(`      ${f.field}: ${showValue(f.before)} → ${showValue(f.after)}`);
  if (c.moved) lines.push(`      moved: ${c.moved.before.start}-${c.moved.before.end} → ${c.moved.after.start}-${c.moved.after.end}`);
  return lines;
}
