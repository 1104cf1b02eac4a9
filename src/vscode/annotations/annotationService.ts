import * as vscode from 'vscode';
import { fingerprint } from '../../core/anchoring/fingerprint';
import { canonicalJson } from '../../core/canonicalJson';
import { mergeAnnotations } from '../../core/merge/mergeAnnotations';
import { normalizeText } from '../../core/anchoring/normalize';
import { FileSystem } from '../../core/ports/fileSystem';
import { Git } from '../../core/ports/git';
import { formatProblem } from '../../core/problem';
import { documentPathFor, toWorkspaceRelative } from '../../core/store/documentPaths';
import { readSidecar } from '../../core/store/readSidecar';
import { LoadedSidecar, readUntrusted, SaveOutcome, SidecarStore } from '../../core/store/sidecarStore';
import { applyAnchoring } from '../../core/workspace/anchorSidecar';
import { DocumentAnnotations } from '../../core/workspace/documentAnnotations';
import { annotatable } from '../documentFilter';
import { readSettings } from '../settings';
import { normalizedText, toNormalizedChanges } from './documentOffsets';
import { anchorLoaded, mergeFromDisk } from './loadSession';
import { ProblemDiagnostics } from './problemDiagnostics';

export interface Session {
  uri: vscode.Uri;
  folder: vscode.WorkspaceFolder;
  store: SidecarStore;
  model: DocumentAnnotations;
  /** Changes that arrived while the sidecar was loading, replayed once it is anchored. */
  queued: ReturnType<typeof toNormalizedChanges>[] | undefined;
  ready: Promise<void>;
}

export interface ServiceDeps {
  fs: FileSystem;
  /** Git for trusted workspaces; a no-op in Restricted Mode. */
  git: () => Git;
  log: vscode.LogOutputChannel;
  diagnostics: ProblemDiagnostics;
}

const utf8 = new TextDecoder('utf-8');

/**
 * Keeps every open document's annotations: loads and anchors them on open, follows edits,
 * writes the sidecar when the document is saved, and reloads when the sidecar changes on disk.
 */
export class AnnotationService implements vscode.Disposable {
  private readonly sessions = new Map<string, Session>();
  private readonly changed = new vscode.EventEmitter<vscode.Uri>();
  readonly onDidChangeAnnotations = this.changed.event;
  private readonly pending = new Set<Promise<unknown>>();
  private readonly disposables: vscode.Disposable[] = [this.changed];
  private readonly warned = new Set<string>();
  /** Documents over policyAnnotator.maxDocumentSize: not tracked (uri → size in characters). */
  private readonly tooLarge = new Map<string, { size: number; limit: number }>();

  constructor(private readonly deps: ServiceDeps) {}

  start(): void {
    const ws = vscode.workspace;
    this.disposables.push(
      ws.onDidOpenTextDocument((d) => this.open(d)),
      ws.onDidCloseTextDocument((d) => this.close(d)),
      ws.onDidChangeTextDocument((e) => this.edit(e)),
      ws.onDidSaveTextDocument((d) => this.track(this.save(d))),
      ws.onDidChangeWorkspaceFolders(() => this.watchSidecars()),
      ws.onDidChangeConfiguration((e) => e.affectsConfiguration('policyAnnotator') && this.reloadAll()),
    );
    this.watchSidecars();
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
    this.tooLarge.clear();
    for (const session of [...this.sessions.values()]) {
      // Annotation changes not written yet (the last write failed) are merged with the file, never dropped.
      if (session.model.dirty) void this.track(this.refreshKeepingChanges(session)).catch((error: unknown) => this.deps.log.warn(`Could not reload ${session.model.documentPath}: ${String(error)}`));
      else this.sessions.delete(session.uri.toString());
    }
    for (const document of vscode.workspace.textDocuments) this.open(document);
    return this.whenIdle();
  }

  private async refreshKeepingChanges(session: Session): Promise<void> {
    await session.ready;
    const loaded = await session.store.load(session.model.documentPath);
    if (loaded.text === session.model.base.text) return;
    this.report(loaded);
    const document = vscode.workspace.textDocuments.find((d) => d.uri.toString() === session.uri.toString());
    if (!document || !loaded.read.writable) return;
    mergeFromDisk(session.model, loaded, normalizedText(document));
    this.changed.fire(session.uri);
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
      this.checkSidecarFile(document.uri);
      return;
    }
    // Very large documents would make anchoring and decorations hold up the extension host: left alone, with a message.
    const limit = maxDocumentSize(target.folder);
    const size = document.offsetAt(new vscode.Position(document.lineCount, 0));
    if (size > limit) {
      this.tooLarge.set(document.uri.toString(), { size, limit });
      const message = `Policy Annotator does not track annotations in ${target.documentPath}: it has ${size.toLocaleString('en')} characters, more than policyAnnotator.maxDocumentSize (${limit.toLocaleString('en')}).`;
      this.deps.log.warn(message);
      if (!this.warned.has(message)) {
        this.warned.add(message);
        void vscode.window.showInformationMessage(message);
      }
      return;
    }
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

  private edit(event: vscode.TextDocumentChangeEvent): void {
    const session = this.session(event.document.uri);
    if (!session || !event.contentChanges.length) return;
    const changes = toNormalizedChanges(event.document, event.contentChanges);
    if (session.queued) session.queued.push(changes);
    else if (session.model.applyEdits(changes)) this.changed.fire(session.uri);
  }

  /** The session of a document, opening the document (without showing it) when needed. */
  async sessionFor(uri: vscode.Uri): Promise<Session | undefined> {
    let session = this.session(uri);
    if (!session) {
      this.open(await vscode.workspace.openTextDocument(uri));
      session = this.session(uri);
    }
    const large = this.tooLarge.get(uri.toString());
    if (!session && large) throw new Error(`${vscode.workspace.asRelativePath(uri)} has ${large.size.toLocaleString('en')} characters, more than policyAnnotator.maxDocumentSize (${large.limit.toLocaleString('en')}): annotations are off for it`);
    await session?.ready;
    return session;
  }

  /**
   * Writes a session's annotations now, anchored in the text the editor shows. If that text is not
   * saved yet, its blob goes to git too, so the next load can map the anchors onto whatever is saved.
   */
  async persist(session: Session): Promise<SaveOutcome | undefined> {
    const document = vscode.workspace.textDocuments.find((d) => d.uri.toString() === session.uri.toString());
    const bytes = document?.isDirty ? new TextEncoder().encode(document.getText()) : await this.deps.fs.readBytes(session.uri.fsPath);
    if (!bytes) return undefined;
    return this.track(this.writeSidecar(session, normalizeText(utf8.decode(bytes)), bytes));
  }

  /** Tells listeners (decorations, tree, status bar) that a session's annotations changed. */
  notify(session: Session): void {
    this.changed.fire(session.uri);
  }

  /** Writes the sidecar for the text just saved. */
  private async save(document: vscode.TextDocument): Promise<void> {
    const session = this.session(document.uri);
    if (!session) return;
    await session.ready;
    const { model } = session;
    if (!model.list().length && model.base.text === undefined) return;
    const bytes = await this.deps.fs.readBytes(document.uri.fsPath);
    if (!bytes) return;
    await this.writeSidecar(session, normalizeText(utf8.decode(bytes)), bytes);
  }

  /** Saves the model for `text` (the document as on disk); keeps everything in memory if that fails. */
  async writeSidecar(session: Session, text: string, bytes: Uint8Array, depth = 0): Promise<SaveOutcome | undefined> {
    const { model, store } = session;
    // Commands, saves and reloads run concurrently: whatever changes the model while this write waits
    // for the disk must survive it (not be replaced by what was written, nor marked saved).
    const startVersion = model.version;
    const sidecar = model.toSidecar(text, fingerprint(bytes));
    let outcome: SaveOutcome;
    try {
      outcome = await store.save(model.base, sidecar);
    } catch (error) {
      const message = `Policy Annotator could not write ${store.displayName(model.base.file)}: ${(error as Error).message}. Your annotations are kept in memory; save the document again to retry.`;
      this.deps.log.error(message);
      void vscode.window.showErrorMessage(message);
      return undefined;
    }
    if (outcome.kind === 'refused') {
      this.warnUnwritable(session, outcome.problems.map(formatProblem));
      return outcome;
    }
    const read = outcome.read ?? readSidecar(outcome.text, store.displayName(model.base.file));
    const base: LoadedSidecar = { ...model.base, name: store.displayName(model.base.file), text: outcome.text, read };
    if (model.version !== startVersion) {
      // Changed meanwhile: the file is the new base; what changed since this write began is merged
      // onto what it wrote, and stays unsaved (dirty) for the next write.
      const document = vscode.workspace.textDocuments.find((d) => d.uri.toString() === session.uri.toString());
      const now = document ? normalizedText(document) : text;
      const ours = model.toSidecar(now, sidecar.fingerprint);
      const merged = mergeAnnotations(sidecar.annotations, ours.annotations, outcome.sidecar.annotations);
      const anchored = applyAnchoring({ ...ours, annotations: merged.annotations }, now, undefined);
      model.base = base;
      model.reset(anchored.sidecar, anchored.outcomes, true);
    } else if (outcome.kind === 'merged') {
      const anchored = applyAnchoring(outcome.sidecar, text, undefined);
      model.base = base;
      model.reset(anchored.sidecar, anchored.outcomes);
      const conflicts = outcome.conflicts.length ? ` ${outcome.conflicts.length} annotation(s) were changed on both sides and need review.` : '';
      if (depth === 0) void vscode.window.showInformationMessage(`${base.name} had changed on disk; both versions were merged by annotation.${conflicts}`);
      // The other side's annotations were anchored on its own version of the text: write them as placed in this one.
      if (depth < 2 && canonicalJson(anchored.sidecar.annotations) !== canonicalJson(outcome.sidecar.annotations)) {
        model.dirty = true;
        return this.writeSidecar(session, text, bytes, depth + 1);
      }
    } else model.markSaved(base, outcome.sidecar);
    this.deps.diagnostics.set(vscode.Uri.file(model.base.file), read.problems);
    if (outcome.kind !== 'unchanged') await this.deps.git().storeBlob(session.folder.uri.fsPath, bytes);
    this.changed.fire(session.uri);
    return outcome;
  }

  private warnUnwritable(session: Session, problems: string[]): void {
    const key = `${session.model.base.file}\n${problems.join('\n')}`;
    if (this.warned.has(key)) return;
    this.warned.add(key);
    const first = problems[0] ?? 'it could not be read';
    void vscode.window.showWarningMessage(
      `Policy Annotator did not write ${session.store.displayName(session.model.base.file)} because it has errors (${first}). Your annotations are kept in memory and will be written once the file is fixed.`,
    );
  }

  private report(loaded: LoadedSidecar): void {
    this.deps.diagnostics.set(vscode.Uri.file(loaded.file), loaded.read.problems);
    if (!loaded.read.writable && loaded.read.problems.length) this.deps.log.warn(loaded.read.problems.map(formatProblem).join('\n'));
  }

  private watchers: vscode.Disposable[] = [];

  private watchSidecars(): void {
    for (const w of this.watchers) w.dispose();
    this.watchers = [];
    for (const folder of vscode.workspace.workspaceFolders ?? []) {
      const settings = readSettings(folder);
      const watcher = vscode.workspace.createFileSystemWatcher(new vscode.RelativePattern(folder, `${settings.annotationsFolder}/**/*.yaml`));
      const onChange = (uri: vscode.Uri) =>
        void this.track(this.sidecarChanged(folder, uri)).catch((error: unknown) => this.deps.log.warn(`Could not reload ${uri.fsPath}: ${String(error)}`));
      this.watchers.push(watcher, watcher.onDidChange(onChange), watcher.onDidCreate(onChange), watcher.onDidDelete(onChange));
    }
  }

  /** A sidecar changed on disk (checkout, pull, merge, another window, the CLI): reload and re-anchor. */
  private async sidecarChanged(folder: vscode.WorkspaceFolder, uri: vscode.Uri): Promise<void> {
    const rel = toWorkspaceRelative(folder.uri.fsPath, uri.fsPath);
    const documentPath = rel && documentPathFor(rel, readSettings(folder).annotationsFolder);
    if (!documentPath) return;
    const session = this.sessionsList().find((s) => s.folder.uri.toString() === folder.uri.toString() && s.model.documentPath === documentPath);
    if (!session) {
      await this.checkSidecarFile(uri);
      return;
    }
    await session.ready;
    const loaded = await session.store.load(documentPath);
    if (loaded.text === session.model.base.text) return;
    this.report(loaded);
    const document = vscode.workspace.textDocuments.find((d) => d.uri.toString() === session.uri.toString());
    const editorText = document ? normalizedText(document) : undefined;
    if (!editorText) return;
    const merge = () => {
      const conflicts = mergeFromDisk(session.model, loaded, document ? normalizedText(document) : editorText);
      if (conflicts.length) void vscode.window.showWarningMessage(`${loaded.name} changed on disk while you had unsaved annotation changes; both were kept. ${conflicts.length} annotation(s) changed on both sides need review.`);
    };
    if (session.model.dirty && loaded.read.writable) merge();
    else if (loaded.read.sidecar) {
      // Anchored aside, since that waits (git, the document's bytes): an annotation added or changed
      // meanwhile must be merged with the file, not replaced by it.
      const version = session.model.version;
      const aside = new DocumentAnnotations(session.model.documentPath, session.model.base);
      await anchorLoaded(aside, loaded, editorText, session.uri.fsPath, this.deps.fs, this.deps.git(), folder.uri.fsPath);
      if (session.model.version !== version && loaded.read.writable) merge();
      else {
        const items = aside.list();
        session.model.base = loaded;
        session.model.reset({ ...loaded.read.sidecar, annotations: items.map((i) => i.annotation) }, items.map((i) => ({ id: i.annotation.id, status: i.status, was: i.was })));
      }
    } else {
      // Unreadable now (e.g. conflict markers): keep what we have in memory, just show the problems.
      session.model.base = loaded;
    }
    this.deps.log.info(`Reloaded ${loaded.name}`);
    this.changed.fire(session.uri);
  }

  /** Problems of a sidecar file that is not attached to an open document. */
  private async checkSidecarFile(uri: vscode.Uri): Promise<void> {
    if (uri.scheme !== 'file' || !uri.fsPath.endsWith('.yaml')) return;
    const folder = vscode.workspace.getWorkspaceFolder(uri);
    if (!folder) return;
    const rel = toWorkspaceRelative(folder.uri.fsPath, uri.fsPath);
    if (!rel || !documentPathFor(rel, readSettings(folder).annotationsFolder)) return;
    const bytes = await this.deps.fs.readBytes(uri.fsPath);
    this.deps.diagnostics.set(uri, bytes ? readUntrusted(utf8.decode(bytes), rel).problems : []);
  }

  dispose(): void {
    for (const d of [...this.disposables, ...this.watchers]) d.dispose();
  }
}

/** policyAnnotator.maxDocumentSize (shared with entity recognition): the largest document, in characters, that is tracked. */
export function maxDocumentSize(folder: vscode.WorkspaceFolder): number {
  const value = vscode.workspace.getConfiguration('policyAnnotator', folder).get<unknown>('maxDocumentSize');
  return typeof value === 'number' && value > 0 ? value : 5_000_000;
}
