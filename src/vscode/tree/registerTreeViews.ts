import * as vscode from 'vscode';
import { CommandIds } from '../commandIds';
import { AnnotationTreeProvider, TreeDeps, TreeState, VIEWS } from './annotationTree';
import { ViewKind } from './treeNodes';

/** Creates the Claims, Stances, Cross-references and Needs Review views and their title commands. */
export function registerTreeViews(deps: TreeDeps): { providers: Record<ViewKind, AnnotationTreeProvider>; state: TreeState; disposables: vscode.Disposable[] } {
  const state = deps.state;
  const disposables: vscode.Disposable[] = [state];
  const providers = {} as Record<ViewKind, AnnotationTreeProvider>;
  for (const kind of VIEWS) {
    const provider = new AnnotationTreeProvider(kind, deps);
    const view = vscode.window.createTreeView(`policyAnnotator.${kind}`, { treeDataProvider: provider, dragAndDropController: provider, showCollapseAll: true, canSelectMany: true });
    provider.view = view;
    providers[kind] = provider;
    disposables.push(provider, view);
  }
  disposables.push(
    vscode.commands.registerCommand(CommandIds.groupByDocument, () => state.setGroupBy('document')),
    vscode.commands.registerCommand(CommandIds.groupByParty, () => state.setGroupBy('party')),
    vscode.commands.registerCommand(CommandIds.groupByDate, () => state.setGroupBy('date')),
    vscode.commands.registerCommand(CommandIds.groupByOutlet, () => state.setGroupBy('outlet')),
    vscode.commands.registerCommand(CommandIds.clearFilter, () => state.setFilter('')),
    vscode.commands.registerCommand(CommandIds.refreshTree, () => state.setGroupBy(state.groupBy)),
    vscode.commands.registerCommand(CommandIds.showSuperseded, () => state.setShowSuperseded(true)),
    vscode.commands.registerCommand(CommandIds.hideSuperseded, () => state.setShowSuperseded(false)),
    vscode.commands.registerCommand(CommandIds.filter, async (text?: string) => {
      const value = text ?? (await vscode.window.showInputBox({ title: 'Filter annotations', prompt: 'Words in the quote, label or note; tag:NAME and kind:claim|stance|note|link narrow further', value: state.filterText }));
      if (value !== undefined) state.setFilter(value);
    }),
  );
  return { providers, state, disposables };
}
