import * as vscode from 'vscode';
import type { Entity } from '../../core/entities/types';
import type { FileSystem } from '../../core/ports/fileSystem';
import { toRange } from '../annotations/documentOffsets';
import { CommandIds } from '../commandIds';
import { SECTION } from '../settings';
import { type AddEntityArgs, addEntityAlias, addSelectionAsEntity } from './addEntityCommands';
import type { MentionTarget } from './entityCommandIds';
import { entityAtPosition, locationOf, mentionLocations } from './entityNavigation';
import type { EntityService } from './entityService';
import { HIGHLIGHT_KINDS, readEntitySettings } from './entitySettings';
import type { EntityNode } from './entityTree';
import type { WorkspaceMentions } from './workspaceMentions';

/** An entity given as an id (hover links), a tree node (context menu), or nothing (the cursor). */
type EntityArg = string | EntityNode | undefined;

export function registerEntityCommands(service: EntityService, workspace: WorkspaceMentions, fs: FileSystem): vscode.Disposable[] {
  const resolve = (arg: EntityArg): Entity | undefined => {
    const editor = vscode.window.activeTextEditor;
    if (typeof arg === 'string') return service.lookup(arg, editor?.document.uri)?.entity;
    if (arg && arg.kind !== 'type' && arg.kind !== 'no-match') return arg.entity;
    return editor && entityAtPosition(service, editor.document, editor.selection.active);
  };
  const register = (id: string, run: (...args: never[]) => unknown) => vscode.commands.registerCommand(id, run);
  return [
    register(CommandIds.toggleEntityDecorations, () => toggleDecorations()),
    register(CommandIds.chooseEntityTypes, () => chooseTypes()),
    register(CommandIds.addSelectionAsEntity, (args?: AddEntityArgs) => addSelectionAsEntity(service, fs, args)),
    register(CommandIds.addEntityAlias, (arg?: EntityArg, alias?: string) => {
      const entity = arg === undefined ? undefined : resolve(arg);
      return addEntityAlias(service, fs, entity?.id, alias);
    }),
    register(CommandIds.findEntityMentions, (arg?: EntityArg) => findMentions(service, workspace, resolve(arg))),
    register(CommandIds.editEntity, (arg?: EntityArg) => editEntity(service, resolve(arg))),
    register(CommandIds.openEntityMention, (...target: MentionTarget) => openMention(target)),
    register(CommandIds.reloadEntities, () => service.reloadAll()),
  ];
}

/** Flips `policyAnnotator.entityDecorations` where it is set (workspace when a folder is open); returns the new value. */
async function toggleDecorations(): Promise<boolean> {
  const config = vscode.workspace.getConfiguration(SECTION);
  const next = !readEntitySettings().entityDecorations;
  const target = vscode.workspace.workspaceFolders?.length ? vscode.ConfigurationTarget.Workspace : vscode.ConfigurationTarget.Global;
  await config.update('entityDecorations', next, target);
  vscode.window.setStatusBarMessage(`Entity highlighting ${next ? 'on' : 'off'}`, 3000);
  return next;
}

async function chooseTypes(): Promise<void> {
  const enabled = new Set<string>(readEntitySettings().entityTypes);
  const items = HIGHLIGHT_KINDS.map((kind) => ({ label: kind, picked: enabled.has(kind) }));
  const picked = await vscode.window.showQuickPick(items, { canPickMany: true, title: 'Highlight these kinds of mention' });
  if (!picked) return;
  const target = vscode.workspace.workspaceFolders?.length ? vscode.ConfigurationTarget.Workspace : vscode.ConfigurationTarget.Global;
  await vscode.workspace.getConfiguration(SECTION).update('entityTypes', picked.map((p) => p.label), target);
}

/** Shows every mention in the references peek, anchored on the mention under the cursor or the catalogue entry. */
async function findMentions(service: EntityService, workspace: WorkspaceMentions, entity: Entity | undefined): Promise<vscode.Location[]> {
  if (!entity) {
    void vscode.window.showInformationMessage('Put the cursor on an entity mention, or choose an entity in the Entities view.');
    return [];
  }
  const locations = await mentionLocations(workspace, entity.id);
  const editor = vscode.window.activeTextEditor;
  let anchor: vscode.Location | undefined;
  if (editor && entityAtPosition(service, editor.document, editor.selection.active)?.id === entity.id) {
    anchor = new vscode.Location(editor.document.uri, editor.selection.active);
  } else {
    anchor = locationOf(service, entity);
    if (anchor) await vscode.window.showTextDocument(anchor.uri, { selection: anchor.range, preview: true });
  }
  if (!locations.length) void vscode.window.showInformationMessage(`No document in the workspace mentions ${entity.name}.`);
  else if (anchor) await vscode.commands.executeCommand('editor.action.showReferences', anchor.uri, anchor.range.start, locations);
  return locations;
}

async function editEntity(service: EntityService, entity: Entity | undefined): Promise<void> {
  const location = entity && locationOf(service, entity);
  if (!location) {
    void vscode.window.showInformationMessage('Put the cursor on an entity mention, or choose an entity in the Entities view.');
    return;
  }
  await vscode.window.showTextDocument(location.uri, { selection: location.range, preview: false });
}

async function openMention(target: MentionTarget): Promise<void> {
  const [uri, ...rest] = target;
  const document = await vscode.workspace.openTextDocument(vscode.Uri.parse(uri));
  const range = typeof rest[0] === 'object' ? toRange(document, rest[0].start, rest[0].end) : new vscode.Range(...(rest as [number, number, number, number]));
  await vscode.window.showTextDocument(document, { selection: range, preview: true });
}
