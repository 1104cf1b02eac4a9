// Property tests: random documents (seed excerpts and generated text with repeated phrases,
// NBSP, curly quotes, emoji and CJK extension B), random annotations on word boundaries, random
// edits around and inside them. Every annotation must either land on the expected text or be
// flagged (fuzzy / ambiguous / orphaned): anchored or moved with other text is a failure.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import {
  applyChangesToText,
  applyEdits,
  createAnchor,
  reanchorAll,
  resultForTrackedSpan,
  type AnchorResult,
  type Span,
  type TextChange,
} from '../../../src/core/anchoring';
import {
  TrackedSpan,
  buildChange,
  buildSpans,
  buildText,
  equivalentChanges,
  foreignEdits,
  scatteredForeignEdits,
  spanSpecs,
  textSpec,
  wordEdits,
  type EditSpec,
} from './propertyHelpers';

interface Stats {
  runs: number;
  annotations: number;
  /** anchored/moved on the expected text */
  correct: number;
  /** fuzzy, ambiguous or orphaned */
  flagged: number;
  /** anchored/moved on text other than expected: must stay 0 */
  misplaced: number;
  /** quote unchanged by the edits (the expected text is the old quote) */
  intact: number;
  /** …and reported anchored/moved there */
  intactCorrect: number;
  /** anchored/moved on the expected words but not overlapping the tracked place (another copy) */
  otherCopy: number;
  /**
   * anchored/moved onto a verbatim copy (the quote with the same 24 characters on both sides)
   * while the original was deleted or changed: no method without the old text can tell these
   * apart, so they are counted here, not as mis-placed
   */
  verbatimCopy: number;
}
const blank = (): Stats => ({ runs: 0, annotations: 0, correct: 0, flagged: 0, misplaced: 0, intact: 0, intactCorrect: 0, otherCopy: 0, verbatimCopy: 0 });
// "targeted": edits aimed at the annotations (start, end, inside, around, over them), the hard
// case; "scattered": edits anywhere in the document, closer to ordinary editing.
const stats = {
  quoteSearch: blank(),
  diff: blank(),
  incremental: blank(),
  quoteSearchScattered: blank(),
  diffScattered: blank(),
};

const NUM_RUNS = Number(process.env.ANCHORING_PROPERTY_RUNS ?? 1000);
// Fixed by default so CI is reproducible; ANCHORING_PROPERTY_SEED=random explores new cases.
const SEED = process.env.ANCHORING_PROPERTY_SEED === 'random' ? undefined : Number(process.env.ANCHORING_PROPERTY_SEED ?? 20250101);

interface Scenario {
  oldText: string;
  newText: string;
  spans: Span[];
  changes: TextChange[];
  /** Per annotation: every place the edits could have left it (equivalent descriptions of the same edits). */
  expected: (Span | undefined)[][];
}

function scenario(spec: Parameters<typeof buildText>[0], spanSpec: Parameters<typeof buildSpans>[1], edits: EditSpec[]): Scenario | undefined {
  const oldText = buildText(spec);
  const spans = buildSpans(oldText, spanSpec);
  if (spans.length === 0) return undefined;
  let text = oldText;
  let tracked = spans.map((s) => [new TrackedSpan(oldText.length, s)]);
  const changes: TextChange[] = [];
  for (const e of edits) {
    const change = buildChange(text, tracked.map((t) => t[0].span), e);
    const variants = equivalentChanges(text, change);
    tracked = tracked.map((set) => {
      const next = new Map<string, TrackedSpan>();
      for (const t of set) {
        for (const seq of variants) {
          const c = t.clone();
          for (const step of seq) c.apply(step);
          if (!next.has(c.key) && next.size < 32) next.set(c.key, c);
        }
      }
      // Keep the literal description first: it is what buildChange aims at.
      const literal = set[0].clone();
      literal.apply(change);
      return [literal, ...[...next.values()].filter((t) => t.key !== literal.key)];
    });
    text = applyChangesToText(text, [change]);
    changes.push(change);
  }
  return { oldText, newText: text, spans, changes, expected: tracked.map((set) => set.map((t) => t.span)) };
}

function overlaps(a: Span, b: Span): boolean {
  return a.start < b.end && b.start < a.end;
}

/** The same quote with the same 24 characters (or the same document edge) on both sides. */
function verbatimCopy(text: string, at: Span, old: { exact: string; prefix: string; suffix: string }): boolean {
  const k = 24;
  const before = old.prefix.length >= k ? old.prefix.slice(-k) : old.prefix;
  const after = old.suffix.length >= k ? old.suffix.slice(0, k) : old.suffix;
  const startOk = old.prefix.length >= k ? text.slice(at.start - k, at.start) === before : text.slice(0, at.start) === before;
  const endOk = old.suffix.length >= k ? text.slice(at.end, at.end + k) === after : text.slice(at.end) === after;
  return text.slice(at.start, at.end) === old.exact && startOk && endOk;
}

function judge(s: Scenario, results: AnchorResult[], st: Stats): string[] {
  const problems: string[] = [];
  st.runs++;
  results.forEach((r, k) => {
    st.annotations++;
    const old = createAnchor(s.oldText, s.spans[k].start, s.spans[k].end);
    const expectedTexts = s.expected[k].map((sp) => (sp ? s.newText.slice(sp.start, sp.end) : undefined));
    const intact = expectedTexts[0] === old.exact;
    if (intact) st.intact++;
    if (r.status === 'orphaned') {
      if (r.anchor !== old && JSON.stringify(r.anchor) !== JSON.stringify(old)) problems.push(`orphaned changed the anchor of #${k}`);
    } else {
      // Fresh selectors against the new text.
      expect(r.anchor).toEqual(createAnchor(s.newText, r.anchor.start, r.anchor.end));
    }
    if (r.status === 'anchored' || r.status === 'moved') {
      const got = s.newText.slice(r.anchor.start, r.anchor.end);
      if (expectedTexts.includes(got)) {
        st.correct++;
        if (intact) st.intactCorrect++;
        const places = s.expected[k].filter((sp): sp is Span => sp !== undefined);
        if (!places.some((sp) => overlaps(sp, r.anchor))) st.otherCopy++;
      } else if (verbatimCopy(s.newText, r.anchor, old)) {
        st.verbatimCopy++;
      } else {
        st.misplaced++;
        problems.push(`#${k} ${r.status} on ${JSON.stringify(got)} but expected ${JSON.stringify(expectedTexts)} (was ${JSON.stringify(old.exact)})`);
      }
    } else {
      st.flagged++;
    }
  });
  return problems;
}

describe('property: every annotation lands on the expected text or is flagged', () => {
  it('quote search (no old text)', () => {
    fc.assert(
      fc.property(textSpec, spanSpecs, foreignEdits, (spec, sp, edits) => {
        const s = scenario(spec, sp, edits);
        if (!s) return;
        const anchors = s.spans.map((x) => createAnchor(s.oldText, x.start, x.end));
        const problems = judge(s, reanchorAll(anchors, s.newText), stats.quoteSearch);
        expect(problems).toEqual([]);
      }),
      { numRuns: NUM_RUNS, seed: SEED },
    );
  });

  it('diff mapping (old text given)', () => {
    fc.assert(
      fc.property(textSpec, spanSpecs, foreignEdits, (spec, sp, edits) => {
        const s = scenario(spec, sp, edits);
        if (!s) return;
        const anchors = s.spans.map((x) => createAnchor(s.oldText, x.start, x.end));
        const problems = judge(s, reanchorAll(anchors, s.newText, s.oldText), stats.diff);
        expect(problems).toEqual([]);
      }),
      { numRuns: NUM_RUNS, seed: SEED },
    );
  });

  it('quote search and diff mapping, edits scattered over the document', () => {
    fc.assert(
      fc.property(textSpec, spanSpecs, scatteredForeignEdits, (spec, sp, edits) => {
        const s = scenario(spec, sp, edits);
        if (!s) return;
        const anchors = s.spans.map((x) => createAnchor(s.oldText, x.start, x.end));
        const problems = [
          ...judge(s, reanchorAll(anchors, s.newText), stats.quoteSearchScattered),
          ...judge(s, reanchorAll(anchors, s.newText, s.oldText), stats.diffScattered),
        ];
        expect(problems).toEqual([]);
      }),
      { numRuns: NUM_RUNS, seed: SEED },
    );
  });

  it('incremental edits (applyEdits) match the independent oracle exactly', () => {
    fc.assert(
      fc.property(textSpec, spanSpecs, wordEdits, fc.boolean(), (spec, sp, edits, oneEvent) => {
        const oldText = buildText(spec);
        const spans = buildSpans(oldText, sp);
        if (spans.length === 0) return;
        let text = oldText;
        const oracle = spans.map((x) => new TrackedSpan(oldText.length, x));
        let current: (Span | undefined)[] = spans;
        const changes: TextChange[] = [];
        for (const e of edits) {
          const c = buildChange(text, oracle.map((o) => o.span), e);
          oracle.forEach((o) => o.apply(c));
          if (!oneEvent) current = applyEdits(current, [c]);
          text = applyChangesToText(text, [c]);
          changes.push(c);
        }
        if (oneEvent) current = applyEdits(spans, changes); // all changes as one event, in order
        const st = stats.incremental;
        st.runs++;
        current.forEach((span, k) => {
          st.annotations++;
          const expected = oracle[k].span;
          const anchor = createAnchor(oldText, spans[k].start, spans[k].end);
          const r = resultForTrackedSpan(anchor, span, text);
          const same = JSON.stringify(span) === JSON.stringify(expected);
          if (expected && text.slice(expected.start, expected.end) === anchor.exact) st.intact++;
          if (!same) st.misplaced++;
          else if (r.status === 'anchored' || r.status === 'moved') {
            st.correct++;
            st.intactCorrect++;
          } else st.flagged++;
          expect(span).toEqual(expected);
        });
      }),
      { numRuns: NUM_RUNS * 2, seed: SEED },
    );
  });
});

afterAll(() => {
  const share = (n: number, d: number) => (d === 0 ? 0 : Math.round((1000 * n) / d) / 10);
  const report = Object.fromEntries(
    Object.entries(stats).map(([path, s]) => [
      path,
      {
        ...s,
        correctPct: share(s.correct, s.annotations),
        flaggedPct: share(s.flagged, s.annotations),
        misplacedPct: share(s.misplaced, s.annotations),
        intactCorrectPct: share(s.intactCorrect, s.intact),
      },
    ]),
  );
  const dir = join(process.cwd(), 'test-results');
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'anchoring-property-stats.json'), JSON.stringify({ numRuns: NUM_RUNS, ...report }, null, 2) + '\n');
  console.log(
    'anchoring property stats: ' +
      Object.entries(report)
        .map(([p, s]) => `${p}: ${s.annotations} annotations, ${s.correctPct}% re-anchored correctly, ${s.flaggedPct}% flagged, ${s.misplaced} mis-placed, ${s.verbatimCopy} on verbatim copies (intact quotes kept: ${s.intactCorrectPct}%)`)
        .join('; '),
  );
});
