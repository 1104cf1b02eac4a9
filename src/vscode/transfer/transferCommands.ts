import * as vscode from 'vscode';
import { UserError } from '../editing/commandTarget';
import { readSettings } from '../settings';
import { pickFolder } from '../workspace/pickFolder';
import { runCliCommand } from './cliLibrary';

const FORMATS = [
  { value: 'yaml', label: 'YAML', description: 'one file for the whole corpus: documents, entities, annotations and links both ways', ext: 'yaml' },
  { value: 'w3c', label: 'W3C Web Annotation (JSON-LD)', description: 'for annotation tools and the web', ext: 'jsonld' },
  { value: 'csv', label: 'CSV', description: 'one row per annotation, for spreadsheets, R and pandas', ext: 'csv' },
  { value: 'qdpx', label: 'REFI-QDA project (.qdpx)', description: 'for NVivo, ATLAS.ti and MAXQDA', ext: 'qdpx' },
  { value: 'qdc', label: 'REFI-QDA codebook (.qdc)', description: 'the codes only', ext: 'qdc' },
] as const;

export const TRANSFER_RESTRICTED = 'Exporting and importing read old document versions from git, which Policy Annotator does not run in Restricted Mode. Trust this workspace to use them.';

export interface ExportArgs {
  format?: string;
  out?: string;
  folder?: string;
}

export interface ImportArgs {
  format?: 'w3c' | 'brat';
  files?: string[];
  folder?: string;
}

/** Export Annotations… and Import Annotations…: the CLI's export and import, with pickers and a report. */
export function transferCommands(extensionPath: string, log: vscode.LogOutputChannel) {
  async function exportAnnotations(args?: ExportArgs): Promise<string | undefined> {
    if (!vscode.workspace.isTrusted) throw new UserError(TRANSFER_RESTRICTED);
    const folder = await pickFolder(args?.folder);
    if (!folder) return undefined;
    const format = args?.format ?? (await vscode.window.showQuickPick([...FORMATS], { title: 'Export annotations as…' }))?.value;
    if (!format) return undefined;
    const ext = FORMATS.find((f) => f.value === format)?.ext ?? format;
    const out = args?.out ?? (await vscode.window.showSaveDialog({ title: 'Export annotations', defaultUri: vscode.Uri.joinPath(folder.uri, `annotations-export.${ext}`), filters: { [format.toUpperCase()]: [ext] } }))?.fsPath;
    if (!out) return undefined;
    const annotationsDir = readSettings(folder).annotationsFolder;
    const result = await runCliCommand(extensionPath, folder.uri.fsPath, ['export', '--format', format, '--out', out, '--root', folder.uri.fsPath, '--annotations-dir', annotationsDir]);
    report('export', result);
    if (result.code !== 0) throw new UserError(`Export failed: ${firstLine(result.err) || 'see the Policy Annotator log'}`);
    const summary = result.out.trim();
    void vscode.window.showInformationMessage(capitalise(summary), 'Reveal').then((choice) => choice && vscode.commands.executeCommand('revealFileInOS', vscode.Uri.file(out)));
    return summary;
  }

  async function importAnnotations(args?: ImportArgs): Promise<string | undefined> {
    if (!vscode.workspace.isTrusted) throw new UserError(TRANSFER_RESTRICTED);
    const folder = await pickFolder(args?.folder);
    if (!folder) return undefined;
    const files = args?.files ?? (await vscode.window.showOpenDialog({ title: 'Import annotations', canSelectMany: true, filters: { 'W3C Web Annotations': ['json', 'jsonld'], 'brat standoff': ['ann'] } }))?.map((u) => u.fsPath);
    if (!files?.length) return undefined;
    const format = args?.format ?? (files.every((f) => f.endsWith('.ann')) ? 'brat' : 'w3c');
    const annotationsDir = readSettings(folder).annotationsFolder;
    const result = await runCliCommand(extensionPath, folder.uri.fsPath, ['import', '--format', format, '--root', folder.uri.fsPath, '--annotations-dir', annotationsDir, ...files]);
    report('import', result);
    const summary = result.out.trim().split('\n').pop() ?? '';
    if (result.code !== 0) {
      void vscode.window.showWarningMessage(`Some annotations could not be imported. ${capitalise(summary)}`, 'Show Details').then((c) => c && log.show());
    } else void vscode.window.showInformationMessage(capitalise(summary));
    return result.out;
  }

  function report(what: string, result: { code: number; out: string; err: string }): void {
    log.info(`${what} finished with exit code ${result.code}\n${result.out}${result.err}`);
  }

  return { exportAnnotations, importAnnotations };
}

const firstLine = (text: string) => text.trim().split('\n')[0] ?? '';
const capitalise = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);
