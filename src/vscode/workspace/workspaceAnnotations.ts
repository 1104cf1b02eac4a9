import { createHash } from 'node:crypto';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { Annotation, AnchorStatus } from '../../core/model';
import { FileSystem } from '../../core/ports/fileSystem';
import { nodeLister } from '../../core/ports/nodeDirectoryLister';
import { isCatalogueFile } from '../../core/store/catalogueFiles';
import { documentPathFor, toWorkspaceRelative } from '../../core/store/documentPaths';
import { AnnotationSummary, WorkspaceIndex } from '../../core/workspace/workspaceIndex';
import { AnnotationService } from '../annotations/annotationService';
import { readSettings } from '../settings';

export interface WorkspaceEntry {
  folder: vscode.WorkspaceFolder;
  documentPath: string;
  /** The annotated document. */
  uri: vscode.Uri;
  /** For documents that are not open this is rebuilt from the index's summary: no prefix or suffix. */
  annotation: Annotation;
  /** Live status for open documents; from the sidecar's review entry otherwise. */
  status: AnchorStatus | 'conflict';
}

interface FolderIndex {
  folder: vscode.WorkspaceFolder;
  index: WorkspaceIndex;
  ready: Promise<void>;
  watcher: vscode.Disposable[];
}

/**
 * Every annotation in the workspace, for the views, hovers and pickers: one WorkspaceIndex per folder
 * (loaded in the background with progress, cached in the extension's workspace storage, updated one
 * sidecar at a time), with open documents' live state taking precedence.
 */
export class WorkspaceAnnotations implements vscode.Disposable {
  private indexes: FolderIndex[] = [];
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChange = this.changed.event;
  private readonly disposables: vscode.Disposable[] = [this.changed];
  private saveTimer: ReturnType<typeof setTimeout> | undefined;
  /** The indexed annotations as views read them, rebuilt only when an index changed (not on every refresh). */
  private fromFiles: WorkspaceEntry[] | undefined;

  constructor(
    private readonly service: AnnotationService,
    private readonly fs: FileSystem,
    private readonly storage: vscode.Uri | undefined,
  ) {
    this.disposables.push(
      service.onDidChangeAnnotations(() => this.changed.fire()),
      vscode.workspace.onDidChangeWorkspaceFolders(() => this.build()),
      vscode.workspace.onDidChangeConfiguration((e) => e.affectsConfiguration('policyAnnotator.annotationsFolder') && this.build()),
    );
    this.build();
  }

  /** Resolves once every folder's index has loaded. */
  async ready(): Promise<void> {
    await Promise.all(this.indexes.map((i) => i.ready));
  }

  async entries(): Promise<WorkspaceEntry[]> {
    await this.ready();
    const fromFiles = (this.fromFiles ??= this.indexedEntries());
    // Open documents win over their files. Taken after the await above, so a document opened meanwhile is not listed twice.
    const sessions = this.service.sessionsList();
    const live = new Set(sessions.map((s) => `${s.folder.uri.toString()}|${s.model.documentPath}`));
    const out = fromFiles.filter((e) => !live.has(`${e.folder.uri.toString()}|${e.documentPath}`));
    for (const session of sessions) {
      for (const item of session.model.list()) {
        const status = item.annotation.review?.status === 'conflict' ? 'conflict' : item.status;
        out.push({ folder: session.folder, documentPath: session.model.documentPath, uri: session.uri, annotation: item.annotation, status });
      }
    }
    return out;
  }

  private indexedEntries(): WorkspaceEntry[] {
    const out: WorkspaceEntry[] = [];
    for (const { folder, index } of this.indexes) {
      for (const doc of index.documents()) {
        const uri = vscode.Uri.joinPath(folder.uri, ...doc.documentPath.split('/'));
        for (const s of doc.annotations) out.push({ folder, documentPath: doc.documentPath, uri, annotation: fromSummary(s), status: s.review ?? 'anchored' });
      }
    }
    return out;
  }

  private build(): void {
    this.fromFiles = undefined;
    for (const i of this.indexes) for (const d of i.watcher) d.dispose();
    this.indexes = (vscode.workspace.workspaceFolders ?? []).map((folder) => this.indexFolder(folder));
    this.changed.fire();
  }

  private indexFolder(folder: vscode.WorkspaceFolder): FolderIndex {
    const annotationsFolder = readSettings(folder).annotationsFolder;
    const key = createHash('sha1').update(folder.uri.toString()).digest('hex').slice(0, 12);
    const cacheFile = this.storage && path.join(this.storage.fsPath, `annotation-index-${key}.jsonl`);
    const index = new WorkspaceIndex({ fs: this.fs, lister: nodeLister, root: folder.uri.fsPath, annotationsFolder, cacheFile });
    const ready = Promise.resolve(
      vscode.window.withProgress({ location: vscode.ProgressLocation.Window, title: 'Policy Annotator: indexing annotations' }, async (progress) => {
        await index.load((p) => progress.report({ message: `${p.done} of ${p.total} sidecars` }));
        await index.saveCache();
      }),
    ).catch(() => undefined);
    void ready.then(() => {
      this.fromFiles = undefined;
      this.changed.fire();
    });

    // A sidecar changed on disk (any writer: this window, another one, the CLI, git): re-read just that one.
    const watcher = vscode.workspace.createFileSystemWatcher(new vscode.RelativePattern(folder, `${annotationsFolder}/**/*.yaml`));
    const update = (uri: vscode.Uri) => {
      const rel = toWorkspaceRelative(folder.uri.fsPath, uri.fsPath);
      const documentPath = rel && !isCatalogueFile(rel) ? documentPathFor(rel, annotationsFolder) : undefined;
      if (!documentPath) return;
      void ready.then(() => index.updateDocument(documentPath)).then(() => {
        this.fromFiles = undefined;
        this.changed.fire();
        this.saveCacheSoon();
      });
    };
    return { folder, index, ready, watcher: [watcher, watcher.onDidChange(update), watcher.onDidCreate(update), watcher.onDidDelete(update)] };
  }

  private saveCacheSoon(): void {
    if (this.saveTimer) clearTimeout(this.saveTimer);
    this.saveTimer = setTimeout(() => {
      for (const i of this.indexes) void i.index.saveCache().catch(() => undefined);
    }, 2000);
  }

  dispose(): void {
    if (this.saveTimer) clearTimeout(this.saveTimer);
    for (const i of this.indexes) for (const d of i.watcher) d.dispose();
    for (const d of this.disposables) d.dispose();
  }
}

/** The annotation a summary describes, as views read it (context and creation time are not indexed). */
function fromSummary(s: AnnotationSummary): Annotation {
  const common = {
    id: s.id,
    anchor: { exact: s.exact, prefix: '', suffix: '', start: s.start, end: s.end },
    author: s.author,
    created: s.modified,
    modified: s.modified,
    ...(s.tags ? { tags: s.tags } : {}),
    ...(s.note !== undefined ? { note: s.note } : {}),
    ...(s.review ? { review: { status: s.review, ...(s.reviewReason ? { reason: s.reviewReason } : {}) } } : {}),
  };
  switch (s.kind) {
    case 'claim':
      return { ...common, kind: 'claim', label: s.label ?? '', speaker: s.speaker ?? 'author', claimType: s.claimType ?? 'factual' };
    case 'stance':
      return { ...common, kind: 'stance', holder: s.holder ?? 'author', target: s.target ?? '', polarity: s.polarity ?? 'neutral' };
    case 'link':
      return { ...common, kind: 'link', from: s.from ?? '', to: s.to ?? '', relation: s.relation ?? 'cites' };
    case 'note':
      return { ...common, kind: 'note' };
  }
}
