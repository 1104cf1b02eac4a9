import * as vscode from 'vscode';
import { CommandIds } from '../commandIds';
import { registerCommandTable } from '../registerCommandTable';
import { StanceMapDeps, StanceMapMessage, StanceMapPanel } from './stanceMapPanel';

/**
 * Not contributed in package.json, so it is not in the palette: the integration tests read what the panel
 * shows (the map the service computed and the HTML the webview got) and post the messages a click would.
 */
export const STANCE_MAP_TEST_COMMAND = 'policyAnnotator.test.stanceMap';

export function registerStanceMap(deps: StanceMapDeps, log: vscode.LogOutputChannel): vscode.Disposable[] {
  const panel = new StanceMapPanel(deps);
  return [
    panel,
    ...registerCommandTable([[CommandIds.showStanceMap, () => panel.show()]], log),
    vscode.commands.registerCommand(STANCE_MAP_TEST_COMMAND, async (message?: StanceMapMessage) => {
      if (message) await panel.receive(message);
      return panel.current();
    }),
  ];
}
