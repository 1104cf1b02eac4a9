import { canonicalJson } from '../canonicalJson';
import { AnchorlessLink, Annotation, linksPart } from '../model';
import { applyAnchoring } from '../workspace/anchorSidecar';
import { DocumentAnnotations, LiveAnnotation } from '../workspace/documentAnnotations';

// Undo that takes back one change and nothing else. Restoring the whole snapshot taken before the
// change (DocumentAnnotations.restore) also takes back everything that happened since: annotations
// another window or the CLI added are dropped (and then deleted from the sidecar by the next save),
// and the snapshot's spans are offsets into the text as it was, so after typing they point at other
// words (an annotation moves silently) or past the end (createAnchor throws). Here only the
// annotations the change touched are put back, and those that need a place are found by their quote
// in the text as it is now, flagged for review when it is gone.

export interface UndoRecord {
  /** model.snapshot() right before the change… */
  before: readonly LiveAnnotation[];
  /** …and right after it. */
  after: readonly LiveAnnotation[];
  /** The anchorless links right before and after (absent: the change touched none). */
  linksBefore?: readonly AnchorlessLink[];
  linksAfter?: readonly AnchorlessLink[];
}

/** Takes back the change `record` describes in `model`, whose document text is now `text`. Returns the ids it put back or removed. */
export function undoChange(model: DocumentAnnotations, record: UndoRecord, text: string): string[] {
  const before = new Map(record.before.map((l) => [l.annotation.id, l]));
  const after = new Map(record.after.map((l) => [l.annotation.id, l]));
  const current = model.toSidecar(text, model.base.read.sidecar?.fingerprint ?? '');
  let annotations: Annotation[] = current.annotations;
  const touched: string[] = [];
  for (const id of new Set([...before.keys(), ...after.keys()])) {
    const b = before.get(id);
    const a = after.get(id);
    if (b && a && canonicalJson(b.annotation) === canonicalJson(a.annotation) && sameSpan(b, a)) continue;
    const index = annotations.findIndex((x) => x.id === id);
    if (!b) {
      // Added by the change: remove it, if it is still there.
      if (index >= 0) annotations = annotations.filter((x) => x.id !== id);
    } else if (!a) {
      // Deleted by the change: back, placed by its quote (unless someone restored it meanwhile).
      if (index < 0) annotations = [...annotations, b.annotation];
    } else {
      // Edited (fields) or re-attached (place): the old fields; the old place only when the place changed.
      if (index < 0) continue; // deleted elsewhere since: not resurrected by undoing an edit
      annotations = annotations.map((x, i) => (i !== index ? x : sameSpan(b, a) ? { ...b.annotation, anchor: x.anchor } : b.annotation));
    }
    touched.push(id);
  }
  // The identical text as "old text": anchors made from current spans are checked in place, the
  // restored ones are searched for by quote.
  const links = undoLinks(current.links ?? [], record.linksBefore ?? [], record.linksAfter ?? [], touched);
  const anchored = applyAnchoring({ ...current, annotations, ...linksPart(links) }, text, text);
  if (!links.length) delete anchored.sidecar.links;
  model.reset(anchored.sidecar, anchored.outcomes, true);
  return touched;
}

function sameSpan(a: LiveAnnotation, b: LiveAnnotation): boolean {
  return a.span?.start === b.span?.start && a.span?.end === b.span?.end;
}

/** The same for anchorless links, which have no place: added ones go, deleted ones come back, edited ones get their old fields. */
function undoLinks(current: AnchorlessLink[], before: readonly AnchorlessLink[], after: readonly AnchorlessLink[], touched: string[]): AnchorlessLink[] {
  const b = new Map(before.map((l) => [l.id, l]));
  const a = new Map(after.map((l) => [l.id, l]));
  let links = current;
  for (const id of new Set([...b.keys(), ...a.keys()])) {
    const [was, now] = [b.get(id), a.get(id)];
    if (was && now && canonicalJson(was) === canonicalJson(now)) continue;
    const here = links.some((l) => l.id === id);
    if (!was) links = links.filter((l) => l.id !== id);
    else if (!now) links = here ? links : [...links, was];
    else if (here) links = links.map((l) => (l.id === id ? was : l));
    else continue;
    touched.push(id);
  }
  return links;
}
