import * as vscode from 'vscode';
import { isSuperseded, supersession, type Supersedable, type SupersedableLookup, type Supersession } from '../../core/agreement/superseded';
import { AnchorlessLink, Annotation, AnchorStatus, DocumentMetadata, parseAnnotationRef } from '../../core/model';
import { annotationFromSummary, linkFromSummary } from '../../core/workspace/summaries';
import { AnnotationService } from '../annotations/annotationService';
import { WorkspaceModelHost } from './workspaceModelHost';

export interface WorkspaceEntry {
  folder: vscode.WorkspaceFolder;
  documentPath: string;
  /** The annotated document. */
  uri: vscode.Uri;
  /** For documents that are not open this is rebuilt from the index's summary: no prefix or suffix. */
  annotation: Annotation;
  /** Live status for open documents; from the sidecar's review entry otherwise. */
  status: AnchorStatus | 'conflict';
  /** Set when it has a `supersededBy`: superseded by the curated version, or why that reference cannot be followed. */
  supersession?: Supersession;
}

/** An anchorless link between two annotations: no place of its own, so no live status; `conflict` after a merge. */
export interface LinkEntry {
  folder: vscode.WorkspaceFolder;
  documentPath: string;
  /** The document whose sidecar holds the link. */
  uri: vscode.Uri;
  link: AnchorlessLink;
  status: 'anchored' | 'conflict';
  supersession?: Supersession;
}

/** Which annotations a reader gets: the current ones (default), or the superseded versions too (a tree's toggle). */
export interface EntryOptions {
  superseded?: boolean;
}

/**
 * Every annotation in the workspace, for the views, hovers and pickers: the workspace model's
 * indexes (one per folder), with open documents' live state taking precedence. What is current: a
 * version an adjudication superseded (core/agreement/superseded.ts) is left out unless asked for, so
 * every view shows the team's answer once; the Disagreements view reads the sidecars, not this.
 */
export class WorkspaceAnnotations implements vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChange = this.changed.event;
  private readonly disposables: vscode.Disposable[] = [this.changed];
  /** The indexed annotations as views read them, rebuilt only when an index changed (not on every refresh). */
  private fromFiles: { entries: WorkspaceEntry[]; links: LinkEntry[] } | undefined;

  constructor(
    private readonly service: AnnotationService,
    private readonly host: WorkspaceModelHost,
  ) {
    this.disposables.push(
      service.onDidChangeAnnotations(() => this.changed.fire()),
      host.onDidChange((c) => {
        if (c.kind !== 'index' && c.kind !== 'folders') return;
        this.fromFiles = undefined;
        this.changed.fire();
      }),
    );
  }

  /** Resolves once every folder's index has loaded. */
  async ready(): Promise<void> {
    await Promise.all(this.host.model.folders().map((f) => f.ready));
  }

  async entries(options: EntryOptions = {}): Promise<WorkspaceEntry[]> {
    await this.ready();
    const { sessions, out } = this.closedOnly((this.fromFiles ??= this.indexed()).entries);
    for (const session of sessions) {
      for (const item of session.model.list()) {
        const status = item.annotation.review?.status === 'conflict' ? 'conflict' : item.status;
        out.push({ folder: session.folder, documentPath: session.model.documentPath, uri: session.uri, annotation: item.annotation, status });
      }
    }
    return this.current(out, (e) => e.annotation, options);
  }

  /** `out` with each entry that has a `supersededBy` marked (copied: indexed entries are cached), the superseded left out unless asked for. */
  private current<E extends { folder: vscode.WorkspaceFolder; supersession?: Supersession }>(out: E[], of: (e: E) => { id: string; supersededBy?: string }, options: EntryOptions): E[] {
    const lookups = new Map<string, SupersedableLookup>();
    const kept: E[] = [];
    for (const e of out) {
      const a = of(e);
      if (a.supersededBy === undefined) {
        kept.push(e);
        continue;
      }
      const key = e.folder.uri.toString();
      if (!lookups.has(key)) lookups.set(key, this.lookup(e.folder));
      const marked = { ...e, supersession: supersession(a, lookups.get(key)!) };
      if (options.superseded || !marked.supersession?.superseded) kept.push(marked);
    }
    return kept;
  }

  /** Whether an annotation of `folder` is current (not superseded): for readers of an open document's live list. */
  isCurrent(folder: vscode.WorkspaceFolder): (annotation: Supersedable) => boolean {
    let lookup: SupersedableLookup | undefined;
    return (a) => a.supersededBy === undefined || !isSuperseded(a, (lookup ??= this.lookup(folder)));
  }

  /**
   * The annotation with an id anywhere in `folder` (what supersededBy names): an open document's live
   * state first, else the index (documents that are not open).
   */
  lookup(folder: vscode.WorkspaceFolder): SupersedableLookup {
    const sessions = this.service.sessionsList().filter((s) => s.folder.uri.toString() === folder.uri.toString());
    const open = new Set(sessions.map((s) => s.model.documentPath));
    const index = this.host.folderFor(folder)?.index;
    return (id) => {
      for (const s of sessions) {
        const live = s.model.get(id)?.annotation ?? s.model.getLink(id);
        if (live) return live;
      }
      return index?.byId(id).find((a) => !open.has(a.documentPath));
    };
  }

  /**
   * Open documents win over their files: the indexed entries of documents that are not open, and the open
   * sessions. Taken after an await, so a document opened meanwhile is not listed twice.
   */
  private closedOnly<E extends { folder: vscode.WorkspaceFolder; documentPath: string }>(fromFiles: E[]) {
    const sessions = this.service.sessionsList();
    const live = new Set(sessions.map((s) => `${s.folder.uri.toString()}|${s.model.documentPath}`));
    return { sessions, out: fromFiles.filter((e) => !live.has(`${e.folder.uri.toString()}|${e.documentPath}`)) };
  }

  /** Every anchorless link in the workspace, open documents' unsaved state first. */
  async links(options: EntryOptions = {}): Promise<LinkEntry[]> {
    await this.ready();
    const { sessions, out } = this.closedOnly((this.fromFiles ??= this.indexed()).links);
    for (const session of sessions) {
      for (const link of session.model.links()) out.push({ folder: session.folder, documentPath: session.model.documentPath, uri: session.uri, link, status: link.review?.status === 'conflict' ? 'conflict' : 'anchored' });
    }
    return this.current(out, (e) => e.link, options);
  }

  /**
   * Whether `documentPath#id` (relative to `folder`) names an annotation: in the open document's
   * live state when it is open, else in the index. What "broken link" is measured against.
   */
  exists(folder: vscode.WorkspaceFolder, documentPath: string, id: string): boolean {
    const session = this.service.sessionsList().find((s) => s.folder.uri.toString() === folder.uri.toString() && s.model.documentPath === documentPath);
    if (session) return session.model.list().some((i) => i.annotation.id === id);
    return !!this.host.folderFor(folder)?.index.byId(id).some((a) => a.documentPath === documentPath);
  }

  /**
   * The other workspace folder a reference made in `folder` would mean, when its target is not in
   * `folder` but in another one: references are relative to their own folder, so such a link is refused.
   */
  otherFolderOf(folder: vscode.WorkspaceFolder, ref: string, fromDocument: string): vscode.WorkspaceFolder | undefined {
    const parsed = parseAnnotationRef(ref);
    if (!parsed) return undefined;
    const documentPath = parsed.document ?? fromDocument;
    if (this.exists(folder, documentPath, parsed.id)) return undefined;
    return (vscode.workspace.workspaceFolders ?? []).find((f) => f.uri.toString() !== folder.uri.toString() && this.exists(f, documentPath, parsed.id));
  }

  /** The metadata of an entry's document (title, date, outlet), from its sidecar as indexed. */
  metadataOf(entry: Pick<WorkspaceEntry, 'folder' | 'documentPath'>): DocumentMetadata | undefined {
    return this.host.folderFor(entry.folder)?.index.document(entry.documentPath)?.metadata;
  }

  /** The indexed annotations and anchorless links as views read them, in one pass over the indexes. */
  private indexed(): { entries: WorkspaceEntry[]; links: LinkEntry[] } {
    const entries: WorkspaceEntry[] = [];
    const links: LinkEntry[] = [];
    for (const model of this.host.model.folders()) {
      const folder = this.host.workspaceFolder(model);
      if (!folder) continue;
      for (const doc of model.index.documents()) {
        const uri = vscode.Uri.joinPath(folder.uri, ...doc.documentPath.split('/'));
        for (const s of doc.annotations) entries.push({ folder, documentPath: doc.documentPath, uri, annotation: annotationFromSummary(s), status: s.review ?? 'anchored' });
        for (const s of doc.links ?? []) links.push({ folder, documentPath: doc.documentPath, uri, link: linkFromSummary(s), status: s.review === 'conflict' ? 'conflict' : 'anchored' });
      }
    }
    return { entries, links };
  }

  dispose(): void {
    for (const d of this.disposables) d.dispose();
  }
}
