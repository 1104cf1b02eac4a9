import * as vscode from 'vscode';
import { ADJUDICATION_MODES, AdjudicationMode, AgreementReport, DisagreementEntry, renderAgreement } from '../../core/agreement';
import { FileSystem } from '../../core/ports/fileSystem';
import { formatProblem } from '../../core/problem';
import { CommandIds } from '../commandIds';
import { AnnotationEditor } from '../editing/annotationEditor';
import { UserError } from '../editing/commandTarget';
import { registerCommandTable } from '../registerCommandTable';
import { withTaskProgress } from '../taskProgress';
import { SECTION } from '../settings';
import { pickFolder } from '../workspace/pickFolder';
import { WorkspaceAnnotations } from '../workspace/workspaceAnnotations';
import { DisagreementTreeProvider, VersionNode } from './disagreementTree';
import { promptEdits } from './editVersion';
import { buildTeamReport, passageLink } from './teamReport';

// Team annotation in the editor: the agreement report (a Markdown preview), the Disagreements view,
// and accepting a version into the curated set, as it is or edited first.

export interface AcceptArgs {
  uri: string;
  /** The version accepted… */
  id: string;
  /** …and every competing annotation of the unit (including it). */
  competing: string[];
  /** Edit and Accept: field values to use instead of prompting. */
  edits?: Record<string, string | string[]>;
}

export interface TeamDeps {
  editor: AnnotationEditor;
  workspace: WorkspaceAnnotations;
  fs: FileSystem;
  log: vscode.LogOutputChannel;
}

function adjudicationMode(scope?: vscode.ConfigurationScope): AdjudicationMode {
  const value = vscode.workspace.getConfiguration(SECTION, scope).get<string>('adjudication.others');
  return ADJUDICATION_MODES.find((m) => m === value) ?? 'supersede';
}

export function registerTeam(deps: TeamDeps): { provider: DisagreementTreeProvider; disposables: vscode.Disposable[] } {
  const provider = new DisagreementTreeProvider();
  const view = vscode.window.createTreeView('policyAnnotator.disagreements', { treeDataProvider: provider, showCollapseAll: true });
  let folderName: string | undefined;

  async function refresh(args?: { folder?: string }): Promise<AgreementReport | undefined> {
    const folder = await pickFolder(args?.folder ?? folderName, 'Disagreements in which folder?');
    if (!folder) return undefined;
    folderName = folder.name;
    const team = await buildTeamReport(folder, deps.fs);
    for (const p of team.problems) deps.log.warn(`Disagreements: ${formatProblem(p)}`);
    provider.show(team);
    const n = team.report.disagreements.length;
    view.description = `${team.report.annotators.length} authors · ${n} to settle`;
    const unread = team.problems.length ? ` ${team.problems.length} sidecar problem(s) left files out (see the Output).` : '';
    view.message = (team.report.annotators.length < 2 ? 'Disagreements appear when two or more authors annotate the same documents.' : n ? '' : `No disagreements: ${team.report.units.settled} settled.`) + unread || undefined;
    view.badge = n ? { value: n, tooltip: `${n} disagreement(s) to settle` } : undefined;
    return team.report;
  }

  async function showAgreement(args?: { folder?: string }): Promise<AgreementReport | undefined> {
    const folder = await pickFolder(args?.folder, 'Agreement in which folder?');
    if (!folder) return undefined;
    const team = await withTaskProgress('Measuring agreement', (control) => buildTeamReport(folder, deps.fs, control));
    if (team.report.annotators.length < 2) throw new UserError(`Agreement needs two or more authors; ${folder.name} has ${team.report.annotators.length} (${team.report.annotators.join(', ') || 'none'}).`);
    const markdown = renderAgreement(team.report, 'markdown', { locate: (document, start) => passageLink(team, document, start) });
    const document = await vscode.workspace.openTextDocument({ language: 'markdown', content: markdown });
    await vscode.commands.executeCommand('markdown.showPreview', document.uri);
    return team.report;
  }

  async function accept(node: VersionNode | AcceptArgs, edit: boolean, given?: AcceptArgs['edits']): Promise<string> {
    const args = 'type' in node ? fromNode(provider, node) : node;
    const uri = vscode.Uri.parse(args.uri);
    await vscode.window.showTextDocument(uri, { preview: true, preserveFocus: true });
    const entry = provider.team?.report.disagreements.find((d) => d.members.some((m) => m.id === args.id));
    const edits = edit ? (given ?? args.edits ?? (entry ? await promptEdits(entry, args.id) : undefined)) : undefined;
    if (edit && !edits) return '';
    const curated = await deps.editor.adjudicate(uri, args.id, args.competing, adjudicationMode(uri), edits);
    await refresh();
    vscode.window.setStatusBarMessage(`Accepted ${args.id} as ${curated.id}`, 5000);
    return curated.id;
  }

  let timer: NodeJS.Timeout | undefined;
  const autoRefresh = () => {
    if (!view.visible || !provider.team) return;
    if (timer) clearTimeout(timer);
    timer = setTimeout(() => void refresh().catch((e: Error) => deps.log.warn(`Disagreements: ${e.message}`)), 400);
  };

  const disposables: vscode.Disposable[] = [
    view,
    deps.workspace.onDidChange(autoRefresh),
    view.onDidChangeVisibility((e) => e.visible && !provider.team && void refresh().catch((err: Error) => deps.log.warn(`Disagreements: ${err.message}`))),
    { dispose: () => timer && clearTimeout(timer) },
    ...registerCommandTable(
      [
        [CommandIds.showAgreement, showAgreement],
        [CommandIds.refreshDisagreements, refresh],
        [CommandIds.acceptVersion, (node: VersionNode | AcceptArgs) => accept(node, false)],
        [CommandIds.editAndAcceptVersion, (node: VersionNode | AcceptArgs, edits?: AcceptArgs['edits']) => accept(node, true, edits)],
      ],
      deps.log,
    ),
  ];
  return { provider, disposables };
}

function fromNode(provider: DisagreementTreeProvider, node: VersionNode): AcceptArgs {
  const uri = provider.uriOf(node.entry);
  if (!uri) throw new UserError('The Disagreements view is out of date; refresh it.');
  return { uri: uri.toString(), id: node.member.id, competing: competingIds(node.entry) };
}

export function competingIds(entry: DisagreementEntry): string[] {
  return entry.members.map((m) => m.id);
}
