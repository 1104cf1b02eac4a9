// 5. One keystroke in a 1 MB document with 1,000 annotations and 5,000 entity mentions: what the
// editor does per change event (annotation spans, mention shift) and per debounced rescan (the
// edited lines only, read through the host's line model), using the host-free helpers of
// src/core/entities/mentionEdits.ts. The host's own update of its lines is VS Code's work: untimed.
import type { TextChange } from '../../src/core/anchoring';
import { buildEntityIndex, type EntityIndex, type Mention } from '../../src/core/entities';
import type { LoadedSidecar } from '../../src/core/store/sidecarStore';
import { DocumentAnnotations } from '../../src/core/workspace/documentAnnotations';
import { offsetMentions, rescanRegion, shiftMentions, spliceMentions } from '../../src/core/entities/mentionEdits';
import { generateAnnotations } from '../lib/annotations';
import { generateCatalogue } from '../lib/catalogue';
import { figure, stats } from '../lib/measure';
import { rng } from '../lib/prng';
import { LineDocument } from '../lib/lineDocument';
import { generateText, seedSentences } from '../lib/text';
import type { BenchConfig, Figure } from '../lib/types';
import type { Span } from '../../src/core/anchoring';

export interface EditorState {
  document: LineDocument;
  model: DocumentAnnotations;
  mentions: Mention[];
  dirty?: Span;
}

/** The change event: spans follow the edit, mentions shift (those touched drop), the text changes. */
export function onChange(s: EditorState, change: TextChange): void {
  s.model.applyEdits([change]);
  s.dirty = shiftMentions(s.mentions, [change], s.dirty);
  s.document.apply(change);
}

/** The debounced rescan: only the lines around what changed. */
export function rescan(s: EditorState, index: EntityIndex): void {
  if (!s.dirty) return;
  const region = rescanRegion(s.document, s.mentions, s.dirty);
  const fresh = offsetMentions(index.scan(region.readText()), region.start);
  s.mentions = spliceMentions(s.mentions, region, fresh);
  s.dirty = undefined;
}

export function editorState(c: BenchConfig): { state: EditorState; index: EntityIndex } {
  const { docBytes, annotations, mentions, aliases } = c.incremental;
  const { catalogue, aliases: names } = generateCatalogue(aliases);
  const index = buildEntityIndex(catalogue);
  const text = generateText(seedSentences(c.seedsDir), docBytes, rng(77), { names, charsPerName: Math.max(1, Math.floor((0.42 * docBytes) / mentions)) });
  const sidecar = { schemaVersion: 1, document: 'doc.txt', fingerprint: '', annotations: generateAnnotations(text, annotations, rng(78)) };
  const base: LoadedSidecar = { documentPath: 'doc.txt', file: '/ws/annotations/doc.txt.yaml', name: 'annotations/doc.txt.yaml', text: undefined, read: { sidecar, problems: [], writable: true } };
  const model = new DocumentAnnotations('doc.txt', base);
  model.reset(sidecar, []);
  return { state: { document: new LineDocument(text), model, mentions: index.scan(text) }, index };
}

export async function runIncremental(c: BenchConfig, log: (s: string) => void): Promise<Figure[]> {
  const { state, index } = editorState(c);
  const mentionCount = state.mentions.length;
  const r = rng(79);
  // Tracked here rather than asked of the line model, so that its lazy line starts are computed inside the timed calls, as in the host.
  let length = state.document.text().length;
  let at = Math.floor(length / 2);
  const parts = { spans: [] as number[], mentions: [] as number[], rescan: [] as number[], total: [] as number[] };
  const runs = Math.max(c.runs * 4, 20);
  for (let i = -c.warmup * 4; i < runs; i++) {
    // Typing: one character after another, now and then somewhere else.
    if (r.next() < 0.1) at = r.int(length);
    const change = { start: at, end: at, text: 'e' };
    at++;
    length++;
    const t0 = performance.now();
    state.model.applyEdits([change]);
    const t1 = performance.now();
    state.dirty = shiftMentions(state.mentions, [change], state.dirty);
    const t2 = performance.now();
    state.document.apply(change);
    const t3 = performance.now();
    rescan(state, index);
    const t4 = performance.now();
    if (i < 0) continue;
    parts.spans.push(t1 - t0);
    parts.mentions.push(t2 - t1);
    parts.rescan.push(t4 - t3);
    parts.total.push(t2 - t0 + (t4 - t3));
  }
  const label = `${c.incremental.annotations} annotations, ${mentionCount} mentions`;
  const out = [
    figure({ suite: 'incremental', name: `keystroke total (${label})`, metric: 'keystroke', unit: 'ms', target: { max: 2 }, extra: { mentions: mentionCount } }, stats(parts.total)),
    figure({ suite: 'incremental', name: 'annotation spans (DocumentAnnotations.applyEdits)', metric: 'spans', unit: 'ms' }, stats(parts.spans)),
    figure({ suite: 'incremental', name: 'mention shift (shiftMentions)', metric: 'mentions', unit: 'ms' }, stats(parts.mentions)),
    figure({ suite: 'incremental', name: 'rescan of the edited lines (read through the line model)', metric: 'rescan', unit: 'ms' }, stats(parts.rescan)),
  ];
  log(`incremental: total ${out[0].median.toFixed(3)} ms (spans ${out[1].median.toFixed(3)}, mentions ${out[2].median.toFixed(3)}, rescan ${out[3].median.toFixed(3)}); ${mentionCount} mentions`);
  return out;
}
