import * as vscode from 'vscode';
import { pickItem } from '../quickPick';
import { AnnotationFields } from '../../core/editing/buildAnnotation';
import { AnchorlessLink, Annotation, ANNOTATION_KINDS, AnnotationKind, formatAnnotationRef, parseAnnotationRef } from '../../core/model';
import { AnnotationService } from '../annotations/annotationService';
import { toNormalizedOffset, toRange } from '../annotations/documentOffsets';
import { kindIcon } from './addCommands';
import { AnnotationEditor, AnnotationTarget } from './annotationEditor';
import { commandSelection, SelectionArgs, toUri, UserError } from './commandTarget';
import { EntitySuggestions, inputLabel, inputNote, inputTags, pickClaimType, pickLinkTarget, pickParty, pickPolarity, pickRelation, pickStanceTarget } from './prompts';
import { RecentValues } from './recentValues';
import { clip } from '../../core/text/clip';

/** How commands name an annotation: `{ uri, id }`, or a tree item carrying one. */
export interface TargetArgs {
  uri?: string | vscode.Uri;
  id?: string;
  target?: { uri: string | vscode.Uri; id: string };
}

export interface EditArgs extends TargetArgs {
  /** The fields to set; skips the prompts. */
  patch?: AnnotationFields & { review?: null };
  kind?: AnnotationKind;
}

export interface ManageDeps {
  editor: AnnotationEditor;
  service: AnnotationService;
  entities: EntitySuggestions;
  recent: RecentValues;
}

export function manageCommands(deps: ManageDeps) {
  /** The annotation a command is about: from its arguments, else the one under the cursor. */
  function explicitTarget(args?: TargetArgs): AnnotationTarget | undefined {
    const named = args?.target ?? (args?.uri && args.id ? { uri: args.uri, id: args.id } : undefined);
    return named && { uri: toUri(named.uri), id: named.id };
  }

  /** The anchorless link a command names, if it names one (a Cross-references row, or `{ uri, id }`). */
  async function linkTarget(args?: TargetArgs): Promise<(AnnotationTarget & { link: AnchorlessLink }) | undefined> {
    const explicit = explicitTarget(args);
    const link = explicit && (await deps.service.sessionFor(explicit.uri))?.model.getLink(explicit.id);
    return link && { ...explicit!, link };
  }

  async function resolve(args?: TargetArgs): Promise<AnnotationTarget & { annotation: Annotation }> {
    const explicit = explicitTarget(args);
    if (explicit) {
      const session = await deps.service.sessionFor(explicit.uri);
      const live = session?.model.get(explicit.id);
      if (!live) throw new UserError(`No annotation ${explicit.id} in ${vscode.workspace.asRelativePath(explicit.uri)}.`);
      return { ...explicit, annotation: live.annotation };
    }
    const editor = vscode.window.activeTextEditor;
    const session = editor && deps.service.session(editor.document.uri);
    if (!editor || !session) throw new UserError('Put the cursor in an annotated passage, or pick the annotation in the Policy Annotator view.');
    const offset = toNormalizedOffset(editor.document, editor.selection.active);
    const under = session.model.list().filter((l) => l.span && l.span.start <= offset && offset <= l.span.end);
    if (!under.length) throw new UserError('There is no annotation at the cursor.');
    const chosen = under.length === 1 ? under[0] : await pickOne(under.map((l) => l.annotation));
    if (!chosen) throw new UserError('No annotation chosen.');
    const annotation = 'annotation' in chosen ? chosen.annotation : chosen;
    return { uri: editor.document.uri, id: annotation.id, annotation };
  }

  async function editAnnotation(args?: EditArgs): Promise<Annotation | AnchorlessLink | undefined> {
    const link = await linkTarget(args);
    if (link) {
      const patch = args?.patch ?? (await askPatch({ ...link, annotation: link.link }));
      return patch && deps.editor.updateLink(link, patch);
    }
    const target = await resolve(args);
    const patch = args?.patch ?? (await askPatch(target));
    if (!patch) return undefined;
    return deps.editor.update(target, patch);
  }

  async function askPatch(target: AnnotationTarget & { annotation: Annotation | AnchorlessLink }): Promise<AnnotationFields | undefined> {
    const a = target.annotation;
    const fields: Record<AnnotationKind, string[]> = {
      claim: ['label', 'speaker', 'claimType', 'tags', 'note'],
      stance: ['holder', 'target', 'polarity', 'tags', 'note'],
      note: ['note', 'tags'],
      // An anchorless link's ends are annotations: to join others, delete it and link again.
      link: 'anchor' in a ? ['to', 'relation', 'tags', 'note'] : ['relation', 'tags', 'note'],
    };
    const record = a as unknown as Record<string, unknown>;
    const field = await pickItem(
      fields[a.kind].map((f) => ({ label: f, description: describe(record[f]) })),
      { title: `Edit ${a.kind} ${a.id}`, placeHolder: 'Which field?' },
    );
    if (!field) return undefined;
    const all = deps.entities.allEntities();
    switch (field.label) {
      case 'label': return wrap('label', await inputLabel(String(record.label ?? '')));
      case 'speaker': return wrap('speaker', await pickParty('Speaker', [], all, deps.recent));
      case 'holder': return wrap('holder', await pickParty('Holder', [], all, deps.recent));
      case 'claimType': return wrap('claimType', await pickClaimType(deps.recent));
      case 'polarity': return wrap('polarity', await pickPolarity());
      case 'relation': return wrap('relation', await pickRelation(deps.recent));
      case 'target': return wrap('target', await pickStanceTarget([], all, deps.recent));
      case 'to': return wrap('to', await pickLinkTarget([], all));
      case 'note': return wrap('note', await inputNote(String(record.note ?? '')));
      case 'tags': {
        const raw = await inputTags((a.tags ?? []) as string[], deps.recent);
        if (raw === undefined) return undefined;
        const tags = raw.split(',').map((t) => t.trim()).filter(Boolean);
        await deps.recent.remember('tags', ...tags);
        return { tags };
      }
    }
    return undefined;
  }

  async function changeKind(args?: EditArgs): Promise<Annotation | undefined> {
    const target = await resolve(args);
    const kind = args?.kind ?? (await pickItem(ANNOTATION_KINDS.filter((k) => k !== target.annotation.kind).map((k) => ({ label: k })), { title: `Change ${target.annotation.id} from ${target.annotation.kind} to…` }))?.label;
    if (!kind) return undefined;
    let fields = args?.patch ?? {};
    if (!args?.patch) {
      if (kind === 'stance') fields = { holder: 'author', target: await pickStanceTarget([], deps.entities.allEntities(), deps.recent), polarity: await pickPolarity() };
      if (kind === 'link') fields = { from: formatAnnotationRef(undefined, target.id), to: await pickLinkTarget([], deps.entities.allEntities()), relation: await pickRelation(deps.recent) };
      if (Object.values(fields).some((v) => v === undefined)) return undefined;
    }
    return deps.editor.changeKind(target, kind as AnnotationKind, fields);
  }

  async function deleteAnnotation(args?: TargetArgs): Promise<Annotation | AnchorlessLink> {
    const link = await linkTarget(args);
    if (link) return deps.editor.removeLink(link);
    const target = await resolve(args);
    // The status bar says what was deleted, with Undo (ChangeFeedback): no notification to dismiss.
    return deps.editor.remove(target);
  }

  async function undo(): Promise<string | undefined> {
    const label = await deps.editor.undo();
    // ChangeFeedback says "Undone: …" in the status bar.
    if (!label) void vscode.window.showInformationMessage('There is no annotation change to undo.');
    return label;
  }

  async function reattach(args?: TargetArgs & SelectionArgs): Promise<void> {
    const selection = await commandSelection(args?.start !== undefined ? args : undefined);
    const target = args?.id ? await resolve(args) : await pickReview(selection.uri);
    if (!target) return;
    await deps.editor.reattach(target, selection.span);
  }

  async function pickReview(uri: vscode.Uri): Promise<(AnnotationTarget & { annotation: Annotation }) | undefined> {
    const session = await deps.service.sessionFor(uri);
    const candidates = session?.model.list().filter((l) => l.annotation.review || l.status !== 'anchored') ?? [];
    if (!candidates.length) throw new UserError('No annotation of this document needs re-attaching.');
    const chosen = await pickOne(candidates.map((l) => l.annotation));
    return chosen && { uri, id: chosen.id, annotation: chosen };
  }

  async function acceptReview(args?: TargetArgs): Promise<Annotation | AnchorlessLink> {
    const link = await linkTarget(args);
    if (link) return deps.editor.updateLink(link, { review: null });
    return deps.editor.update(await resolve(args), { review: null });
  }

  async function reveal(args?: TargetArgs): Promise<void> {
    const link = await linkTarget(args);
    // An anchorless link has no words: its `from` annotation is where it is.
    const from = link && parseAnnotationRef(link.link.from);
    if (link && from) {
      const session = await deps.service.sessionFor(link.uri);
      const folder = session?.folder.uri ?? link.uri;
      return reveal({ uri: from.document ? vscode.Uri.joinPath(folder, ...from.document.split('/')) : link.uri, id: from.id });
    }
    const target = await resolve(args);
    const session = await deps.service.sessionFor(target.uri);
    const live = session?.model.get(target.id);
    const document = await vscode.workspace.openTextDocument(target.uri);
    const span = live?.span ?? { start: target.annotation.anchor.start, end: target.annotation.anchor.end };
    const range = toRange(document, Math.min(span.start, document.getText().length), Math.min(span.end, document.getText().length));
    await vscode.window.showTextDocument(document, { selection: range, preview: false });
    if (!live?.span) void vscode.window.showWarningMessage(`${target.annotation.kind} ${target.id} has no place in the text now (${live?.status ?? 'orphaned'}); this is where it was. Select its words and run “Re-attach Annotation to Selection”.`);
  }

  async function copyQuote(args?: TargetArgs): Promise<string> {
    const { annotation } = await resolve(args);
    await vscode.env.clipboard.writeText(annotation.anchor.exact);
    return annotation.anchor.exact;
  }

  async function copyLink(args?: TargetArgs): Promise<string> {
    const target = (await linkTarget(args)) ?? (await resolve(args));
    const session = await deps.service.sessionFor(target.uri);
    const ref = formatAnnotationRef(session?.model.documentPath, target.id);
    await vscode.env.clipboard.writeText(ref);
    return ref;
  }

  return { editAnnotation, changeKind, deleteAnnotation, undo, reattach, acceptReview, reveal, copyQuote, copyLink };
}

async function pickOne(annotations: Annotation[]): Promise<Annotation | undefined> {
  const chosen = await pickItem(
    annotations.map((a) => ({ label: `${kindIcon(a.kind)} ${a.kind === 'claim' ? a.label : clip(a.anchor.exact)}`, description: a.id, annotation: a })),
    { title: 'Which annotation?' },
  );
  return chosen?.annotation;
}

function wrap<K extends keyof AnnotationFields>(key: K, value: AnnotationFields[K] | undefined): AnnotationFields | undefined {
  return value === undefined ? undefined : ({ [key]: value } as AnnotationFields);
}

function describe(value: unknown): string {
  if (value === undefined) return '(empty)';
  return clip(Array.isArray(value) ? value.join(', ') : String(value));
}

