import { userInfo } from 'node:os';
import * as vscode from 'vscode';
import { Git } from '../../core/ports/git';
import { readSettings } from '../settings';

/** Who new annotations are by: the setting, else git's user.name, else the login name. */
export class AuthorResolver {
  private fromGit = new Map<string, Promise<string | undefined>>();

  constructor(private readonly git: () => Git) {}

  async resolve(folder: vscode.WorkspaceFolder): Promise<string> {
    const configured = readSettings(folder).author;
    if (configured) return configured;
    const key = folder.uri.fsPath;
    if (!this.fromGit.has(key)) this.fromGit.set(key, this.git().userName(key));
    return (await this.fromGit.get(key)) ?? safeLogin();
  }
}

function safeLogin(): string {
  try {
    return userInfo().username || 'unknown';
  } catch {
    return 'unknown';
  }
}
