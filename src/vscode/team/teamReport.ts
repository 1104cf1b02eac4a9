import * as path from 'node:path';
import * as vscode from 'vscode';
import { AgreementReport } from '../../core/agreement';
import { FileSystem } from '../../core/ports/fileSystem';
import { TaskControl } from '../../core/ports/progress';
import { Problem } from '../../core/problem';
import { measureAgreement } from '../../core/services/agreementService';
import { readSettings } from '../settings';

// The agreement between the authors of one workspace folder, computed by the core service from the
// sidecars on disk (what the team has written), with the documents' texts for lines and lengths.

export interface TeamReport {
  folder: vscode.WorkspaceFolder;
  report: AgreementReport;
  texts: Map<string, string>;
  problems: Problem[];
}

export async function buildTeamReport(folder: vscode.WorkspaceFolder, fs: FileSystem, control?: TaskControl): Promise<TeamReport> {
  const root = folder.uri.fsPath;
  const openText = (document: string) => vscode.workspace.textDocuments.find((d) => d.uri.fsPath === path.join(root, ...document.split('/')))?.getText();
  const { report, texts, problems } = await measureAgreement({ root, annotationsFolder: readSettings(folder).annotationsFolder, fs, openText }, control);
  return { folder, report, texts, problems };
}

/** A link that opens the document at the line of `start`, for the Markdown preview. */
export function passageLink(team: TeamReport, document: string, start: number): string {
  const text = team.texts.get(document) ?? '';
  const line = text.slice(0, start).split('\n').length;
  return `${vscode.Uri.joinPath(team.folder.uri, ...document.split('/')).toString()}#L${line}`;
}
