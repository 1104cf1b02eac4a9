import * as vscode from 'vscode';
import { nodeFileSystem } from './core/ports/nodeFileSystem';
import { AnnotationService } from './vscode/annotations/annotationService';
import { ProblemDiagnostics } from './vscode/annotations/problemDiagnostics';
import { createApi, PolicyAnnotatorApi } from './vscode/api';
import { CommandIds } from './vscode/commandIds';
import { AnnotationDecorations } from './vscode/decorations/annotationDecorations';
import { AnnotationEditor } from './vscode/editing/annotationEditor';
import { AuthorResolver } from './vscode/editing/author';
import { RecentValues } from './vscode/editing/recentValues';
import { registerAnnotationCommands } from './vscode/editing/registerCommands';
import { UndoStack } from './vscode/editing/undoStack';
import { gitForTrust } from './vscode/gitForTrust';
import { AnnotationHoverProvider } from './vscode/hovers/annotationHover';
import { AnnotationStatusBar } from './vscode/statusBar';
import { registerTreeViews } from './vscode/tree/registerTreeViews';
import { registerReview } from './vscode/review/registerReview';
import { registerTeam } from './vscode/team/registerTeam';
import { transferCommands } from './vscode/transfer/transferCommands';
import { registerCommandTable } from './vscode/registerCommandTable';
import { activateEntities } from './vscode/entities/activateEntities';
import { ANNOTATED_LANGUAGES } from './vscode/documentFilter';
import { WorkspaceAnnotations } from './vscode/workspace/workspaceAnnotations';
import { WorkspaceModelHost } from './vscode/workspace/workspaceModelHost';
import { partyDisplayName } from './core/parties';
import { editMetadataCommand } from './vscode/metadata/editMetadata';
import { registerStanceMap } from './vscode/stanceMap/registerStanceMap';

// Composition root: builds the adapters and registers every disposable; no logic lives here.
export function activate(context: vscode.ExtensionContext): PolicyAnnotatorApi {
  const started = performance.now();
  const log = vscode.window.createOutputChannel('Policy Annotator', { log: true });
  const diagnostics = new ProblemDiagnostics('policy-annotator');
  const model = new WorkspaceModelHost(nodeFileSystem, context.storageUri, log);
  const service = new AnnotationService({ fs: nodeFileSystem, git: gitForTrust, log, diagnostics }, model);
  const workspace = new WorkspaceAnnotations(service, model);
  const recent = new RecentValues(context.workspaceState);
  const editor = new AnnotationEditor(service, new AuthorResolver(gitForTrust), new UndoStack());
  const entities = activateEntities(context, { fs: nodeFileSystem, log, workspace, host: model });
  const partyName = (id: string) => partyDisplayName(id, (entity) => entities.entity?.(entity)?.name);
  const trees = registerTreeViews({ workspace, editor, recent, partyName });
  const review = registerReview(service, log);
  const team = registerTeam({ editor, workspace, fs: nodeFileSystem, log });
  const transfer = transferCommands(log);
  const statusBar = new AnnotationStatusBar(service, workspace);
  const decorations = new AnnotationDecorations(service, vscode.Uri.joinPath(context.extensionUri, 'media'));
  const selector = ANNOTATED_LANGUAGES.map((language) => ({ language, scheme: 'file' }));

  context.subscriptions.push(
    log,
    diagnostics,
    model,
    service,
    workspace,
    statusBar,
    decorations,
    ...trees.disposables,
    ...review.disposables,
    ...team.disposables,
    ...registerCommandTable([[CommandIds.exportAnnotations, transfer.exportAnnotations], [CommandIds.importAnnotations, transfer.importAnnotations], [CommandIds.editDocumentMetadata, editMetadataCommand(nodeFileSystem)]], log),
    ...registerStanceMap({ host: model, workspace, entityName: (id) => entities.entity?.(id)?.name }, log),
    ...registerAnnotationCommands({ editor, service, workspace, entities, recent }, log),
    vscode.languages.registerHoverProvider(selector, new AnnotationHoverProvider(service, workspace, entities)),
    vscode.commands.registerCommand(CommandIds.showOutput, () => log.show()),
    vscode.commands.registerCommand(CommandIds.reloadAnnotations, () => service.reloadAll()),
  );
  service.start();
  log.info(`activated in ${(performance.now() - started).toFixed(1)} ms`);
  return createApi(service, { trees: trees.providers, review: review.provider, disagreements: team.provider, decorations, statusBar, editor });
}

export function deactivate(): void {}
