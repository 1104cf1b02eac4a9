import * as vscode from 'vscode';
import { TaskControl } from '../core/ports/progress';

/**
 * Runs a core service inside a cancellable progress notification: the service's steps become the
 * notification's message and bar, the Cancel button its cancellation signal.
 */
export function withTaskProgress<T>(title: string, task: (control: TaskControl) => Promise<T>, location: vscode.ProgressLocation | { viewId: string } = vscode.ProgressLocation.Notification): Promise<T> {
  return Promise.resolve(
    vscode.window.withProgress({ location, title, cancellable: true }, (progress, token) => {
      let shown = 0;
      return task({
        progress: {
          report({ message, done, total }) {
            const percent = total ? (100 * done) / total : 0;
            progress.report({ message, increment: Math.max(0, percent - shown) });
            shown = Math.max(shown, percent);
          },
        },
        signal: {
          get cancelled() {
            return token.isCancellationRequested;
          },
        },
      });
    }),
  );
}
