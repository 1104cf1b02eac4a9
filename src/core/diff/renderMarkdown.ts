import { AnnotationSummary, ChangedAnnotation, DiffReport, DocumentDiff } from './sidecarDiff';
import { totalsLine } from './renderText';
import { NO_WORDS } from './formatValue';

// GitHub-flavoured Markdown for a pull-request comment. Every user-written string is escaped, so a quote
// can neither break the layout nor inject links, HTML or @mentions.

export function renderDiffMarkdown(report: DiffReport): string {
  const out: string[] = [`### Annotation changes: ${code(report.before)} → ${code(report.after)}`, '', `**${totalsLine(report)}**`];
  for (const d of report.documents) out.push('', ...documentBlock(d));
  return out.join('\n') + '\n';
}

function documentBlock(d: DocumentDiff): string[] {
  const suffix = d.status === 'changed' ? '' : ` (sidecar ${d.status})`;
  const lines = [`#### ${code(d.document)}${suffix}`, ''];
  for (const c of d.sidecarChanges) lines.push(`- ${c.field}: ${change(c.before, c.after)}`);
  for (const a of d.added) lines.push(...summaryItem('Added', a));
  for (const a of d.removed) lines.push(...summaryItem('Removed', a));
  for (const c of d.changed) lines.push(...changedItem(c));
  return lines;
}

function summaryItem(verb: string, a: AnnotationSummary): string[] {
  const lines = [`- **${verb}** ${a.kind} ${code(a.id)}: ${a.anchorless ? NO_WORDS : quote(a.exact)}`];
  for (const f of a.fields) lines.push(`  - ${f.field}: ${value(f.value)}`);
  return lines;
}

function changedItem(c: ChangedAnnotation): string[] {
  const lines = [`- **Changed** ${c.kind} ${code(c.id)}: ${c.anchorless ? NO_WORDS : quote(c.exact)}`];
  for (const f of c.changes) lines.push(`  - ${f.field}: ${change(f.before, f.after)}`);
  if (c.moved) lines.push(`  - moved: ${c.moved.before.start}–${c.moved.before.end} → ${c.moved.after.start}–${c.moved.after.end}`);
  return lines;
}

function change(before: unknown, after: unknown): string {
  return `${before === undefined ? '*(none)*' : `~~${value(before)}~~`} → ${after === undefined ? '*(none)*' : `**${value(after)}**`}`;
}

function value(v: unknown): string {
  if (v === undefined || v === null) return '*(none)*';
  if (Array.isArray(v)) return v.map((x) => value(x)).join(', ');
  if (typeof v === 'object') {
    return Object.entries(v as Record<string, unknown>)
      .filter(([, x]) => x !== undefined)
      .map(([k, x]) => `${k}: ${value(x)}`)
      .join('; ');
  }
  const text = String(v);
  // Edge spaces would end emphasis early; quotes keep them inside and visible.
  return /^\s|\s$/.test(text) ? `“${escapeMarkdown(text)}”` : escapeMarkdown(text);
}

function quote(text: string): string {
  return `“${escapeMarkdown(text)}”`;
}

/** Inline code that holds any text: the fence is longer than any backtick run inside. */
function code(text: string): string {
  const longest = Math.max(0, ...(text.match(/`+/g) ?? []).map((r) => r.length));
  const fence = '`'.repeat(longest + 1);
  const pad = text.startsWith('`') || text.endsWith('`') ? ' ' : '';
  return `${fence}${pad}${text.replace(/\n/g, ' ')}${pad}${fence}`;
}

/** Escapes Markdown syntax; line breaks become a visible ↵ so one value stays on one list line. */
export function escapeMarkdown(text: string): string {
  return text
    .replace(/\r?\n/g, ' ↵ ')
    .replace(/[\\`*_{}[\]<>()#+\-.!|~]/g, (c) => `\\${c}`)
    .replace(/@/g, '@\u200b')
    .replace(/&/g, '&amp;');
}
