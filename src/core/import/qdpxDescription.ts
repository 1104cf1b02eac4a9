import { AnnotationKind, LINK_RELATIONS } from '../model';

// Our own REFI-QDA export describes each selection in words (qdpxExport.ts `describe`): a first line per
// kind, the note, the tags, a review line, and a last line naming the annotation. Reading that back gives
// what codes cannot carry: a claim's label and speaker, a stance's holder and target, a link's two ends.
// A description in any other shape is not ours and becomes note text.

export interface OwnDescription {
  label?: string;
  speaker?: string;
  holder?: string;
  target?: string;
  from?: string;
  to?: string;
  note?: string;
}

const LAST = /^Policy Annotator: \S+, by .*$/;
const LINK = new RegExp(`^Link: (.+) (${LINK_RELATIONS.join('|')}) (.+)$`);

export function readOwnDescription(description: string, kind: AnnotationKind, tags: readonly string[] = []): OwnDescription | undefined {
  const lines = description.split('\n');
  if (!LAST.test(lines.at(-1) ?? '')) return undefined;
  lines.pop();
  if (lines.at(-1)?.startsWith('Needs review: ')) lines.pop();
  if (tags.length && lines.at(-1) === `Tags: ${tags.join(', ')}`) lines.pop();
  const head = lines.shift() ?? '';
  const out: OwnDescription = {};
  let m: RegExpExecArray | null;
  if (kind === 'claim' && (m = /^Claim \([a-z]+\) by (\S+): (.*)$/.exec(head))) Object.assign(out, { speaker: m[1], label: m[2] });
  else if (kind === 'stance' && (m = /^Stance \([a-z]+\) of (\S+) on (.*)$/.exec(head))) Object.assign(out, { holder: m[1], target: m[2] });
  else if (kind === 'link' && (m = LINK.exec(head))) Object.assign(out, { from: m[1], to: m[3] });
  else if (!(kind === 'note' && head === 'Note')) return undefined;
  if (lines.length) out.note = lines.join('\n');
  return out;
}
