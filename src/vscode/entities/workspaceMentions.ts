import * as vscode from 'vscode';
import type { FlatRanges } from '../../core/workspace/mentionIndex';
import { toRange } from '../annotations/documentOffsets';
import type { WorkspaceModelHost } from '../workspace/workspaceModelHost';
import type { EntityService } from './entityService';

export interface DocumentMentionList {
  uri: vscode.Uri;
  ranges: vscode.Range[];
}

/**
 * Catalogue mentions in every workspace document, for counts, references and the Entities view:
 * the workspace model's mention index (documents as on disk, scanned in the background on first
 * use), with open documents counted by their live mentions instead.
 */
export class WorkspaceMentions implements vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChange = this.changed.event;
  private readonly disposables: vscode.Disposable[] = [this.changed];

  constructor(
    private readonly service: EntityService,
    private readonly host: WorkspaceModelHost,
  ) {
    const fire = () => this.changed.fire();
    this.disposables.push(
      service.onDidChangeMentions((e) => !e.shifted && fire()),
      host.onDidChange((c) => (c.kind === 'mentions' || c.kind === 'folders') && fire()),
    );
  }

  /** True once every folder's scan finished and nothing is waiting. */
  get current(): boolean {
    return this.host.model.folders().every((f) => f.mentions.current);
  }

  /** Starts the background scan if it has not run; resolves when it is done. */
  async ensure(): Promise<void> {
    await Promise.all(this.host.model.folders().map(async (f) => {
      await f.catalogueReady;
      await f.mentions.ensure();
    }));
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
    for (const [uri, byEntity] of this.fromDisk()) {
      const key = uri.toString();
      const flat = byEntity.get(id);
      if (out.has(key) || !flat) continue;
      const ranges: vscode.Range[] = [];
      for (let i = 0; i < flat.length; i += 4) ranges.push(new vscode.Range(flat[i], flat[i + 1], flat[i + 2], flat[i + 3]));
      out.set(key, { uri, ranges });
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
    for (const [uri, byEntity] of this.fromDisk()) {
      if (live.has(uri.toString())) continue;
      for (const [id, flat] of byEntity) add(id, flat.length / 4);
    }
    return out;
  }

  /** The mentions the model read from disk, per document URI. */
  private *fromDisk(): Generator<[vscode.Uri, ReadonlyMap<string, FlatRanges>]> {
    for (const folder of this.host.model.folders()) {
      const base = vscode.Uri.file(folder.root);
      for (const [documentPath, byEntity] of folder.mentions.entries()) yield [vscode.Uri.joinPath(base, ...documentPath.split('/')), byEntity];
    }
  }

  dispose(): void {
    for (const d of this.disposables) d.dispose();
  }
}
