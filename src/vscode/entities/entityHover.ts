import * as vscode from 'vscode';
import { toRange } from '../annotations/documentOffsets';
import type { WorkspaceAnnotations } from '../workspace/workspaceAnnotations';
import type { EntityService } from './entityService';
import { entityCard, involving, mentionCard } from './hoverCard';
import type { WorkspaceMentions } from './workspaceMentions';

/** How long a hover waits for the first workspace count before showing "counting…". */
const COUNT_WAIT_MS = 500;

/** The card for a mention: the entity, where else it is mentioned, and annotations about it. */
export class EntityHoverProvider implements vscode.HoverProvider {
  constructor(
    private readonly service: EntityService,
    private readonly workspace: WorkspaceMentions,
    private readonly annotations: WorkspaceAnnotations,
  ) {}

  async provideHover(document: vscode.TextDocument, position: vscode.Position, token: vscode.CancellationToken): Promise<vscode.Hover | undefined> {
    const mention = this.service.mentionAt(document, position);
    if (!mention) return undefined;
    const range = toRange(document, mention.start, mention.end);
    if (mention.source !== 'catalogue') {
      return new vscode.Hover(mentionCard(mention.source, mention.type, mention.text, document.uri, mention.start, mention.end), range);
    }
    const found = this.service.lookup(mention.entityId, document.uri);
    if (!found) return undefined;
    const counted = await this.workspace.ready(COUNT_WAIT_MS);
    const entries = await this.annotations.entries().catch(() => []);
    if (token.isCancellationRequested) return undefined;
    const state = this.service.documentState(document.uri);
    const hereCount = state?.mentions.filter((m) => m.source === 'catalogue' && m.entityId === found.entity.id).length ?? 0;
    const card = entityCard({
      entity: found.entity,
      uri: document.uri,
      hereCount,
      documents: counted ? this.workspace.documents(found.entity.id) : undefined,
      annotations: involving(entries, found.entity.id),
      relative: (uri) => vscode.workspace.asRelativePath(uri, false),
    });
    // A mouse hover runs no command, so the walkthrough's "Read an entity's hover" step completes on this context key.
    void vscode.commands.executeCommand('setContext', 'policyAnnotator.readEntityHover', true);
    return new vscode.Hover(card, range);
  }
}
