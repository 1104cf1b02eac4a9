import * as vscode from 'vscode';
import { nodeFileSystem } from './core/ports/nodeFileSystem';
import { AnnotationService } from './vscode/annotations/annotationService';
import { ProblemDiagnostics } from './vscode/annotations/problemDiagnostics';
import { createApi, PolicyAnnotatorApi } from './vscode/api';
import { CommandIds } from './vscode/commandIds';
import { gitForTrust } from './vscode/gitForTrust';

// Composition root: builds the adapters and registers every disposable; no logic lives here.
export function activate(context: vscode.ExtensionContext): PolicyAnnotatorApi {
  const log = vscode.window.createOutputChannel('Policy Annotator', { log: true });
  const diagnostics = new ProblemDiagnostics('policy-annotator');
  const service = new AnnotationService({ fs: nodeFileSystem, git: gitForTrust, log, diagnostics });
  context.subscriptions.push(
    log,
    diagnostics,
    service,
    vscode.commands.registerCommand(CommandIds.showOutput, () => log.show()),
    vscode.commands.registerCommand(CommandIds.reloadAnnotations, () => service.reloadAll()),
  );
  service.start();
  return createApi(service);
}

export function deactivate(): void {}
