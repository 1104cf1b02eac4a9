import * as path from 'node:path';
import * as vscode from 'vscode';
import { annotatorsByAuthor, AgreementReport, computeAgreement, readSidecarFolder } from '../../core/agreement';
import { normalizeText } from '../../core/anchoring/normalize';
import { nodeLister } from '../../core/ports/nodeDirectoryLister';
import { FileSystem, readText } from '../../core/ports/fileSystem';
import { TaskControl } from '../../core/ports/progress';
import { Problem } from '../../core/problem';
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
  const settings = readSettings(folder);
  const problems: Problem[] = [];
  const root = folder.uri.fsPath;
  const sidecars = await readSidecarFolder(fs, nodeLister, path.join(root, ...settings.annotationsFolder.split('/')), settings.annotationsFolder, problems);
  const sources = annotatorsByAuthor(sidecars, problems);
  const texts = new Map<string, string>();
  for (const s of sidecars) {
    const open = vscode.workspace.textDocuments.find((d) => d.uri.fsPath === path.join(root, ...s.document.split('/')));
    const text = open ? open.getText() : await readText(fs, path.join(root, ...s.document.split('/')));
    if (text !== undefined) texts.set(s.document, normalizeText(text));
  }
  const report = computeAgreement(sources.annotators, { curated: sources.curated, documentLength: (d) => texts.get(d)?.length }, control);
  return { folder, report, texts, problems };
}

/** A link that opens the document at the line of `start`, for the Markdown preview. */
export function passageLink(team: TeamReport, document: string, start: number): string {
  const text = team.texts.get(document) ?? '';
  const line = text.slice(0, start).split('\n').length;
  return `${vscode.Uri.joinPath(team.folder.uri, ...document.split('/')).toString()}#L${line}`;
}
