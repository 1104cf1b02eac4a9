import * as vscode from 'vscode';
import type { Span } from '../../core/anchoring/types';
import { AnnotationFields, buildAnchorlessLink, buildAnnotation, changeKind, timestamp, updateAnchorlessLink, updateAnnotation } from '../../core/editing/buildAnnotation';
import { adjudicate, AdjudicationMode } from '../../core/agreement/adjudicate';
import { AnchorlessLink, Annotation, AnnotationKind, formatAnnotationRef, LinkRelation } from '../../core/model';
import { undoChange } from '../../core/safety/undoChange';
import { AnnotationService, Session } from '../annotations/annotationService';
import { normalizedText } from '../annotations/documentOffsets';
import { AuthorResolver } from './author';
import { UndoStack } from './undoStack';
import { clip } from '../../core/text/clip';

export interface AnnotationTarget {
  uri: vscode.Uri;
  id: string;
}

/**
 * Every change a person makes to annotations goes through here: it is applied to the open
 * document's model, written to the sidecar at once, and can be taken back with undo.
 */
export class AnnotationEditor {
  constructor(
    private readonly service: AnnotationService,
    private readonly authors: AuthorResolver,
    readonly undoStack: UndoStack,
    private readonly now: () => Date = () => new Date(),
  ) {}

  async add(uri: vscode.Uri, kind: AnnotationKind, span: Span, fields: AnnotationFields): Promise<Annotation> {
    const session = await this.require(uri);
    const text = this.textOf(session);
    const author = await this.authors.resolve(session.folder);
    const annotation = buildAnnotation(kind, text, span, fields, { author, now: this.now(), takenIds: this.takenIds() });
    if (kind === 'link' && fields.from === SELF) (annotation as { from: string }).from = formatAnnotationRef(undefined, annotation.id);
    await this.commit(session, `Added ${describe(annotation)}`, () => session.model.add(annotation, span));
    return annotation;
  }

  /**
   * A cross-reference from an existing annotation to the annotation `to` (drag and drop in the tree, Link To…
   * inside an annotation): an anchorless link in the source's sidecar, so the words keep one hover card.
   */
  async linkAnnotations(source: AnnotationTarget, to: string, relation: LinkRelation, extra: Pick<AnnotationFields, 'note' | 'tags'> = {}): Promise<AnchorlessLink> {
    const session = await this.require(source.uri);
    if (!session.model.get(source.id)) throw new Error(`no annotation ${source.id} in ${session.model.documentPath}`);
    const author = await this.authors.resolve(session.folder);
    const link = buildAnchorlessLink({ from: formatAnnotationRef(undefined, source.id), to, relation, ...extra }, { author, now: this.now(), takenIds: this.takenIds() });
    await this.commit(session, `Added link ${link.id} ${relation} → ${to}`, () => session.model.putLink(link));
    return link;
  }

  async updateLink(target: AnnotationTarget, patch: AnnotationFields & { review?: null }): Promise<AnchorlessLink> {
    const session = await this.require(target.uri);
    const current = session.model.getLink(target.id);
    if (!current) throw new Error(`no link ${target.id} in ${session.model.documentPath}`);
    const updated = updateAnchorlessLink(current, patch, this.now());
    await this.commit(session, `Edited link ${updated.id} ${updated.relation} → ${updated.to}`, () => session.model.putLink(updated));
    return updated;
  }

  async removeLink(target: AnnotationTarget): Promise<AnchorlessLink> {
    const session = await this.require(target.uri);
    const current = session.model.getLink(target.id);
    if (!current) throw new Error(`no link ${target.id} in ${session.model.documentPath}`);
    await this.commit(session, `Deleted link ${current.id} ${current.relation} → ${current.to}`, () => session.model.removeLink(current.id));
    return current;
  }

  async update(target: AnnotationTarget, patch: AnnotationFields & { review?: null }): Promise<Annotation> {
    const session = await this.require(target.uri);
    const current = this.find(session, target.id);
    const updated = updateAnnotation(current, patch, this.now());
    await this.commit(session, `Edited ${describe(updated)}`, () => session.model.update(updated));
    return updated;
  }

  async changeKind(target: AnnotationTarget, kind: AnnotationKind, fields: AnnotationFields): Promise<Annotation> {
    const session = await this.require(target.uri);
    const current = this.find(session, target.id);
    const changed = changeKind(current, kind, fields, this.now());
    await this.commit(session, `Changed ${current.id} from ${current.kind} to ${describe(changed)}`, () => session.model.update(changed));
    return changed;
  }

  async remove(target: AnnotationTarget): Promise<Annotation> {
    const session = await this.require(target.uri);
    const current = this.find(session, target.id);
    await this.commit(session, `Deleted ${describe(current)}`, () => session.model.remove(current.id));
    return current;
  }

  async reattach(target: AnnotationTarget, span: Span): Promise<void> {
    const session = await this.require(target.uri);
    const current = this.find(session, target.id);
    await this.commit(session, `Re-attached ${current.kind} ${current.id}`, () => {
      session.model.reattach(current.id, span);
      const moved = session.model.get(current.id)!;
      moved.annotation = { ...moved.annotation, modified: timestamp(this.now()) };
    });
  }

  /** Accepts one competing version into the curated set (core/agreement/adjudicate.ts): one undoable change. */
  async adjudicate(uri: vscode.Uri, acceptedId: string, competingIds: string[], mode: AdjudicationMode, edits?: Record<string, string | string[]>): Promise<Annotation> {
    const session = await this.require(uri);
    const accepted = this.find(session, acceptedId);
    const curator = await this.authors.resolve(session.folder);
    const result = adjudicate(accepted, competingIds.map((id) => this.find(session, id)), { curator, mode, now: this.now(), takenIds: this.takenIds(), edits });
    const span = session.model.get(acceptedId)?.span ?? { start: accepted.anchor.start, end: accepted.anchor.end };
    await this.commit(session, `Accepted ${acceptedId} as ${result.curated.id}`, () => {
      session.model.add(result.curated, span);
      for (const other of result.others) session.model.update(other);
    });
    return result.curated;
  }

  /**
   * Takes back the last change; returns its label, or undefined when there is nothing to undo. Only the
   * annotation that change touched goes back: what others added or changed since (merged from disk) stays.
   */
  async undo(): Promise<string | undefined> {
    const entry = this.undoStack.pop();
    if (!entry) return undefined;
    const session = await this.require(entry.uri);
    // Only what that change touched goes back, placed by its quote in the text as it is now.
    undoChange(session.model, entry, this.textOf(session));
    await this.service.persist(session);
    this.service.notify(session);
    return entry.label;
  }

  /** Ids in use anywhere we know of, so a new id is unique in the workspace. */
  private takenIds(): Set<string> {
    const ids = new Set<string>();
    for (const s of this.service.sessionsList()) for (const id of s.model.ids()) ids.add(id);
    return ids;
  }

  private async commit(session: Session, label: string, mutate: () => void): Promise<void> {
    if (!session.model.base.read.writable) {
      throw new Error(`${session.store.displayName(session.model.base.file)} has errors and is not written until they are fixed (see the Problems panel)`);
    }
    const before = session.model.snapshot();
    const linksBefore = [...session.model.links()];
    mutate();
    this.undoStack.push({ uri: session.uri, label, before, after: session.model.snapshot(), linksBefore, linksAfter: [...session.model.links()] });
    await this.service.persist(session);
    this.service.notify(session);
  }

  private async require(uri: vscode.Uri): Promise<Session> {
    const session = await this.service.sessionFor(uri);
    if (!session) throw new Error(`${vscode.workspace.asRelativePath(uri)} is not a document Policy Annotator annotates (see the policyAnnotator.documentGlob setting)`);
    return session;
  }

  private find(session: Session, id: string): Annotation {
    const live = session.model.get(id);
    if (!live) throw new Error(`no annotation ${id} in ${session.model.documentPath}`);
    return live.annotation;
  }

  private textOf(session: Session): string {
    const document = vscode.workspace.textDocuments.find((d) => d.uri.toString() === session.uri.toString());
    if (!document) throw new Error(`${session.model.documentPath} is not open`);
    return normalizedText(document);
  }
}

/** "claim k3m9x2qa “Hong Kong spends…”": what a change touched, for the status bar and undo. */
function describe(a: Annotation): string {
  const words = a.kind === 'claim' ? a.label : a.kind === 'note' ? (a.note ?? a.anchor.exact) : a.anchor.exact;
  return `${a.kind} ${a.id} “${clip(words.replace(/\s+/g, ' '), 50)}”`;
}

/** For `from`: the link's own passage, when the selection is not inside another annotation. */
export const SELF = '#self';
