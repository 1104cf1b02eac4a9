import { randomBytes } from 'node:crypto';
import * as vscode from 'vscode';
import { buildStanceMap, type StanceMap, type StanceMapFilters, type StanceRef } from '../../core/stanceMap';
import { CommandIds } from '../commandIds';
import { WorkspaceAnnotations } from '../workspace/workspaceAnnotations';
import { WorkspaceModelHost } from '../workspace/workspaceModelHost';
import { MapMode, renderBody } from './stanceMapHtml';
import { mapDocuments } from './stanceMapInput';
import { renderPage } from './stanceMapPage';

export interface StanceMapDeps {
  host: WorkspaceModelHost;
  workspace: WorkspaceAnnotations;
  entityName: (id: string) => string | undefined;
}

/** What the panel shows now: read by tests through a command that is not contributed (see registerStanceMap). */
export interface StanceMapState {
  map: StanceMap;
  mode: MapMode;
  body: string;
  html: string;
}

export type StanceMapMessage = { type: 'open'; row: number; column: number } | { type: 'mode'; mode: MapMode } | { type: 'filter'; filter: keyof StanceMapFilters; value: string };

/** The "Stance Map" webview: one panel, rebuilt from the workspace model whenever annotations change. */
export class StanceMapPanel implements vscode.Disposable {
  private panel: vscode.WebviewPanel | undefined;
  private readonly disposables: vscode.Disposable[] = [];
  private mode: MapMode = 'grid';
  private filters: StanceMapFilters = {};
  private state: StanceMapState | undefined;
  private uris = new Map<string, vscode.Uri>();
  private timer: ReturnType<typeof setTimeout> | undefined;

  constructor(private readonly deps: StanceMapDeps) {
    this.disposables.push(deps.workspace.onDidChange(() => this.schedule()));
  }

  async show(): Promise<StanceMapState> {
    if (this.panel) this.panel.reveal(undefined, false);
    else {
      this.panel = vscode.window.createWebviewPanel('policyAnnotator.stanceMap', 'Stance Map', vscode.ViewColumn.Active, { enableScripts: true, localResourceRoots: [] });
      this.panel.onDidDispose(() => (this.panel = this.state = undefined));
      // A hidden webview is discarded (no retainContextWhenHidden): shown again, it gets the page anew.
      this.panel.onDidChangeViewState((e) => void (e.webviewPanel.visible && this.update(true)));
      this.panel.webview.onDidReceiveMessage((m: StanceMapMessage) => void this.receive(m));
    }
    return this.update(true);
  }

  current(): StanceMapState | undefined {
    return this.state;
  }

  /** A message as the page posts it (tests send the same through the test command). */
  async receive(message: StanceMapMessage): Promise<void> {
    if (message.type === 'open') return this.open(message.row, message.column);
    if (message.type === 'mode') this.mode = message.mode === 'timeline' ? 'timeline' : 'grid';
    if (message.type === 'filter') this.filters = { ...this.filters, [message.filter]: message.value ? [message.value] : undefined };
    await this.update(false);
  }

  private schedule(): void {
    if (!this.panel) return;
    clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.update(false), 150);
  }

  private async update(full: boolean): Promise<StanceMapState> {
    const { documents, uris } = await mapDocuments(this.deps.host, this.deps.workspace);
    this.uris = uris;
    const map = buildStanceMap({ documents, filters: this.filters, entityName: this.deps.entityName });
    const body = renderBody(map, this.mode);
    const panel = this.panel;
    let html = this.state?.html ?? '';
    if (panel && (full || !html)) {
      html = renderPage(randomBytes(16).toString('base64'), panel.webview.cspSource, body);
      panel.webview.html = html;
    } else if (panel) void panel.webview.postMessage({ type: 'render', body });
    this.state = { map, mode: this.mode, body, html };
    return this.state;
  }

  private async open(row: number, column: number): Promise<void> {
    const cell = this.state?.map.rows[row]?.cells.find((c) => c.column === column);
    if (!cell) return;
    let stance: StanceRef | undefined = cell.stances[0];
    if (cell.stances.length > 1) {
      const items = cell.stances.map((s) => ({ label: `${s.holderName}: ${s.polarity}`, description: s.exact, stance: s }));
      stance = (await vscode.window.showQuickPick(items, { title: cell.description, placeHolder: 'Which passage?' }))?.stance;
    }
    const uri = stance && this.uris.get(stance.documentPath);
    if (stance && uri) await vscode.commands.executeCommand(CommandIds.revealAnnotation, { uri: uri.toString(), id: stance.id });
  }

  dispose(): void {
    clearTimeout(this.timer);
    this.panel?.dispose();
    for (const d of this.disposables) d.dispose();
  }
}
