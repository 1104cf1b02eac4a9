import { createAnchor } from '../anchoring/createAnchor';
import { metadataPart } from '../merge/mergeMetadata';
import { applyEdits } from '../anchoring/incremental';
import type { Span, TextChange } from '../anchoring/types';
import { AnchorlessLink, Annotation, AnchorStatus, compareAnnotations, linksPart, Sidecar } from '../model';
import { LoadedSidecar } from '../store/sidecarStore';
import { AnchorOutcome } from './anchorSidecar';

/** An annotation as it stands in the open document: its span follows edits until the next save. */
export interface LiveAnnotation {
  annotation: Annotation;
  /** Where it is now, in normalised offsets; undefined when its words are gone or it cannot be placed. */
  span: Span | undefined;
  status: AnchorStatus;
  /** For fuzzy and ambiguous: the old quote and the new one. */
  was?: string;
}

/**
 * The annotations of one document while it is open: host-free, so the editor, the CLI and the tests
 * drive the same logic. Offsets are UTF-16 code units of the normalised text.
 */
export class DocumentAnnotations {
  private items: LiveAnnotation[] = [];
  /** Anchorless links: no span to follow, kept as they are until changed or deleted. */
  private linkItems: AnchorlessLink[] = [];
  /** True when something changed that the sidecar does not have yet. */
  dirty = false;
  /** Bumped on every change, so views can tell whether they are current. */
  version = 0;

  constructor(
    readonly documentPath: string,
    public base: LoadedSidecar,
  ) {}

  /** Takes freshly anchored annotations (after a load or a reload from disk). */
  reset(sidecar: Sidecar, outcomes: AnchorOutcome[], dirty = false): void {
    const byId = new Map(outcomes.map((o) => [o.id, o]));
    this.items = sidecar.annotations.map((annotation) => {
      const outcome = byId.get(annotation.id);
      const status = outcome?.status ?? 'anchored';
      const placed = status === 'anchored' || status === 'moved' || status === 'fuzzy';
      return { annotation, status, was: outcome?.was, span: placed ? { start: annotation.anchor.start, end: annotation.anchor.end } : undefined };
    });
    this.items.sort((a, b) => compareAnnotations(a.annotation, b.annotation));
    this.linkItems = [...(sidecar.links ?? [])];
    this.dirty = dirty;
    this.version++;
  }

  list(): readonly LiveAnnotation[] {
    return this.items;
  }

  get(id: string): LiveAnnotation | undefined {
    return this.items.find((item) => item.annotation.id === id);
  }

  ids(): Set<string> {
    return new Set([...this.items.map((i) => i.annotation.id), ...this.linkItems.map((l) => l.id)]);
  }

  /** The anchorless links of this document. */
  links(): readonly AnchorlessLink[] {
    return this.linkItems;
  }

  getLink(id: string): AnchorlessLink | undefined {
    return this.linkItems.find((l) => l.id === id);
  }

  /** Adds an anchorless link, or replaces the one with its id. */
  putLink(link: AnchorlessLink): void {
    this.linkItems = [...this.linkItems.filter((l) => l.id !== link.id), link];
    this.changedItems();
  }

  removeLink(id: string): AnchorlessLink | undefined {
    const link = this.getLink(id);
    if (!link) return undefined;
    this.linkItems = this.linkItems.filter((l) => l !== link);
    this.changedItems();
    return link;
  }

  /** Adds a new annotation placed at `span`. */
  add(annotation: Annotation, span: Span): void {
    this.items.push({ annotation, span, status: 'anchored' });
    this.changedItems();
  }

  /** Replaces an annotation's fields (its place is kept). Returns false if there is no such id. */
  update(annotation: Annotation): boolean {
    const item = this.get(annotation.id);
    if (!item) return false;
    item.annotation = annotation;
    this.changedItems();
    return true;
  }

  /** Puts an annotation on a new span and clears its review: a person re-attached it. */
  reattach(id: string, span: Span): boolean {
    const item = this.get(id);
    if (!item) return false;
    const { review: _review, ...rest } = item.annotation;
    void _review;
    item.annotation = rest as Annotation;
    item.span = span;
    item.status = 'anchored';
    item.was = undefined;
    this.changedItems();
    return true;
  }

  remove(id: string): LiveAnnotation | undefined {
    const index = this.items.findIndex((i) => i.annotation.id === id);
    if (index < 0) return undefined;
    const [removed] = this.items.splice(index, 1);
    this.changedItems();
    return removed;
  }

  /** A copy of the current state, for undo. */
  snapshot(): LiveAnnotation[] {
    return this.items.map((i) => ({ ...i, span: i.span && { ...i.span } }));
  }

  /** Returns to a snapshot (undo). Spans are the snapshot's, so undo is meant right after the change. */
  restore(items: LiveAnnotation[]): void {
    this.items = items.map((i) => ({ ...i, span: i.span && { ...i.span } }));
    this.changedItems();
  }

  private changedItems(): void {
    this.items.sort((a, b) => (a.span?.start ?? a.annotation.anchor.start) - (b.span?.start ?? b.annotation.anchor.start) || compareAnnotations(a.annotation, b.annotation));
    this.dirty = true;
    this.version++;
  }

  /** Follows one editor change event. Returns true when any annotation's span moved, changed or was deleted. */
  applyEdits(changes: readonly TextChange[]): boolean {
    if (!changes.length || !this.items.length) return false;
    const spans = applyEdits(
      this.items.map((i) => i.span),
      changes,
    );
    let touched = false;
    spans.forEach((span, i) => {
      const item = this.items[i];
      if (span === item.span) return;
      touched = true;
      item.span = span;
      if (!span) item.status = 'orphaned';
    });
    if (touched) {
      this.dirty = true;
      this.version++;
    }
    return touched;
  }

  /**
   * The sidecar to save for `text` (normalised, as saved): anchors are recomputed from each span;
   * annotations without a place keep their last anchor and are marked for review, never dropped.
   */
  toSidecar(text: string, fingerprint: string): Sidecar {
    const annotations = this.items.map(({ annotation, span, status, was }): Annotation => {
      if (!span) {
        if (annotation.review) return annotation;
        return { ...annotation, review: { status: status === 'ambiguous' ? 'ambiguous' : 'orphaned', was: was ?? annotation.anchor.exact } };
      }
      return { ...annotation, anchor: createAnchor(text, span.start, span.end) };
    });
    const base = this.base.read.sidecar;
    return { schemaVersion: base?.schemaVersion ?? 1, document: this.documentPath, fingerprint, ...metadataPart(base?.metadata), annotations, ...linksPart(this.linkItems) };
  }

  /** After a successful save: the saved annotations become the new base, anchored where they are. */
  markSaved(base: LoadedSidecar, saved: Sidecar): void {
    this.base = base;
    const byId = new Map(saved.annotations.map((a) => [a.id, a]));
    for (const item of this.items) {
      const annotation = byId.get(item.annotation.id);
      if (annotation) item.annotation = annotation;
      if (item.span && item.status === 'moved') item.status = 'anchored';
    }
    const savedLinks = new Map((saved.links ?? []).map((l) => [l.id, l]));
    this.linkItems = this.linkItems.map((l) => savedLinks.get(l.id) ?? l);
    this.dirty = false;
    this.version++;
  }
}
