import * as vscode from 'vscode';
import type { Span } from '../../core/anchoring/types';
import { AnnotationFields } from '../../core/editing/buildAnnotation';
import { AnchorlessLink, Annotation, formatAnnotationRef, parseAnnotationRef } from '../../core/model';
import { paragraphAt, snapToSentences, trimSpan } from '../../core/text/sentences';
import { AnnotationService } from '../annotations/annotationService';
import { toRange } from '../annotations/documentOffsets';
import { readSettings } from '../settings';
import { WorkspaceAnnotations, WorkspaceEntry } from '../workspace/workspaceAnnotations';
import { AnnotationEditor, SELF } from './annotationEditor';
import { CommandSelection, commandSelection, SelectionArgs, UserError } from './commandTarget';
import { EntitySuggestions, inputLabel, inputNote, pickClaimType, pickLinkTarget, pickParty, pickPolarity, pickRelation, pickStanceTarget, ReferenceChoice } from './prompts';
import { RecentValues } from './recentValues';
import { clip } from '../../core/text/clip';

export interface AddArgs extends SelectionArgs, AnnotationFields {
  /** Claims snap to whole sentences unless this is false or the setting is off. */
  snap?: boolean;
}

export interface AddDeps {
  editor: AnnotationEditor;
  service: AnnotationService;
  workspace: WorkspaceAnnotations;
  entities: EntitySuggestions;
  recent: RecentValues;
}

/** The four ways to annotate a selection. Each returns the new annotation, or undefined when cancelled. */
export function addCommands(deps: AddDeps) {
  const nearby = (sel: CommandSelection, span: Span) => {
    const paragraph = paragraphAt(sel.text, span.start);
    const inSpan = deps.entities.entitiesIn(sel.uri, span.start, span.end);
    const around = deps.entities.entitiesIn(sel.uri, paragraph.start, paragraph.end);
    return [...inSpan, ...around.filter((e) => !inSpan.some((i) => i.id === e.id))];
  };

  async function addClaim(args?: AddArgs): Promise<Annotation | undefined> {
    const sel = await commandSelection(args);
    const snap = args?.snap ?? readSettings(vscode.workspace.getWorkspaceFolder(sel.uri)).snapClaimsToSentence;
    const span = snap ? snapToSentences(sel.text, sel.span.start, sel.span.end) : trimSpan(sel.text, sel.span.start, sel.span.end);
    const label = args?.label ?? (await inputLabel(sel.text.slice(span.start, span.end).replace(/\s+/g, ' ')));
    if (label === undefined) return undefined;
    const speaker = args?.speaker ?? (await pickParty('Speaker', nearby(sel, span), deps.entities.allEntities(), deps.recent));
    if (speaker === undefined) return undefined;
    const claimType = args?.claimType ?? (await pickClaimType(deps.recent));
    if (claimType === undefined) return undefined;
    await deps.recent.remember('claimType', claimType);
    return showTint(sel.uri, await deps.editor.add(sel.uri, 'claim', span, { label, speaker, claimType, note: args?.note, tags: args?.tags }), span);
  }

  async function addStance(args?: AddArgs): Promise<Annotation | undefined> {
    const sel = await commandSelection(args);
    const span = trimSpan(sel.text, sel.span.start, sel.span.end);
    const holder = args?.holder ?? (await pickParty('Holder', nearby(sel, span), deps.entities.allEntities(), deps.recent));
    if (holder === undefined) return undefined;
    const target = args?.target ?? (await pickStanceTarget(await claimChoices(sel, span), deps.entities.allEntities(), deps.recent));
    if (target === undefined) return undefined;
    const polarity = args?.polarity ?? (await pickPolarity());
    if (polarity === undefined) return undefined;
    if (target.startsWith('topic:')) await deps.recent.remember('topic', target.slice('topic:'.length));
    return showTint(sel.uri, await deps.editor.add(sel.uri, 'stance', span, { holder, target, polarity, note: args?.note, tags: args?.tags }), span);
  }

  async function addNote(args?: AddArgs): Promise<Annotation | undefined> {
    const sel = await commandSelection(args);
    const note = args?.note ?? (await inputNote());
    if (note === undefined) return undefined;
    const span = trimSpan(sel.text, sel.span.start, sel.span.end);
    return showTint(sel.uri, await deps.editor.add(sel.uri, 'note', span, { note, tags: args?.tags }), span);
  }

  async function linkTo(args?: AddArgs): Promise<Annotation | AnchorlessLink | undefined> {
    const sel = await commandSelection(args);
    const span = trimSpan(sel.text, sel.span.start, sel.span.end);
    const session = await deps.service.sessionFor(sel.uri);
    const documentPath = session?.model.documentPath ?? '';
    // The link starts at the annotation the selection is in, if any, else at its own passage.
    const host = session?.model.list().find((l) => l.span && l.annotation.kind !== 'link' && l.span.start <= span.start && l.span.end >= span.end);
    const from = args?.from ?? (host ? formatAnnotationRef(undefined, host.annotation.id) : SELF);
    // References are relative to their folder: the picker offers this folder's annotations only.
    const entries = (await deps.workspace.entries()).filter((e) => !session || e.folder.uri.toString() === session.folder.uri.toString());
    const to = args?.to ?? (await pickLinkTarget(referenceChoices(entries, documentPath, host?.annotation.id), deps.entities.allEntities()));
    if (to === undefined) return undefined;
    const other = session && deps.workspace.otherFolderOf(session.folder, to, documentPath);
    if (session && other) throw new UserError(`A link cannot cross workspace folders: ${to} is an annotation in the folder “${other.name}”, and this document is in “${session.folder.name}”. Each folder keeps its own annotations and catalogue; link to an annotation in “${session.folder.name}”.`);
    const relation = args?.relation ?? (await pickRelation(deps.recent));
    if (relation === undefined) return undefined;
    await deps.recent.remember('relation', relation);
    // Both ends annotations (the selection inside one, the target another): a link with no words of its
    // own, so those words keep one hover card. Otherwise (no annotation here, or an entity) it sits on the words.
    const source = from === SELF ? undefined : parseAnnotationRef(from);
    if (source && (!source.document || source.document === documentPath) && parseAnnotationRef(to)) {
      return deps.editor.linkAnnotations({ uri: sel.uri, id: source.id }, to, relation, { note: args?.note, tags: args?.tags });
    }
    const fields: AnnotationFields = { from, to, relation, note: args?.note, tags: args?.tags };
    return showTint(sel.uri, await deps.editor.add(sel.uri, 'link', span, fields), span);
  }

  /** Claims of this document nearest the selection first, then the rest of the workspace. */
  async function claimChoices(sel: CommandSelection, span: Span): Promise<ReferenceChoice[]> {
    const session = await deps.service.sessionFor(sel.uri);
    const here = session?.model.documentPath;
    const claims = (await deps.workspace.entries()).filter((e) => e.annotation.kind === 'claim');
    const distance = (e: WorkspaceEntry) => (e.documentPath === here ? Math.abs(e.annotation.anchor.start - span.start) : Number.MAX_SAFE_INTEGER);
    claims.sort((a, b) => distance(a) - distance(b));
    return claims.map((e) => choiceFor(e, here));
  }

  return { addClaim, addStance, addNote, linkTo };
}

/** The selection's highlight hides the new tint: put the cursor at the end of the new annotation instead. */
function showTint<A extends Annotation>(uri: vscode.Uri, added: A, span: Span): A {
  const editor = vscode.window.visibleTextEditors.find((e) => e.document.uri.toString() === uri.toString());
  if (editor && !editor.selection.isEmpty) {
    const end = toRange(editor.document, span.start, span.end).end;
    editor.selection = new vscode.Selection(end, end);
  }
  return added;
}

function referenceChoices(entries: WorkspaceEntry[], documentPath: string, excludeId: string | undefined): ReferenceChoice[] {
  return entries.filter((e) => e.annotation.kind !== 'link' && e.annotation.id !== excludeId).map((e) => choiceFor(e, documentPath));
}

function choiceFor(e: WorkspaceEntry, currentDocument: string | undefined): ReferenceChoice {
  const a = e.annotation;
  const title = a.kind === 'claim' ? a.label : a.kind === 'note' ? (a.note ?? a.anchor.exact) : a.anchor.exact;
  return {
    ref: formatAnnotationRef(e.documentPath === currentDocument ? undefined : e.documentPath, a.id),
    label: `${kindIcon(a.kind)} ${clip(title, 80)}`,
    description: `${a.kind} · ${e.documentPath}`,
    detail: `“${clip(a.anchor.exact, 140)}”`,
  };
}

export function kindIcon(kind: Annotation['kind']): string {
  return { claim: '$(comment-discussion)', stance: '$(thumbsup)', note: '$(note)', link: '$(references)' }[kind];
}

