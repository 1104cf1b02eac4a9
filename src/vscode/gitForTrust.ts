import * as vscode from 'vscode';
import { gitCli, Git, noGit } from '../core/ports/git';

/** Git runs only in a trusted workspace: Restricted Mode must not start programs a repository could have planted. */
export function gitForTrust(): Git {
  return vscode.workspace.isTrusted ? gitCli() : noGit;
}
