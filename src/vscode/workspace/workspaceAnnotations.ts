import * as vscode from 'vscode';
import { Annotation, AnchorStatus } from '../../core/model';
import { FileSystem } from '../../core/ports/fileSystem';
import { isCatalogueFile } from '../../core/store/catalogueFiles';
import { documentPathFor, toWorkspaceRelative } from '../../core/store/documentPaths';
import { readSidecar } from '../../core/store/readSidecar';
import { AnnotationService } from '../annotations/annotationService';
import { readSettings } from '../settings';

export interface WorkspaceEntry {
  folder: vscode.WorkspaceFolder;
  documentPath: string;
  /** The annotated document. */
  uri: vscode.Uri;
  annotation: Annotation;
  /** Live status for open documents; from the sidecar's review entry otherwise. */
  status: AnchorStatus | 'conflict';
}

interface CachedFile {
  mtimeMs: number;
  size: number;
  documentPath: string;
  annotations: Annotation[];
}

const utf8 = new TextDecoder('utf-8');

/**
 * Every annotation in the workspace: sidecars on disk, with open documents' live state taking
 * precedence. Files are re-read only when their size or mtime changed.
 */
export class WorkspaceAnnotations implements vscode.Disposable {
  private readonly files = new Map<string, CachedFile>();
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChange = this.changed.event;
  private readonly disposables: vscode.Disposable[] = [this.changed];

  constructor(
    private readonly service: AnnotationService,
    private readonly fs: FileSystem,
  ) {
    const watcher = vscode.workspace.createFileSystemWatcher('**/*.yaml');
    const fire = () => this.changed.fire();
    this.disposables.push(watcher, watcher.onDidChange(fire), watcher.onDidCreate(fire), watcher.onDidDelete(fire), service.onDidChangeAnnotations(fire));
  }

  async entries(): Promise<WorkspaceEntry[]> {
    const fromFiles: WorkspaceEntry[] = [];
    for (const folder of vscode.workspace.workspaceFolders ?? []) {
      const annotationsFolder = readSettings(folder).annotationsFolder;
      for (const file of await vscode.workspace.findFiles(new vscode.RelativePattern(folder, `${annotationsFolder}/**/*.yaml`))) {
        const cached = await this.load(folder, annotationsFolder, file);
        if (!cached) continue;
        const uri = vscode.Uri.joinPath(folder.uri, ...cached.documentPath.split('/'));
        for (const annotation of cached.annotations) fromFiles.push({ folder, documentPath: cached.documentPath, uri, annotation, status: annotation.review?.status ?? 'anchored' });
      }
    }
    // Open documents win over their files. Taken after the awaits above, so a document opened meanwhile is not listed twice.
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

  private async load(folder: vscode.WorkspaceFolder, annotationsFolder: string, file: vscode.Uri): Promise<CachedFile | undefined> {
    const rel = toWorkspaceRelative(folder.uri.fsPath, file.fsPath);
    if (!rel || isCatalogueFile(rel)) return undefined;
    const documentPath = documentPathFor(rel, annotationsFolder);
    if (!documentPath) return undefined;
    const stat = await this.fs.stat(file.fsPath);
    if (!stat) return undefined;
    const cached = this.files.get(file.fsPath);
    if (cached && cached.mtimeMs === stat.mtimeMs && cached.size === stat.size) return cached;
    const bytes = await this.fs.readBytes(file.fsPath);
    const read = bytes ? readSidecar(utf8.decode(bytes), rel) : undefined;
    const fresh = { mtimeMs: stat.mtimeMs, size: stat.size, documentPath, annotations: read?.sidecar?.annotations ?? [] };
    this.files.set(file.fsPath, fresh);
    return fresh;
  }

  dispose(): void {
    for (const d of this.disposables) d.dispose();
  }
}
