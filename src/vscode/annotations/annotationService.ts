import * as vscode from 'vscode';
import { formatProblem } from '../../core/problem';
import { toWorkspaceRelative } from '../../core/store/documentPaths';
import { LoadedSidecar, SaveOutcome, SidecarStore } from '../../core/store/sidecarStore';
import type { WorkspaceChange } from '../../core/workspace/folderModel';
import { DocumentAnnotations } from '../../core/workspace/documentAnnotations';
import { annotatable } from '../documentFilter';
import { readSettings } from '../settings';
import { DocumentSizeLimit } from './documentSizeLimit';
import { normalizedText, toNormalizedChanges } from './documentOffsets';
import { anchorLoaded } from './loadSession';
import { checkSidecarFile, refreshKeepingChanges, reloadFromDisk } from './reloadSession';
import { persistSession, saveOnDocumentSave, writeSessionSidecar } from './saveSession';
import { ServiceDeps, Session, SessionHost } from './session';

export type { ServiceDeps, Session } from './session';

/** Where the service learns that a sidecar changed on disk: the workspace model's changes. */
export interface SidecarChanges {
  onDidChange: vscode.Event<WorkspaceChange>;
  /** The document a sidecar file belongs to; undefined for anything else, entity catalogues included. */
  documentOfSidecar(file: string): string | undefined;
}

/**
 * Keeps every open document's annotations: loads and anchors them on open, follows edits, and
 * hands saving (saveSession.ts) and reloading when the sidecar changes on disk (reloadSession.ts)
 * the session they act on.
 */
export class AnnotationService implements vscode.Disposable, SessionHost {
  private readonly sessions = new Map<string, Session>();
  private readonly changed = new vscode.EventEmitter<vscode.Uri>();
  readonly onDidChangeAnnotations = this.changed.event;
  private readonly pending = new Set<Promise<unknown>>();
  private readonly disposables: vscode.Disposable[] = [this.changed];
  private readonly warned = new Set<string>();
  private readonly sizeLimit: DocumentSizeLimit;

  constructor(
    readonly deps: ServiceDeps,
    private readonly sidecars: SidecarChanges,
  ) {
    this.sizeLimit = new DocumentSizeLimit(deps.log);
  }

  start(): void {
    const ws = vscode.workspace;
    this.disposables.push(
      ws.onDidOpenTextDocument((d) => this.open(d)),
      ws.onDidCloseTextDocument((d) => this.close(d)),
      ws.onDidChangeTextDocument((e) => this.edit(e)),
      ws.onDidSaveTextDocument((d) => this.save(d)),
      ws.onDidChangeConfiguration((e) => e.affectsConfiguration('policyAnnotator') && this.reloadAll()),
      this.sidecars.onDidChange((c) => c.kind === 'sidecar-file' && this.sidecarChanged(c.folder.root, c.documentPath, c.path)),
    );
    for (const document of ws.textDocuments) this.open(document);
  }

  session(uri: vscode.Uri): Session | undefined {
    return this.sessions.get(uri.toString());
  }

  sessionsList(): Session[] {
    return [...this.sessions.values()];
  }

  /** Resolves when every load, save and reload started so far has finished. */
  async whenIdle(): Promise<void> {
    while (this.pending.size) await Promise.allSettled([...this.pending]);
  }

  reloadAll(): Promise<void> {
    this.sizeLimit.clear();
    for (const session of [...this.sessions.values()]) {
      // Annotation changes not written yet (the last write failed) are merged with the file, never dropped.
      if (session.model.dirty) void this.track(refreshKeepingChanges(this, session)).catch((error: unknown) => this.deps.log.warn(`Could not reload ${session.model.documentPath}: ${String(error)}`));
      else this.sessions.delete(session.uri.toString());
    }
    for (const document of vscode.workspace.textDocuments) this.open(document);
    return this.whenIdle();
  }

  /** The session of a document, opening the document (without showing it) when needed. */
  async sessionFor(uri: vscode.Uri): Promise<Session | undefined> {
    let session = this.session(uri);
    if (!session) {
      this.open(await vscode.workspace.openTextDocument(uri));
      session = this.session(uri);
    }
    const refusal = session ? undefined : this.sizeLimit.refusal(uri);
    if (refusal) throw refusal;
    await session?.ready;
    return session;
  }

  /** Writes a session's annotations now (see saveSession.ts). */
  persist(session: Session): Promise<SaveOutcome | undefined> {
    return this.track(persistSession(this, session));
  }

  /** Saves the model for `text` (the document as on disk); keeps everything in memory if that fails. */
  writeSidecar(session: Session, text: string, bytes: Uint8Array): Promise<SaveOutcome | undefined> {
    return this.track(writeSessionSidecar(this, session, text, bytes));
  }

  /** Tells listeners (decorations, tree, status bar) that a session's annotations changed. */
  notify(session: Session): void {
    this.changed.fire(session.uri);
  }

  report(loaded: LoadedSidecar): void {
    this.deps.diagnostics.set(vscode.Uri.file(loaded.file), loaded.read.problems);
    if (!loaded.read.writable && loaded.read.problems.length) this.deps.log.warn(loaded.read.problems.map(formatProblem).join('\n'));
  }

  once(key: string, show: () => void): void {
    if (this.warned.has(key)) return;
    this.warned.add(key);
    show();
  }

  private track<T>(promise: Promise<T>): Promise<T> {
    this.pending.add(promise);
    void promise.finally(() => this.pending.delete(promise));
    return promise;
  }

  private open(document: vscode.TextDocument): void {
    if (this.sessions.has(document.uri.toString())) return;
    const target = annotatable(document);
    if (!target) {
      void this.checkFile(document.uri);
      return;
    }
    if (!this.sizeLimit.admits(document, target.folder, target.documentPath)) return;
    const settings = readSettings(target.folder);
    const store = new SidecarStore(this.deps.fs, target.folder.uri.fsPath, settings.annotationsFolder);
    const model = new DocumentAnnotations(target.documentPath, { documentPath: target.documentPath, file: store.fileFor(target.documentPath), name: '', text: undefined, read: { problems: [], writable: true } });
    const session: Session = { uri: document.uri, folder: target.folder, store, model, queued: [], ready: Promise.resolve() };
    this.sessions.set(document.uri.toString(), session);
    session.ready = this.track(this.load(session, document));
  }

  private async load(session: Session, document: vscode.TextDocument): Promise<void> {
    const text = normalizedText(document);
    try {
      const loaded = await session.store.load(session.model.documentPath);
      this.report(loaded);
      await anchorLoaded(session.model, loaded, text, document.uri.fsPath, this.deps.fs, this.deps.git(), session.folder.uri.fsPath);
    } catch (error) {
      const message = `Policy Annotator could not read the annotations of ${session.model.documentPath} (${(error as Error).message ?? String(error)}). Annotations you add are kept and merged with the file once it can be read.`;
      this.deps.log.error(message);
      void vscode.window.showWarningMessage(message);
    } finally {
      for (const changes of session.queued ?? []) session.model.applyEdits(changes);
      session.queued = undefined;
      this.changed.fire(session.uri);
    }
  }

  private close(document: vscode.TextDocument): void {
    const session = this.session(document.uri);
    // A closed document with unsaved annotation changes keeps its session until they are written.
    if (session && !session.model.dirty) this.sessions.delete(document.uri.toString());
  }

  /** Edit tracking: every change moves the anchors of the annotations after it (queued while loading). */
  private edit(event: vscode.TextDocumentChangeEvent): void {
    const session = this.session(event.document.uri);
    if (!session || !event.contentChanges.length) return;
    const changes = toNormalizedChanges(event.document, event.contentChanges);
    if (session.queued) session.queued.push(changes);
    else if (session.model.applyEdits(changes)) this.changed.fire(session.uri);
  }

  private save(document: vscode.TextDocument): void {
    const session = this.session(document.uri);
    if (session) void this.track(saveOnDocumentSave(this, session, document));
  }

  /** A sidecar changed on disk (checkout, pull, merge, another window, the CLI). */
  private sidecarChanged(root: string, documentPath: string, file: string): void {
    const session = this.sessionsList().find((s) => s.folder.uri.fsPath === root && s.model.documentPath === documentPath);
    const work = session ? reloadFromDisk(this, session) : this.checkFile(vscode.Uri.file(file));
    void this.track(work).catch((error: unknown) => this.deps.log.warn(`Could not reload ${file}: ${String(error)}`));
  }

  /** Problems of a sidecar file that is not attached to an open document. */
  private async checkFile(uri: vscode.Uri): Promise<void> {
    if (uri.scheme !== 'file' || !uri.fsPath.endsWith('.yaml')) return;
    const folder = vscode.workspace.getWorkspaceFolder(uri);
    const rel = folder && toWorkspaceRelative(folder.uri.fsPath, uri.fsPath);
    if (!folder || !rel || !this.sidecars.documentOfSidecar(uri.fsPath)) return;
    await checkSidecarFile(this.deps, uri, rel);
  }

  dispose(): void {
    for (const d of this.disposables) d.dispose();
  }
}
