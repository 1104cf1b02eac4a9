import * as vscode from 'vscode';
import type { FileSystem } from '../../core/ports/fileSystem';
import { ProblemDiagnostics } from '../annotations/problemDiagnostics';
import { ANNOTATED_LANGUAGES } from '../documentFilter';
import type { WorkspaceAnnotations } from '../workspace/workspaceAnnotations';
import type { WorkspaceModelHost } from '../workspace/workspaceModelHost';
import { CandidateActions } from './candidateActions';
import { registerEntityCommands } from './entityCommands';
import { EntityDecorations } from './entityDecorations';
import { EntityHoverProvider } from './entityHover';
import { EntityDefinitionProvider, EntityReferenceProvider, EntitySymbolProvider } from './entityNavigation';
import { EntityService } from './entityService';
import { EntityTreeProvider } from './entityTree';
import type { FilterSource } from './entityFilter';
import { WorkspaceMentions } from './workspaceMentions';

export interface EntityDeps {
  fs: FileSystem;
  log: vscode.LogOutputChannel;
  /** Every annotation in the workspace, for "annotations about this entity" in the hover. */
  workspace: WorkspaceAnnotations;
  /** The workspace model: catalogues and the documents' mentions on disk. */
  host: WorkspaceModelHost;
  /** The filter the annotation views share; the Entities view applies it too. */
  filter?: FilterSource;
}

/** Wires entity recognition into the editor; returns the service, which is also the EntityDirectory. */
export function activateEntities(context: vscode.ExtensionContext, deps: EntityDeps): EntityService {
  const diagnostics = new ProblemDiagnostics('policy-annotator-entities');
  const service = new EntityService({ fs: deps.fs, log: deps.log, diagnostics, host: deps.host });
  const mentions = new WorkspaceMentions(service, deps.host);
  const tree = new EntityTreeProvider(service, mentions, deps.filter);
  const view = vscode.window.createTreeView('policyAnnotator.entities', { treeDataProvider: tree, showCollapseAll: true });
  tree.view = view;
  const documents = ANNOTATED_LANGUAGES.map((language) => ({ language, scheme: 'file' }));
  const catalogues = { language: 'yaml', scheme: 'file', pattern: '**/{entities,*.entities}.yaml' };
  context.subscriptions.push(
    diagnostics,
    service,
    mentions,
    tree,
    new EntityDecorations(service),
    view,
    vscode.languages.registerHoverProvider(documents, new EntityHoverProvider(service, mentions, deps.workspace)),
    vscode.languages.registerDefinitionProvider(documents, new EntityDefinitionProvider(service)),
    vscode.languages.registerReferenceProvider([...documents, catalogues], new EntityReferenceProvider(service, mentions)),
    vscode.languages.registerWorkspaceSymbolProvider(new EntitySymbolProvider(service)),
    vscode.languages.registerCodeActionsProvider(documents, new CandidateActions(service), { providedCodeActionKinds: CandidateActions.kinds }),
    ...registerEntityCommands(service, mentions, deps.fs),
  );
  service.start();
  return service;
}
