import { NO_WORDS, showQuote, showString, showValue } from '../diff/formatValue';
import { FIELD_ORDER, isAnchorless, METADATA_FIELD_ORDER, SidecarEntry, sidecarEntries } from '../model';
import { formatProblem } from '../problem';
import { readSidecar } from '../store/readSidecar';

// What `git diff` and `git log -p` show for a sidecar (git's textconv): one block per annotation, its
// quoted words first, one field per line. Offsets sit on their own line, so an edit above an annotation
// changes one line per annotation rather than every header.

const SKIP = new Set(['id', 'kind', 'anchor']);

/** Renders a sidecar's text for review. A file that cannot be read is shown as it is, under a note why. */
export function renderSidecarForReview(text: string, file: string): string {
  const read = readSidecar(text, file);
  const error = read.problems.find((p) => p.severity === 'error');
  if (!read.sidecar || error) {
    const why = error ? formatProblem(error) : `${file}: not a sidecar`;
    return `# policy-annotator: cannot read this sidecar (${why}); shown as it is\n${text}${text.endsWith('\n') || !text ? '' : '\n'}`;
  }
  const { sidecar } = read;
  const count = sidecar.annotations.length;
  const lines = [`document: ${showString(sidecar.document)}`, `fingerprint: ${sidecar.fingerprint || '(none)'}`];
  // Metadata fields one per line, so a changed date or title is one changed line in `git diff`.
  for (const field of METADATA_FIELD_ORDER) {
    const value = sidecar.metadata?.[field];
    if (value !== undefined) lines.push(`${field}: ${showValue(value)}`);
  }
  lines.push(`${count} annotation${count === 1 ? '' : 's'}`);
  // Links with no words of their own follow, by id (a sidecar without them reads as it always did).
  const links = sidecar.links?.length ?? 0;
  if (links) lines.push(`${links} link${links === 1 ? '' : 's'} with no words of ${links === 1 ? 'its' : 'their'} own`);
  for (const a of sidecarEntries(sidecar)) lines.push('', ...annotationBlock(a));
  return lines.join('\n') + '\n';
}

function annotationBlock(a: SidecarEntry): string[] {
  const lines = isAnchorless(a) ? [`${a.kind} ${a.id}`, `  ${NO_WORDS}`] : [`${a.kind} ${a.id}`, `  quote: ${showQuote(a.anchor.exact)}`, `  at: ${a.anchor.start}-${a.anchor.end}`];
  const record = a as unknown as Record<string, unknown>;
  for (const field of FIELD_ORDER[a.kind]) {
    const value = record[field];
    if (SKIP.has(field) || value === undefined) continue;
    if (typeof value === 'string' && value.includes('\n') && !/\r/.test(value)) {
      lines.push(`  ${field}: |`, ...value.split('\n').map((l) => (l ? `    ${l}` : '')));
    } else lines.push(`  ${field}: ${showValue(value)}`);
  }
  return lines;
}
