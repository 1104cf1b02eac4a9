import { clip } from '../text/clip';
import { AlphaResult } from './coefficients';
import { AgreementReport, DisagreementEntry } from './types';

// The agreement report as text (terminal), Markdown (a pull-request comment, the editor's preview)
// or JSON (scripts). Every figure is printed with the counts behind it.

export const AGREEMENT_FORMATS = ['text', 'markdown', 'json'] as const;
export type AgreementFormat = (typeof AGREEMENT_FORMATS)[number];

export interface RenderOptions {
  /** Where a disagreement's passage opens: a link target for Markdown, a location for text. */
  locate?: (document: string, start: number) => string;
}

const fixed = (x: number | undefined, digits = 3) => (x === undefined ? 'n/a' : x.toFixed(digits));
const alphaText = (r: AlphaResult, unit = 'units') => `α = ${fixed(r.alpha)} (${r.units} ${unit}, ${Math.round(r.pairableValues * 1000) / 1000} pairable values)`;

export function renderAgreement(report: AgreementReport, format: AgreementFormat, options: RenderOptions = {}): string {
  if (format === 'json') return JSON.stringify(report, null, 2) + '\n';
  return format === 'markdown' ? renderMarkdown(report, options) : renderText(report, options);
}

function header(report: AgreementReport): string[] {
  const byKind = Object.entries(report.units.byKind).map(([k, n]) => `${k} ${n}`).join(', ');
  return [
    `${report.annotators.length} annotators: ${report.annotators.join(', ')}`,
    `Units matched by span (exact span first, then best IoU ≥ ${report.iouThreshold}, one-to-one): ${report.units.total} (${byKind || 'none'}); ${report.units.settled} settled by a curator`,
  ];
}

function renderText(report: AgreementReport, options: RenderOptions): string {
  const lines = [...header(report), '', 'Unit agreement'];
  for (const u of report.unitizing) {
    lines.push(`  ${u.kind}: character-level ${alphaText(u.characterAlpha, 'characters')}`);
    for (const p of u.pairs) lines.push(`    ${p.a} / ${p.b}: precision ${fixed(p.precision, 2)}, recall ${fixed(p.recall, 2)}, F1 ${fixed(p.f1, 2)} (${p.matched} matched; ${p.aCount} and ${p.bCount} marked)`);
  }
  lines.push('', "Field agreement (Krippendorff's α nominal, Cohen's κ per pair, Fleiss' κ)");
  for (const f of report.fields) {
    lines.push(`  ${f.kind} ${f.field}: ${alphaText(f.alpha)}; Fleiss κ = ${fixed(f.fleiss.kappa)}${f.fleiss.reason ? ` (${f.fleiss.reason})` : ` (${f.fleiss.units} units, ${f.fleiss.raters} each)`}`);
    for (const c of f.cohen) lines.push(`    Cohen κ ${c.a} / ${c.b} = ${fixed(c.kappa)} (${c.units} units)`);
  }
  lines.push('', `Disagreements: ${report.disagreements.length}`);
  for (const d of report.disagreements) lines.push(...disagreementText(d, options));
  return lines.join('\n') + '\n';
}

function disagreementText(d: DisagreementEntry, options: RenderOptions): string[] {
  const where = options.locate?.(d.document, d.start) ?? `${d.document}@${d.start}-${d.end}`;
  const out = [`  ${where} ${d.kind} "${clip(d.quote)}"`];
  for (const f of d.fields) out.push(`    ${f.field}: ${Object.entries(f.values).map(([who, v]) => `${who} ${v ?? '-'}`).join(' | ')}`);
  if (d.missing.length) out.push(`    not marked by ${d.missing.join(', ')}`);
  out.push(`    ${d.members.map((m) => `${m.annotator}: ${m.ref}`).join('  ')}`);
  return out;
}

function renderMarkdown(report: AgreementReport, options: RenderOptions): string {
  const cell = (s: string) => s.replace(/\|/g, '\\|').replace(/\n/g, ' ');
  const lines = ['## Agreement', '', ...header(report).map((h) => `- ${h}`), '', '### Unit agreement', '', '| kind | pair | precision | recall | F1 | matched / marked |', '| --- | --- | --- | --- | --- | --- |'];
  for (const u of report.unitizing) for (const p of u.pairs) lines.push(`| ${u.kind} | ${cell(p.a)} / ${cell(p.b)} | ${fixed(p.precision, 2)} | ${fixed(p.recall, 2)} | ${fixed(p.f1, 2)} | ${p.matched} / ${p.aCount}, ${p.bCount} |`);
  lines.push('', ...report.unitizing.map((u) => `- ${u.kind}: character-level ${alphaText(u.characterAlpha, 'characters')}`));
  lines.push('', '### Field agreement', '', "| kind | field | Krippendorff's α | units | pairable values | Fleiss' κ | Cohen's κ per pair |", '| --- | --- | --- | --- | --- | --- | --- |');
  for (const f of report.fields) {
    const cohen = f.cohen.map((c) => `${cell(c.a)} / ${cell(c.b)}: ${fixed(c.kappa)} (${c.units})`).join('; ');
    lines.push(`| ${f.kind} | ${f.field} | ${fixed(f.alpha.alpha)} | ${f.alpha.units} | ${Math.round(f.alpha.pairableValues * 1000) / 1000} | ${fixed(f.fleiss.kappa)}${f.fleiss.reason ? ` (${f.fleiss.reason})` : ''} | ${cohen} |`);
  }
  for (const f of report.fields) {
    for (const c of f.confusion) {
      if (!c.labels.length) continue;
      lines.push('', `**${f.kind} ${f.field}**: ${cell(c.a)} (rows) × ${cell(c.b)} (columns)`, '', `| | ${c.labels.map(cell).join(' | ')} |`, `| --- |${c.labels.map(() => ' --- |').join('')}`);
      c.labels.forEach((label, i) => lines.push(`| ${cell(label)} | ${c.counts[i].join(' | ')} |`));
    }
  }
  lines.push('', `### Disagreements (${report.disagreements.length})`, '');
  for (const d of report.disagreements) {
    const target = options.locate?.(d.document, d.start);
    const place = target ? `[${d.document}](${target})` : `${d.document}`;
    const fields = d.fields.map((f) => `${f.field}: ${Object.entries(f.values).map(([who, v]) => `${who} *${v ?? '-'}*`).join(' vs ')}`);
    if (d.missing.length) fields.push(`not marked by ${d.missing.join(', ')}`);
    lines.push(`- ${place} ${d.kind} “${cell(clip(d.quote))}”: ${cell(fields.join('; '))} (${d.members.map((m) => `${m.annotator} \`${m.id}\``).join(', ')})`);
  }
  return lines.join('\n') + '\n';
}
