import * as vscode from 'vscode';
import { nodeFileSystem } from './core/ports/nodeFileSystem';
import { AnnotationService } from './vscode/annotations/annotationService';
import { ProblemDiagnostics } from './vscode/annotations/problemDiagnostics';
import { createApi, PolicyAnnotatorApi } from './vscode/api';
import { CommandIds } from './vscode/commandIds';
import { AnnotationDecorations } from './vscode/decorations/annotationDecorations';
import { HighlightToggle } from './vscode/decorations/highlightMode';
import { registerWalkthrough } from './vscode/walkthrough';
import { AnnotationEditor } from './vscode/editing/annotationEditor';
import { AuthorResolver } from './vscode/editing/author';
import { RecentValues } from './vscode/editing/recentValues';
import { registerAnnotationCommands } from './vscode/editing/registerCommands';
import { UndoStack } from './vscode/editing/undoStack';
import { ChangeFeedback } from './vscode/editing/changeFeedback';
import { gitForTrust } from './vscode/gitForTrust';
import { AnnotationHoverProvider } from './vscode/hovers/annotationHover';
import { AnnotationStatusBar } from './vscode/statusBar';
import { registerTreeViews } from './vscode/tree/registerTreeViews';
import { TreeState } from './vscode/tree/annotationTree';
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
import { ReferenceDiagnostics } from './vscode/workspace/referenceDiagnostics';

// Composition root: builds the adapters and registers every disposable; no logic lives here.
export function activate(context: vscode.ExtensionContext): PolicyAnnotatorApi {
  const started = performance.now();
  const log = vscode.window.createOutputChannel('Policy Annotator', { log: true });
  const diagnostics = new ProblemDiagnostics('policy-annotator');
  const model = new WorkspaceModelHost(nodeFileSystem, context.storageUri, log);
  const service = new AnnotationService({ fs: nodeFileSystem, git: gitForTrust, log, diagnostics }, model);
  const workspace = new WorkspaceAnnotations(service, model);
  const recent = new RecentValues(context.workspaceState);
  const selector = ANNOTATED_LANGUAGES.map((language) => ({ language, scheme: 'file' }));
  const undoStack = new UndoStack();
  const editor = new AnnotationEditor(service, new AuthorResolver(gitForTrust), undoStack);
  const feedback = new ChangeFeedback(undoStack);
  const partyName = (id: string) => partyDisplayName(id, (entity) => entities.entity?.(entity)?.name);
  // Registered before the entity hover: VS Code shows the newest provider's card first, so an entity
  // inside a claim leads with the entity under the pointer, then the claim around it.
  const annotationHover = vscode.languages.registerHoverProvider(selector, new AnnotationHoverProvider(service, workspace, partyName));
  // One filter for the annotation views and the Entities view; each view shows it in its description.
  const treeState = new TreeState();
  const entities = activateEntities(context, { fs: nodeFileSystem, log, workspace, host: model, filter: treeState });
  const trees = registerTreeViews({ workspace, editor, recent, partyName, state: treeState });
  const review = registerReview(service, log);
  const team = registerTeam({ editor, workspace, fs: nodeFileSystem, log });
  const transfer = transferCommands(log);
  const statusBar = new AnnotationStatusBar(service, workspace);
  const references = new ReferenceDiagnostics(workspace);
  const decorations = new AnnotationDecorations(service, vscode.Uri.joinPath(context.extensionUri, 'media'), workspace);
  const highlight = new HighlightToggle();

  context.subscriptions.push(
    log,
    diagnostics,
    model,
    service,
    workspace,
    statusBar,
    references,
    feedback,
    decorations,
    highlight,
    registerWalkthrough(context),
    ...trees.disposables,
    ...review.disposables,
    ...team.disposables,
    ...registerCommandTable([[CommandIds.exportAnnotations, transfer.exportAnnotations], [CommandIds.importAnnotations, transfer.importAnnotations], [CommandIds.editDocumentMetadata, editMetadataCommand(nodeFileSystem)]], log),
    ...registerStanceMap({ host: model, workspace, entityName: (id) => entities.entity?.(id)?.name }, log),
    ...registerAnnotationCommands({ editor, service, workspace, entities, recent }, log),
    annotationHover,
    vscode.commands.registerCommand(CommandIds.showOutput, () => log.show()),
    vscode.commands.registerCommand(CommandIds.reloadAnnotations, () => service.reloadAll()),
  );
  service.start();
  log.info(`activated in ${(performance.now() - started).toFixed(1)} ms`);
  return createApi(service, { trees: trees.providers, review: review.provider, disagreements: team.provider, decorations, statusBar, editor, feedback, highlight });
}

export function deactivate(): void {}
