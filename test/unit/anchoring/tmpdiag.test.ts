import fc from 'fast-check';
import { it } from 'vitest';
import { applyChangesToText, createAnchor, reanchorAll } from '../../../src/core/anchoring';
import { TrackedSpan, buildChange, buildSpans, buildText, foreignEdits, spanSpecs, textSpec } from './propertyHelpers';
it('diag', () => {
  const rows: string[] = [];
  fc.assert(fc.property(textSpec, spanSpecs, foreignEdits, (spec, sp, edits) => {
    const oldText = buildText(spec); const spans = buildSpans(oldText, sp); if (!spans.length) return;
    let text = oldText; const tr = spans.map((s) => new TrackedSpan(oldText.length, s));
    for (const e of edits) { const c = buildChange(text, tr.map((t) => t.span), e); tr.forEach((t) => t.apply(c)); text = applyChangesToText(text, [c]); }
    const anchors = spans.map((s) => createAnchor(oldText, s.start, s.end));
    const res = reanchorAll(anchors, text);
    res.forEach((r, k) => { const ex = tr[k].span; if (ex && text.slice(ex.start, ex.end) === anchors[k].exact && r.status !== 'anchored' && r.status !== 'moved') rows.push(`OLD=${JSON.stringify(oldText.slice(Math.max(0,spans[k].start-40), spans[k].end+40))} NEW=${JSON.stringify(text.slice(Math.max(0,ex.start-40), ex.end+40))} ${r.status} len=${anchors[k].exact.length} ${JSON.stringify(anchors[k].exact.slice(0,30))} score=${r.score} seed=${spec.seed}`); });
  }), { numRuns: 400, seed: 42 });
  console.log(rows.join('\n'));
});
