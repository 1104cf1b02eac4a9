import * as vscode from 'vscode';
import type { CandidateFinder } from '../../core/entities/candidates/finder';
import type { ScanOptions } from '../../core/entities/scanDocument';
import type { Entity } from '../../core/entities/types';
import type { FileSystem } from '../../core/ports/fileSystem';
import { toNormalizedChanges, toNormalizedOffset } from '../annotations/documentOffsets';
import type { ProblemDiagnostics } from '../annotations/problemDiagnostics';
import { annotatable } from '../documentFilter';
import { loadCandidateFinder } from './candidateFinder';
import { DocumentMentions } from './documentMentions';
import { type EntityChoice, type EntityDirectory, toChoice } from './entityDirectory';
import { affectsEntitySettings, readEntitySettings } from './entitySettings';
import { type FolderCatalogue, fromSnapshot } from './folderCatalogue';
import type { FolderModel } from '../../core/workspace/folderModel';
import type { WorkspaceModelHost } from '../workspace/workspaceModelHost';
import { mentionAt, mentionsIn } from '../../core/entities/mentionEdits';

export interface EntityServiceDeps {
  fs: FileSystem;
  log: vscode.LogOutputChannel;
  /** The collection for catalogue problems. */
  diagnostics: ProblemDiagnostics;
  /** The workspace model, which loads each folder's catalogue and reloads it when its files change. */
  host: WorkspaceModelHost;
}

export interface MentionsChange {
  document: vscode.TextDocument;
  /** Only moved by an edit: the editor moves decorations itself. */
  shifted: boolean;
}

/**
 * Each workspace folder's entity catalogue, as the workspace model loads it (with its problems in
 * the Problems view), and the mentions of every open annotatable document.
 */
export class EntityService implements EntityDirectory, vscode.Disposable {
  private readonly folders = new Map<string, FolderCatalogue>();
  private readonly docs = new Map<string, DocumentMentions>();
  private readonly changed = new vscode.EventEmitter<void>();
  private readonly mentionsChanged = new vscode.EventEmitter<MentionsChange>();
  readonly onDidChange = this.changed.event;
  readonly onDidChangeMentions = this.mentionsChanged.event;
  private readonly disposables: vscode.Disposable[] = [this.changed, this.mentionsChanged];
  private readonly warnedLarge = new Set<string>();
  private finder: CandidateFinder | undefined;
  private sorted: EntityChoice[] | undefined;

  constructor(private readonly deps: EntityServiceDeps) {}

  start(): void {
    const ws = vscode.workspace;
    this.disposables.push(
      ws.onDidOpenTextDocument((d) => this.open(d)),
      ws.onDidCloseTextDocument((d) => this.close(d)),
      ws.onDidChangeTextDocument((e) => this.edit(e)),
      ws.onDidChangeConfiguration((e) => this.configurationChanged(e)),
      this.deps.host.onDidChange((c) => {
        if (c.kind === 'folders') this.syncFolders();
        if (c.kind === 'catalogue') this.apply(c.folder);
      }),
    );
    this.syncFolders();
  }

  // ── EntityDirectory ──────────────────────────────────────────────────────

  entitiesIn(uri: vscode.Uri, start: number, end: number): EntityChoice[] {
    const state = this.docs.get(uri.toString());
    const catalogue = this.catalogueFor(uri);
    if (!state || !catalogue) return [];
    const seen = new Set<string>();
    const out: EntityChoice[] = [];
    for (const m of mentionsIn(state.mentions, start, end)) {
      const entity = m.source === 'catalogue' ? catalogue.index.entity(m.entityId) : undefined;
      if (entity && !seen.has(entity.id)) {
        seen.add(entity.id);
        out.push(toChoice(entity));
      }
    }
    return out;
  }

  allEntities(): EntityChoice[] {
    this.sorted ??= this.entities()
      .map(toChoice)
      .sort((a, b) => a.name.localeCompare(b.name) || a.id.localeCompare(b.id));
    return [...this.sorted];
  }

  entity(id: string): EntityChoice | undefined {
    const found = this.lookup(id);
    return found && toChoice(found.entity);
  }

  // ── Lookups for the editor features ──────────────────────────────────────

  /** Every entity of every folder, each id once (the first folder wins). */
  entities(): Entity[] {
    const byId = new Map<string, Entity>();
    for (const catalogue of this.folders.values()) for (const e of catalogue.index.entities) if (!byId.has(e.id)) byId.set(e.id, e);
    return [...byId.values()];
  }

  /** The entity with `id`, preferring the catalogue of the folder `near` is in. */
  lookup(id: string, near?: vscode.Uri): { entity: Entity; catalogue: FolderCatalogue } | undefined {
    const own = near && this.catalogueFor(near);
    const ownEntity = own?.index.entity(id);
    if (own && ownEntity) return { entity: ownEntity, catalogue: own };
    for (const catalogue of this.folders.values()) {
      const entity = catalogue.index.entity(id);
      if (entity) return { entity, catalogue };
    }
    return undefined;
  }

  catalogueFor(uri: vscode.Uri): FolderCatalogue | undefined {
    const folder = vscode.workspace.getWorkspaceFolder(uri);
    return folder && this.folders.get(folder.uri.toString());
  }

  catalogues(): FolderCatalogue[] {
    return [...this.folders.values()];
  }

  /** The tracked state of an open document, if it is annotatable and not too large. */
  documentState(uri: vscode.Uri): DocumentMentions | undefined {
    return this.docs.get(uri.toString());
  }

  documentStates(): DocumentMentions[] {
    return [...this.docs.values()];
  }

  mentionAt(document: vscode.TextDocument, position: vscode.Position) {
    const state = this.docs.get(document.uri.toString());
    return state && mentionAt(state.mentions, toNormalizedOffset(document, position));
  }

  /** Resolves once catalogues are loaded and every open document is scanned. */
  async whenIdle(): Promise<void> {
    await Promise.all(this.deps.host.model.folders().map((f) => f.catalogueReady));
    await Promise.all([...this.docs.values()].map((d) => d.idle()));
  }

  // ── Catalogues ───────────────────────────────────────────────────────────

  /** Loads every folder's catalogue again (Reload Entity Catalogues). */
  async reloadAll(): Promise<void> {
    await Promise.all(this.deps.host.model.folders().map((f) => f.reloadCatalogue()));
  }

  /** Loads a folder's catalogue again (after this window wrote it); resolves once it is in use. */
  async reloadFolder(folder: vscode.WorkspaceFolder): Promise<void> {
    await this.deps.host.folderFor(folder)?.reloadCatalogue();
  }

  /** Drops the catalogues of folders that left the workspace; takes those already loaded. */
  private syncFolders(): void {
    const models = this.deps.host.model.folders();
    const roots = new Set(models.map((m) => vscode.Uri.file(m.root).toString()));
    for (const [key, catalogue] of this.folders) {
      if (roots.has(key)) continue;
      for (const uri of catalogue.uris) this.deps.diagnostics.set(uri, []);
      this.folders.delete(key);
      this.sorted = undefined;
    }
    for (const model of models) if (model.catalogue && this.folders.get(vscode.Uri.file(model.root).toString())?.generation !== model.catalogue.generation) this.apply(model);
  }

  /** A folder's catalogue was (re)loaded: its problems, and every open document of that folder scanned with it. */
  private apply(model: FolderModel): void {
    const folder = this.deps.host.workspaceFolder(model);
    if (!folder || !model.catalogue) return;
    const key = folder.uri.toString();
    const catalogue = fromSnapshot(folder, model.catalogue);
    const old = this.folders.get(key);
    for (const uri of old?.uris ?? []) this.deps.diagnostics.set(uri, []);
    for (const file of catalogue.files) this.deps.diagnostics.set(file.uri, catalogue.issues.filter((i) => i.file === file.file));
    this.folders.set(key, catalogue);
    this.sorted = undefined;
    const errors = catalogue.issues.filter((i) => i.severity === 'error').length;
    this.deps.log.info(`Entity catalogue of ${folder.name}: ${catalogue.index.entities.length} entities from ${catalogue.files.length} file(s)${errors ? `, ${errors} error(s) (see Problems)` : ''}`);
    for (const state of this.docs.values()) {
      if (vscode.workspace.getWorkspaceFolder(state.document.uri)?.uri.toString() !== key) continue;
      state.catalogue = catalogue;
      void state.rescanAll();
    }
    for (const document of vscode.workspace.textDocuments) this.open(document);
    this.changed.fire();
  }

  private configurationChanged(event: vscode.ConfigurationChangeEvent): void {
    if (affectsEntitySettings(event, 'entityCandidates')) for (const state of this.docs.values()) void state.rescanAll();
    if (affectsEntitySettings(event, 'maxDocumentSize') || event.affectsConfiguration('policyAnnotator.documentGlob') || event.affectsConfiguration('policyAnnotator.documentExclude') || event.affectsConfiguration('policyAnnotator.annotationsFolder')) {
      for (const document of vscode.workspace.textDocuments) {
        this.close(document);
        this.open(document);
      }
    }
  }

  // ── Documents ────────────────────────────────────────────────────────────

  private scanOptions(): ScanOptions {
    if (!readEntitySettings().entityCandidates) return { candidates: false };
    if (!this.finder) {
      void loadCandidateFinder().then((finder) => {
        if (this.finder) return;
        this.finder = finder;
        for (const state of this.docs.values()) void state.rescanAll();
      });
    }
    return { candidates: this.finder ?? false };
  }

  private open(document: vscode.TextDocument): void {
    const key = document.uri.toString();
    if (this.docs.has(key)) return;
    const target = annotatable(document);
    const catalogue = target && this.folders.get(target.folder.uri.toString());
    if (!target || !catalogue) return;
    const limit = readEntitySettings(target.folder).maxDocumentSize;
    if (document.getText().length > limit) {
      this.warnTooLarge(document, target.documentPath, limit);
      return;
    }
    const state = new DocumentMentions(document, catalogue, () => this.scanOptions(), (shifted) => this.mentionsChanged.fire({ document, shifted }));
    this.docs.set(key, state);
    void state.rescanAll();
  }

  private close(document: vscode.TextDocument): void {
    const key = document.uri.toString();
    this.docs.get(key)?.dispose();
    if (this.docs.delete(key)) this.mentionsChanged.fire({ document, shifted: false });
  }

  private edit(event: vscode.TextDocumentChangeEvent): void {
    const state = this.docs.get(event.document.uri.toString());
    if (state && event.contentChanges.length) state.edit(toNormalizedChanges(event.document, event.contentChanges));
  }

  private warnTooLarge(document: vscode.TextDocument, documentPath: string, limit: number): void {
    const key = document.uri.toString();
    if (this.warnedLarge.has(key)) return;
    this.warnedLarge.add(key);
    const open = 'Open Settings';
    void vscode.window
      .showInformationMessage(`Policy Annotator does not recognise entities in ${documentPath}: it is larger than policyAnnotator.maxDocumentSize (${limit.toLocaleString('en')} characters).`, open)
      .then((choice) => choice === open && vscode.commands.executeCommand('workbench.action.openSettings', 'policyAnnotator.maxDocumentSize'));
  }

  dispose(): void {
    for (const state of this.docs.values()) state.dispose();
    for (const d of this.disposables) d.dispose();
  }
}
