import type { Anchor } from '../model';
import { createAnchor } from './createAnchor';
import type { AnchorResult, Span, TextChange } from './types';

/**
 * Where a span goes when one change is applied (offsets in normalised text, the change's
 * offsets taken before it is applied). Returns undefined when every character of the span was
 * removed (the annotation is orphaned; replacing exactly the quoted text counts as removal).
 *
 * Edge rules, chosen so that typing next to an annotation never grows it:
 * - text inserted exactly at the span's start or end lies outside the span;
 * - text inserted strictly inside stretches the span;
 * - a change that removes some of the span's characters shrinks it; its replacement text
 *   joins the span only when the removed range lay wholly inside the span (retyping a word of
 *   the quote), and stays outside when the removed range reached past the span's edge.
 */
export function applyEdit(span: Span, change: TextChange): Span | undefined {
  const { start: s, end: e } = span;
  const { start: cs, end: ce } = change;
  const delta = change.text.length - (ce - cs);
  // Entirely before (an insertion at the start counts as before).
  if (ce <= s) {
    return delta === 0 ? span : { start: s + delta, end: e + delta };
  }
  // Entirely after (an insertion at the end counts as after).
  if (cs >= e) return span;
  // Overlapping: ce > s and cs < e.
  if (cs <= s && ce >= e) return undefined;
  const start = cs < s ? cs + change.text.length : s;
  const end = ce > e ? cs : e + delta;
  return { start, end };
}

/**
 * Applies the changes of one event in order to many spans. Each change's offsets refer to the
 * text as left by the changes before it in the list, which is how VS Code's extension host
 * applies `TextDocumentChangeEvent.contentChanges` to its own copy of a document (one after
 * the other; VS Code lists multi-cursor edits from the bottom of the document up, so their
 * offsets are also valid against the text before the event). Once a span is deleted it stays
 * undefined. O(spans × changes); untouched spans keep their object.
 */
export function applyEdits(spans: readonly (Span | undefined)[], changes: readonly TextChange[]): (Span | undefined)[] {
  const out = spans.slice();
  for (const change of changes) {
    const delta = change.text.length - (change.end - change.start);
    for (let i = 0; i < out.length; i++) {
      const span = out[i];
      if (span === undefined || span.end < change.start) continue;
      if (change.end < span.start && delta !== 0) out[i] = { start: span.start + delta, end: span.end + delta };
      else out[i] = applyEdit(span, change);
    }
  }
  return out;
}

/** The text after applying changes in order, with the same semantics as applyEdits. */
export function applyChangesToText(text: string, changes: readonly TextChange[]): string {
  let out = text;
  for (const c of changes) out = out.slice(0, c.start) + c.text + out.slice(c.end);
  return out;
}

/**
 * The result for an anchor whose span was tracked through edits (applyEdits) to `span` in
 * `newText`: orphaned if deleted, anchored or moved if the quote is intact, fuzzy otherwise.
 */
export function resultForTrackedSpan(anchor: Anchor, span: Span | undefined, newText: string): AnchorResult {
  if (span === undefined || (span.end <= span.start && anchor.exact.length > 0)) return { status: 'orphaned', anchor };
  const fresh = createAnchor(newText, span.start, span.end);
  if (fresh.exact === anchor.exact) return { status: span.start === anchor.start ? 'anchored' : 'moved', anchor: fresh };
  return { status: 'fuzzy', anchor: fresh, was: anchor.exact };
}
