import * as vscode from 'vscode';
import { normalizeText } from '../../core/anchoring/normalize';
import type { Mention } from '../../core/entities/types';
import type { FileSystem } from '../../core/ports/fileSystem';
import { isCatalogueFile } from '../../core/store/catalogueFiles';
import { toWorkspaceRelative } from '../../core/store/documentPaths';
import { toRange } from '../annotations/documentOffsets';
import { readSettings } from '../settings';
import { readEntitySettings } from './entitySettings';
import type { EntityService } from './entityService';

/** The catalogue mentions of one document, as line/column ranges per entity id. */
interface FileMentions {
  mtimeMs: number;
  size: number;
  generation: number;
  /** Per entity: start line, start column, end line, end column, for each mention. */
  byEntity: Map<string, number[]>;
}

export interface DocumentMentionList {
  uri: vscode.Uri;
  ranges: vscode.Range[];
}

const MAX_FILES = 10_000;
const utf8 = new TextDecoder('utf-8');

/**
 * Catalogue mentions in every workspace document that matches the glob, for counts, references and
 * the Entities view. Scanned in the background on first use, and again only for files whose mtime
 * or size changed; open documents count with their live mentions instead.
 */
export class WorkspaceMentions implements vscode.Disposable {
  private readonly files = new Map<string, FileMentions>();
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChange = this.changed.event;
  private readonly disposables: vscode.Disposable[] = [this.changed];
  private watchers: vscode.Disposable[] = [];
  private started = false;
  private running: Promise<void> | undefined;
  private again = false;
  private timer: ReturnType<typeof setTimeout> | undefined;
  /** True once a scan finished and nothing changed since. */
  current = false;

  constructor(
    private readonly service: EntityService,
    private readonly fs: FileSystem,
    private readonly log: vscode.LogOutputChannel,
  ) {
    const fire = () => this.changed.fire();
    this.disposables.push(
      service.onDidChange(() => this.invalidate()),
      service.onDidChangeMentions((e) => {
        if (e.shifted) return;
        // A document just closed counts from disk again, where it may differ.
        if (this.started && !service.documentState(e.document.uri)) this.schedule(300);
        fire();
      }),
      vscode.workspace.onDidChangeWorkspaceFolders(() => this.invalidate()),
      vscode.workspace.onDidChangeConfiguration((e) => e.affectsConfiguration('policyAnnotator') && this.invalidate()),
    );
  }

  /** Starts the background scan if it has not run; resolves when it is done. */
  ensure(): Promise<void> {
    if (!this.started) {
      this.started = true;
      this.watch();
      this.schedule(0);
    }
    return this.whenDone();
  }

  /** Waits for the scan up to `timeoutMs`; true when the counts are complete. */
  async ready(timeoutMs: number): Promise<boolean> {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const timeout = new Promise<void>((resolve) => (timer = setTimeout(resolve, timeoutMs)));
    await Promise.race([this.ensure(), timeout]);
    clearTimeout(timer);
    return this.current;
  }

  /** Documents that mention `id`, with the ranges, sorted by path. */
  documents(id: string): DocumentMentionList[] {
    const out = new Map<string, DocumentMentionList>();
    for (const state of this.service.documentStates()) {
      const ranges = state.mentions.filter((m) => m.source === 'catalogue' && m.entityId === id).map((m) => toRange(state.document, m.start, m.end));
      out.set(state.document.uri.toString(), { uri: state.document.uri, ranges });
    }
    for (const [key, file] of this.files) {
      if (out.has(key)) continue;
      const flat = file.byEntity.get(id);
      if (!flat) continue;
      const ranges: vscode.Range[] = [];
      for (let i = 0; i < flat.length; i += 4) ranges.push(new vscode.Range(flat[i], flat[i + 1], flat[i + 2], flat[i + 3]));
      out.set(key, { uri: vscode.Uri.parse(key), ranges });
    }
    return [...out.values()].filter((d) => d.ranges.length).sort((a, b) => a.uri.fsPath.localeCompare(b.uri.fsPath));
  }

  /** Mentions of every entity across the workspace: id → [mentions, documents]. */
  counts(): Map<string, { mentions: number; documents: number }> {
    const out = new Map<string, { mentions: number; documents: number }>();
    const add = (id: string, n: number) => {
      const c = out.get(id) ?? { mentions: 0, documents: 0 };
      c.mentions += n;
      c.documents++;
      out.set(id, c);
    };
    const live = new Set<string>();
    for (const state of this.service.documentStates()) {
      live.add(state.document.uri.toString());
      const perId = new Map<string, number>();
      for (const m of state.mentions) if (m.source === 'catalogue') perId.set(m.entityId, (perId.get(m.entityId) ?? 0) + 1);
      for (const [id, n] of perId) add(id, n);
    }
    for (const [key, file] of this.files) {
      if (live.has(key)) continue;
      for (const [id, flat] of file.byEntity) add(id, flat.length / 4);
    }
    return out;
  }

  private invalidate(): void {
    this.current = false;
    if (this.started) {
      this.watch();
      this.schedule(300);
    }
  }

  private schedule(delayMs: number): void {
    this.current = false;
    clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.timer = undefined;
      if (this.running) this.again = true;
      else this.running = this.scanLoop();
    }, delayMs);
  }

  private async whenDone(): Promise<void> {
    while (this.timer || this.running) {
      if (this.running) await this.running;
      else await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }

  private async scanLoop(): Promise<void> {
    try {
      do {
        this.again = false;
        await this.scanAll();
      } while (this.again);
      this.current = !this.timer;
    } catch (error) {
      this.log.error(`Workspace entity scan failed: ${String(error)}`);
    } finally {
      this.running = undefined;
      this.changed.fire();
    }
  }

  private async scanAll(): Promise<void> {
    const seen = new Set<string>();
    for (const catalogue of this.service.catalogues()) {
      const folder = catalogue.folder;
      const { documentGlob, annotationsFolder } = readSettings(folder);
      const limit = readEntitySettings(folder).maxDocumentSize;
      const uris = await vscode.workspace.findFiles(new vscode.RelativePattern(folder, documentGlob), '**/node_modules/**', MAX_FILES);
      for (const uri of uris) {
        const rel = toWorkspaceRelative(folder.uri.fsPath, uri.fsPath);
        if (!rel || isCatalogueFile(rel) || rel.startsWith(annotationsFolder + '/')) continue;
        const key = uri.toString();
        seen.add(key);
        if (this.service.documentState(uri)) continue;
        const stat = await this.fs.stat(uri.fsPath);
        const cached = this.files.get(key);
        if (!stat || stat.size > limit * 4) continue;
        if (cached && cached.mtimeMs === stat.mtimeMs && cached.size === stat.size && cached.generation === catalogue.generation) continue;
        const bytes = await this.fs.readBytes(uri.fsPath);
        if (!bytes) continue;
        const text = normalizeText(utf8.decode(bytes));
        if (text.length > limit) continue;
        this.files.set(key, { mtimeMs: stat.mtimeMs, size: stat.size, generation: catalogue.generation, byEntity: byEntity(text, catalogue.index.scan(text)) });
        await new Promise((resolve) => setImmediate(resolve)); // let the editor breathe between files
      }
    }
    for (const key of [...this.files.keys()]) if (!seen.has(key)) this.files.delete(key);
  }

  private watch(): void {
    for (const w of this.watchers) w.dispose();
    this.watchers = [];
    for (const folder of vscode.workspace.workspaceFolders ?? []) {
      const watcher = vscode.workspace.createFileSystemWatcher(new vscode.RelativePattern(folder, readSettings(folder).documentGlob));
      const changed = () => this.schedule(500);
      this.watchers.push(watcher, watcher.onDidChange(changed), watcher.onDidCreate(changed), watcher.onDidDelete(changed));
    }
  }

  dispose(): void {
    clearTimeout(this.timer);
    for (const d of [...this.disposables, ...this.watchers]) d.dispose();
  }
}

/** Line/column ranges of each entity's mentions; lines and columns of normalised text match the editor's. */
function byEntity(text: string, mentions: readonly Mention[]): Map<string, number[]> {
  const out = new Map<string, number[]>();
  let line = 0;
  let lineStart = 0;
  let scanned = 0;
  const position = (offset: number): [number, number] => {
    for (; scanned < offset; scanned++) {
      if (text.charCodeAt(scanned) === 10) {
        line++;
        lineStart = scanned + 1;
      }
    }
    return [line, offset - lineStart];
  };
  for (const m of mentions) {
    const list = out.get(m.entityId) ?? [];
    list.push(...position(m.start), ...position(m.end));
    out.set(m.entityId, list);
  }
  return out;
}
