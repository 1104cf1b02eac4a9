import * as vscode from 'vscode';
import { formatProblem, Problem } from '../../core/problem';
import type { ExportFormat, ImportFormat } from '../../core/services';
import { UserError } from '../editing/commandTarget';
import { gitForTrust } from '../gitForTrust';
import { readSettings } from '../settings';
import { withTaskProgress } from '../taskProgress';
import { pickFolder } from '../workspace/pickFolder';
import { loadServices } from './loadServices';

const FORMATS: ReadonlyArray<{ value: ExportFormat; label: string; description: string; ext: string }> = [
  { value: 'yaml', label: 'YAML', description: 'one file for the whole corpus: documents, entities, annotations and links both ways', ext: 'yaml' },
  { value: 'w3c', label: 'W3C Web Annotation (JSON-LD)', description: 'for annotation tools and the web', ext: 'jsonld' },
  { value: 'csv', label: 'CSV', description: 'one row per annotation, for spreadsheets, R and pandas', ext: 'csv' },
  { value: 'qdpx', label: 'REFI-QDA project (.qdpx)', description: 'for NVivo, ATLAS.ti and MAXQDA', ext: 'qdpx' },
  { value: 'qdc', label: 'REFI-QDA codebook (.qdc)', description: 'the codes only', ext: 'qdc' },
  { value: 'brat', label: 'brat standoff (folder)', description: 'a .txt and .ann per document and annotation.conf, for brat', ext: '' },
];

/** The import format a set of files is in, by extension. */
export function importFormatOf(files: readonly string[]): ImportFormat {
  if (files.every((f) => /\.ann$/i.test(f))) return 'brat';
  if (files.every((f) => /\.(qdpx|qde)$/i.test(f))) return 'qdpx';
  return 'w3c';
}

export const TRANSFER_RESTRICTED = 'Exporting and importing read old document versions from git, which Policy Annotator does not run in Restricted Mode. Trust this workspace to use them.';

export interface ExportArgs {
  format?: ExportFormat;
  out?: string;
  folder?: string;
  /** Keep the versions an adjudication superseded (default: foreign formats leave them out, and the summary says how many). */
  includeSuperseded?: boolean;
}

export interface ImportArgs {
  format?: ImportFormat;
  files?: string[];
  folder?: string;
}

/** Export Annotations… and Import Annotations…: the core export and import services, with pickers, progress and a report. */
export function transferCommands(log: vscode.LogOutputChannel) {
  async function exportAnnotations(args?: ExportArgs): Promise<string | undefined> {
    if (!vscode.workspace.isTrusted) throw new UserError(TRANSFER_RESTRICTED);
    const folder = await pickFolder(args?.folder);
    if (!folder) return undefined;
    const format = args?.format ?? (await vscode.window.showQuickPick([...FORMATS], { title: 'Export annotations as…' }))?.value;
    if (!format) return undefined;
    const ext = FORMATS.find((f) => f.value === format)?.ext ?? format;
    // brat writes a folder: the name given is the folder's.
    const out =
      args?.out ??
      (await vscode.window.showSaveDialog(ext ? { title: 'Export annotations', defaultUri: vscode.Uri.joinPath(folder.uri, `annotations-export.${ext}`), filters: { [format.toUpperCase()]: [ext] } } : { title: 'Export annotations: folder to create', defaultUri: vscode.Uri.joinPath(folder.uri, 'annotations-brat') }))?.fsPath;
    if (!out) return undefined;
    const target = { root: folder.uri.fsPath, annotationsFolder: readSettings(folder).annotationsFolder, git: gitForTrust() };
    const result = await cancellable('Exporting annotations', (control) => loadServices().exportAnnotations({ ...target, format, out, includeSuperseded: args?.includeSuperseded }, control));
    if (!result) return undefined;
    logProblems('export', result.problems);
    if (!result.ok) throw new UserError(`Export failed, nothing written: ${formatProblem(result.problems.find((p) => p.severity === 'error') ?? result.problems[0])}`);
    for (const ref of result.unplaced) log.warn(`export: ${ref}: its words are not at its place in the document (needs review): exported without a position`);
    for (const what of result.lost) log.warn(`export: ${what}: not exported`);
    for (const ref of result.superseded) log.info(`export: ${ref}: superseded by a curated version: left out`);
    const leftOut = result.superseded.length ? `; ${count(result.superseded.length, 'superseded annotation')} left out (the curated versions are exported)` : '';
    const summary = `exported ${count(result.annotations, 'annotation')} from ${count(result.documents, 'document')} as ${format} to ${out}${leftOut}`;
    log.info(summary);
    void vscode.window.showInformationMessage(capitalise(summary), 'Reveal').then((choice) => choice && vscode.commands.executeCommand('revealFileInOS', vscode.Uri.file(out)));
    return summary;
  }

  async function importAnnotations(args?: ImportArgs): Promise<string | undefined> {
    if (!vscode.workspace.isTrusted) throw new UserError(TRANSFER_RESTRICTED);
    const folder = await pickFolder(args?.folder);
    if (!folder) return undefined;
    const files = args?.files ?? (await vscode.window.showOpenDialog({ title: 'Import annotations', canSelectMany: true, filters: { 'W3C Web Annotations': ['json', 'jsonld'], 'brat standoff': ['ann'], 'REFI-QDA project': ['qdpx', 'qde'] } }))?.map((u) => u.fsPath);
    if (!files?.length) return undefined;
    const format = args?.format ?? importFormatOf(files);
    const target = { root: folder.uri.fsPath, annotationsFolder: readSettings(folder).annotationsFolder, git: gitForTrust() };
    const result = await cancellable('Importing annotations', (control) => loadServices().importAnnotations({ ...target, format, files }, control));
    if (!result) return undefined;
    logProblems('import', result.catalogueProblems);
    // One message per item, in file and line order.
    for (const m of result.messages) log[m.severity === 'warning' ? 'warn' : 'error'](`import: ${m.origin}: ${m.severity === 'warning' ? '' : 'not imported: '}${m.reason}`);
    const lines = result.documents.map((d) => `${d.sidecar}: added ${count(d.added, 'annotation')}${d.outcome ? ` (${d.outcome})` : ''}`);
    const summary = `imported ${count(result.imported, 'annotation')}; ${result.failures.length} not imported`;
    log.info(['import:', ...lines, summary].join('\n'));
    if (result.failures.length) {
      void vscode.window.showWarningMessage(`Some annotations could not be imported. ${capitalise(summary)}`, 'Show Details').then((c) => c && log.show());
    } else void vscode.window.showInformationMessage(capitalise(summary));
    return [...lines, summary].join('\n') + '\n';
  }

  /** The task's result, or undefined when the person cancelled it (the services write nothing unfinished). */
  async function cancellable<T>(title: string, task: Parameters<typeof withTaskProgress<T>>[1]): Promise<T | undefined> {
    try {
      return await withTaskProgress(title, task);
    } catch (error) {
      if (error instanceof Error && error.name === 'CancelledError') {
        log.info(error.message);
        return undefined;
      }
      // Bad input (a file that cannot be read, a document that is not there) is the person's to fix.
      if (error instanceof Error && error.name === 'InputError') throw new UserError(error.message);
      throw error;
    }
  }

  function logProblems(what: string, problems: Problem[]): void {
    for (const p of problems) log[p.severity === 'error' ? 'error' : 'warn'](`${what}: ${formatProblem(p)}`);
  }

  return { exportAnnotations, importAnnotations };
}

const count = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
const capitalise = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);
