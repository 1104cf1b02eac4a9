import * as vscode from 'vscode';
import { foldLowerTable, foldString } from '../../core/entities/matcher/fold';
import type { Entity } from '../../core/entities/types';
import { toRange } from '../annotations/documentOffsets';
import type { EntityService } from './entityService';
import { SYMBOL_KINDS } from './entityStyles';
import { definitionOf, entityAtLine } from './folderCatalogue';
import type { WorkspaceMentions } from './workspaceMentions';

/** The catalogue entity at a position: a mention in a document, or an entry in a catalogue file. */
export function entityAtPosition(service: EntityService, document: vscode.TextDocument, position: vscode.Position): Entity | undefined {
  const mention = service.mentionAt(document, position);
  if (mention) return mention.source === 'catalogue' ? service.lookup(mention.entityId, document.uri)?.entity : undefined;
  const catalogue = service.catalogueFor(document.uri);
  return catalogue && entityAtLine(catalogue, document.uri, position.line);
}

export function locationOf(service: EntityService, entity: Entity, near?: vscode.Uri): vscode.Location | undefined {
  const found = service.lookup(entity.id, near);
  return found && definitionOf(found.catalogue, found.entity);
}

/** Every mention of an entity in the workspace, in path order. */
export async function mentionLocations(workspace: WorkspaceMentions, id: string): Promise<vscode.Location[]> {
  await workspace.ensure();
  return workspace.documents(id).flatMap((d) => d.ranges.map((r) => new vscode.Location(d.uri, r)));
}

export class EntityDefinitionProvider implements vscode.DefinitionProvider {
  constructor(private readonly service: EntityService) {}

  provideDefinition(document: vscode.TextDocument, position: vscode.Position): vscode.LocationLink[] | undefined {
    const mention = this.service.mentionAt(document, position);
    const found = mention?.source === 'catalogue' ? this.service.lookup(mention.entityId, document.uri) : undefined;
    const target = found && definitionOf(found.catalogue, found.entity);
    if (!mention || !target) return undefined;
    const line = new vscode.Range(target.range.start.line, 0, target.range.start.line + 1, 0);
    return [{ originSelectionRange: toRange(document, mention.start, mention.end), targetUri: target.uri, targetRange: line, targetSelectionRange: target.range }];
  }
}

export class EntityReferenceProvider implements vscode.ReferenceProvider {
  constructor(
    private readonly service: EntityService,
    private readonly workspace: WorkspaceMentions,
  ) {}

  async provideReferences(document: vscode.TextDocument, position: vscode.Position, context: vscode.ReferenceContext): Promise<vscode.Location[] | undefined> {
    const entity = entityAtPosition(this.service, document, position);
    if (!entity) return undefined;
    const locations = await mentionLocations(this.workspace, entity.id);
    const definition = context.includeDeclaration ? locationOf(this.service, entity, document.uri) : undefined;
    return definition ? [definition, ...locations] : locations;
  }
}

export class EntitySymbolProvider implements vscode.WorkspaceSymbolProvider {
  constructor(private readonly service: EntityService) {}

  provideWorkspaceSymbols(query: string): vscode.SymbolInformation[] {
    const lower = foldLowerTable();
    const wanted = foldString(query, lower).replace(/ /g, '');
    const out: vscode.SymbolInformation[] = [];
    for (const entity of this.service.entities()) {
      const names = [entity.name, ...entity.aliases, entity.id];
      if (wanted && !names.some((n) => isSubsequence(wanted, foldString(n, lower)))) continue;
      const location = locationOf(this.service, entity);
      if (location) out.push(new vscode.SymbolInformation(entity.name, SYMBOL_KINDS[entity.type], `${entity.type} · ${entity.id}`, location));
    }
    return out;
  }
}

/** VS Code filters symbols fuzzily by their letters in order; so do we, over every name. */
function isSubsequence(needle: string, haystack: string): boolean {
  let i = 0;
  for (let k = 0; k < haystack.length && i < needle.length; k++) if (haystack[k] === needle[i]) i++;
  return i === needle.length;
}
