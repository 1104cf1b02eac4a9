import * as vscode from 'vscode';
import { Annotation, parseAnnotationRef, TOPIC_PREFIX } from '../../core/model';
import { AnnotationService } from '../annotations/annotationService';
import { toNormalizedOffset, toRange } from '../annotations/documentOffsets';
import { CommandIds } from '../commandIds';
import { LinkEntry, WorkspaceAnnotations, WorkspaceEntry } from '../workspace/workspaceAnnotations';
import { commandLink, escapeMarkdown, trustedMarkdown } from './safeMarkdown';
import { clip } from '../../core/text/clip';

/** A hover card for annotated text: what the annotation says, who made it, and its cross-references both ways. */
export class AnnotationHoverProvider implements vscode.HoverProvider {
  constructor(
    private readonly service: AnnotationService,
    private readonly workspace: WorkspaceAnnotations,
    /** An entity's name by id (the id when unknown). */
    private readonly partyName: (id: string) => string,
  ) {}

  async provideHover(document: vscode.TextDocument, position: vscode.Position): Promise<vscode.Hover | undefined> {
    const session = this.service.session(document.uri);
    if (!session) return undefined;
    await session.ready;
    const offset = toNormalizedOffset(document, position);
    // A version an adjudication superseded has no card: the curated one over the same words has.
    const current = this.workspace.isCurrent(session.folder);
    const here = session.model.list().filter((l) => l.span && l.span.start <= offset && offset < l.span.end && current(l.annotation));
    if (!here.length) return undefined;
    // References resolve against every version (a link may name a superseded one), but only current links are listed.
    const entries = await this.workspace.entries({ superseded: true });
    const links = (await this.workspace.links()).filter((l) => l.folder.uri.toString() === session.folder.uri.toString());
    const md = trustedMarkdown();
    here.forEach((live, i) => {
      if (i) md.appendMarkdown('\n\n---\n\n');
      md.appendMarkdown(this.card(live.annotation, live.status, live.was, session.model.documentPath, document.uri, entries, links));
    });
    const first = here[here.length - 1].span!;
    return new vscode.Hover(md, toRange(document, first.start, first.end));
  }

  private card(a: Annotation, status: string, was: string | undefined, documentPath: string, uri: vscode.Uri, entries: WorkspaceEntry[], links: LinkEntry[]): string {
    const lines: string[] = [];
    const title = a.kind === 'claim' ? a.label : a.kind === 'stance' ? `${this.party(a.holder)} · ${a.polarity} · ${this.target(a.target)}` : a.kind === 'link' ? a.relation : undefined;
    lines.push(`**${a.kind[0].toUpperCase()}${a.kind.slice(1)}**${title ? ` — ${escapeMarkdown(title)}` : ''}`);
    if (a.kind === 'claim') lines.push(`Speaker: ${escapeMarkdown(this.party(a.speaker))} · Type: ${escapeMarkdown(a.claimType)}`);
    if (a.kind === 'stance') lines.push(`Holder: ${escapeMarkdown(this.party(a.holder))} · Polarity: ${escapeMarkdown(a.polarity)} · Target: ${escapeMarkdown(this.target(a.target))}`);
    if (a.tags?.length) lines.push(`Tags: ${a.tags.map(escapeMarkdown).join(', ')}`);
    if (a.note) lines.push(`> ${escapeMarkdown(a.note)}`);
    lines.push(`*${escapeMarkdown(a.author)}, ${escapeMarkdown(a.created.slice(0, 10))}${a.modified !== a.created ? `, edited ${escapeMarkdown(a.modified.slice(0, 10))}` : ''}* · \`${a.id}\``);
    if (a.review || status === 'fuzzy') {
      const reason = a.review?.reason ? `: ${escapeMarkdown(a.review.reason)}` : '';
      const before = a.review?.was ?? was;
      lines.push(`$(warning) Needs review (${escapeMarkdown(a.review?.status ?? status)})${reason}${before ? ` — was “${escapeMarkdown(before)}”` : ''} · ${commandLink('Mark reviewed', CommandIds.acceptReview, { uri: uri.toString(), id: a.id })}`);
    }
    const refs = [...this.crossReferences(a, documentPath, entries), ...anchorlessReferences(a, documentPath, entries, links)];
    if (refs.length) lines.push('Cross-references:', ...refs.map((r) => `- ${r}`));
    lines.push(commandLink('Edit…', CommandIds.editAnnotation, { uri: uri.toString(), id: a.id }));
    return lines.join('\n\n');
  }

  /** Links from this annotation and links to it, anywhere in the workspace, as links that open the other end. */
  private crossReferences(a: Annotation, documentPath: string, entries: WorkspaceEntry[]): string[] {
    const out: string[] = [];
    const resolve = (ref: string, from: string) => {
      const parsed = parseAnnotationRef(ref);
      if (!parsed) return undefined;
      const doc = parsed.document ?? from;
      return entries.find((e) => e.documentPath === doc && e.annotation.id === parsed.id);
    };
    const describe = (e: WorkspaceEntry) => {
      const label = e.annotation.kind === 'claim' ? e.annotation.label : e.annotation.anchor.exact;
      const superseded = e.supersession?.superseded ? ` (superseded by \`${e.supersession.by}\`)` : '';
      return commandLink(`${e.documentPath}: ${clip(label)}`, CommandIds.revealAnnotation, { uri: e.uri.toString(), id: e.annotation.id }) + superseded;
    };
    if (a.kind === 'link') {
      const to = resolve(a.to, documentPath);
      out.push(`→ ${escapeMarkdown(a.relation)} ${to ? describe(to) : escapeMarkdown(this.party(a.to))}`);
    }
    for (const e of entries) {
      if (e.annotation.kind !== 'link' || e.annotation.id === a.id || e.supersession?.superseded) continue;
      const link = e.annotation;
      const from = resolve(link.from, e.documentPath);
      const to = resolve(link.to, e.documentPath);
      if (to && to.documentPath === documentPath && to.annotation.id === a.id) out.push(`← ${escapeMarkdown(link.relation)} from ${from && from.annotation.id !== link.id ? describe(from) : describe(e)}`);
      else if (from && from.documentPath === documentPath && from.annotation.id === a.id && to) out.push(`→ ${escapeMarkdown(link.relation)} ${describe(to)}`);
    }
    return out;
  }

  private party(id: string): string {
    return this.partyName(id);
  }

  private target(ref: string): string {
    if (ref.startsWith(TOPIC_PREFIX)) return ref.slice(TOPIC_PREFIX.length);
    return parseAnnotationRef(ref) ? `claim ${ref}` : this.party(ref);
  }
}


/**
 * The anchorless links that join this annotation to another, both ways: shown on this card, since
 * such a link has no words and so no card of its own.
 */
function anchorlessReferences(a: Annotation, documentPath: string, entries: WorkspaceEntry[], links: LinkEntry[]): string[] {
  const out: string[] = [];
  const resolve = (ref: string, from: string) => {
    const parsed = parseAnnotationRef(ref);
    return parsed && { documentPath: parsed.document ?? from, id: parsed.id };
  };
  const describe = (end: { documentPath: string; id: string } | undefined, from: LinkEntry) => {
    const e = end && entries.find((x) => x.documentPath === end.documentPath && x.annotation.id === end.id && x.folder.uri.toString() === from.folder.uri.toString());
    if (!e) return `${escapeMarkdown(end ? `${end.documentPath}#${end.id}` : '?')} (missing)`;
    const label = e.annotation.kind === 'claim' ? e.annotation.label : e.annotation.anchor.exact;
    return commandLink(`${e.documentPath}: ${clip(label)}`, CommandIds.revealAnnotation, { uri: e.uri.toString(), id: e.annotation.id });
  };
  const isThis = (end: { documentPath: string; id: string } | undefined) => end?.documentPath === documentPath && end.id === a.id;
  for (const entry of links) {
    const { link } = entry;
    const [from, to] = [resolve(link.from, entry.documentPath), resolve(link.to, entry.documentPath)];
    const review = link.review ? ` $(warning) ${escapeMarkdown(link.review.status)}` : '';
    const note = link.note ? ` — ${escapeMarkdown(clip(link.note))}` : '';
    if (isThis(from)) out.push(`→ ${escapeMarkdown(link.relation)} ${describe(to, entry)}${note}${review}`);
    else if (isThis(to)) out.push(`← ${escapeMarkdown(link.relation)} from ${describe(from, entry)}${note}${review}`);
  }
  return out;
}
