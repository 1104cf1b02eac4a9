import * as vscode from 'vscode';
import { pickItem } from '../quickPick';
import { suggestId } from '../../core/entities/candidates/finder';
import { ENTITY_TYPES, type Entity, type EntityType } from '../../core/entities/types';
import type { FileSystem } from '../../core/ports/fileSystem';
import { toRange } from '../annotations/documentOffsets';
import { addAlias, addEntity } from './catalogueEdit';
import { editCatalogueFile, targetFile } from './catalogueWriter';
import type { EntityService } from './entityService';
import { typePlural } from './entityStyles';
import { fileOf, type FolderCatalogue } from './folderCatalogue';
import { entityAtPosition } from './entityNavigation';

/** Arguments a hover link, a quick fix or a test may pass instead of the prompts answering. */
export interface AddEntityArgs {
  uri?: string;
  /** Normalised offsets of the words in `uri`. */
  start?: number;
  end?: number;
  type?: EntityType;
  name?: string;
  /** Add the words as an alias of this entity instead. */
  aliasOf?: string;
}

const ALIAS = 'alias';

/** "Add Selection as Entity": a new entity of a chosen type, or an alias of an existing one. Returns the entity id. */
export async function addSelectionAsEntity(service: EntityService, fs: FileSystem, args: AddEntityArgs = {}): Promise<string | undefined> {
  const words = await selectedWords(args);
  if (!words) {
    void vscode.window.showInformationMessage('Select the words to add to the entity catalogue first.');
    return undefined;
  }
  const catalogue = service.catalogueFor(words.uri);
  if (!catalogue) {
    void vscode.window.showWarningMessage('Entities can be added only for documents in a workspace folder.');
    return undefined;
  }
  const choice = args.aliasOf ? ALIAS : (args.type ?? (await pickType(words.text)));
  if (!choice) return undefined;
  if (choice === ALIAS) {
    const entity = args.aliasOf ? catalogue.index.entity(args.aliasOf) : await pickEntity(catalogue, `Add “${words.text}” as another name of…`);
    return entity && (await writeAlias(service, fs, catalogue, entity, words.text));
  }
  const name = args.name ?? (await askName(words.text));
  if (!name) return undefined;
  const id = uniqueId(catalogue, suggestId(name));
  const aliases = sameWords(name, words.text) ? [] : [words.text];
  const uri = targetFile(catalogue);
  if (!uri) return undefined;
  return write(service, catalogue, `Added ${name} (${choice}) to the entity catalogue`, () =>
    editCatalogueFile(fs, catalogue, uri, (text) => addEntity(text, { id, type: choice, name, aliases })).then(() => id),
  );
}

/** "Add Alias": another name for an entity (the one given, or the one under the cursor). */
export async function addEntityAlias(service: EntityService, fs: FileSystem, id?: string, alias?: string): Promise<string | undefined> {
  const editor = vscode.window.activeTextEditor;
  const near = editor?.document.uri;
  const found = id ? service.lookup(id, near) : editor && lookupEntity(service, entityAtPosition(service, editor.document, editor.selection.active), near);
  if (!found) {
    void vscode.window.showInformationMessage('Put the cursor on an entity mention, or choose an entity in the Entities view.');
    return undefined;
  }
  const selected = editor && !editor.selection.isEmpty ? clean(editor.document.getText(editor.selection)) : '';
  const value =
    alias ??
    (await vscode.window.showInputBox({
      title: `Add another name of ${found.entity.name}`,
      prompt: 'Write it exactly as documents do; case and punctuation matter for short names.',
      value: selected && !isNameOf(found.entity, selected) ? selected : '',
      validateInput: (v) => (!clean(v) ? 'Enter a name.' : isNameOf(found.entity, clean(v)) ? `${found.entity.name} already has this name.` : undefined),
    }));
  if (!value || !clean(value)) return undefined;
  return writeAlias(service, fs, found.catalogue, found.entity, clean(value));
}

function lookupEntity(service: EntityService, entity: Entity | undefined, near?: vscode.Uri) {
  return entity && service.lookup(entity.id, near);
}

async function writeAlias(service: EntityService, fs: FileSystem, catalogue: FolderCatalogue, entity: Entity, alias: string): Promise<string | undefined> {
  if (isNameOf(entity, alias)) {
    void vscode.window.showInformationMessage(`${entity.name} already has the name “${alias}”.`);
    return entity.id;
  }
  const file = entity.origin && fileOf(catalogue, entity.origin.file);
  if (!file) return undefined;
  return write(service, catalogue, `Added “${alias}” as a name of ${entity.name}`, () => editCatalogueFile(fs, catalogue, file.uri, (text) => addAlias(text, entity.id, alias)).then(() => entity.id));
}

async function write(service: EntityService, catalogue: FolderCatalogue, done: string, run: () => Promise<string>): Promise<string | undefined> {
  try {
    const id = await run();
    await service.reloadFolder(catalogue.folder);
    vscode.window.setStatusBarMessage(done, 5000);
    return id;
  } catch (error) {
    void vscode.window.showErrorMessage(`Policy Annotator could not change the entity catalogue: ${(error as Error).message}`);
    return undefined;
  }
}

async function selectedWords(args: AddEntityArgs): Promise<{ uri: vscode.Uri; text: string } | undefined> {
  if (args.uri && args.start !== undefined && args.end !== undefined) {
    const document = await vscode.workspace.openTextDocument(vscode.Uri.parse(args.uri));
    const text = clean(document.getText(toRange(document, args.start, args.end)));
    return text ? { uri: document.uri, text } : undefined;
  }
  const editor = vscode.window.activeTextEditor;
  if (!editor) return undefined;
  const range = editor.selection.isEmpty ? editor.document.getWordRangeAtPosition(editor.selection.active) : editor.selection;
  const text = range && clean(editor.document.getText(range));
  return text ? { uri: editor.document.uri, text } : undefined;
}

async function pickType(text: string): Promise<EntityType | typeof ALIAS | undefined> {
  const items: (vscode.QuickPickItem & { value: EntityType | typeof ALIAS })[] = [
    ...ENTITY_TYPES.map((type) => ({ label: `New ${type}`, description: typePlural(type), value: type })),
    { label: '', kind: vscode.QuickPickItemKind.Separator, value: ALIAS },
    { label: 'Another name of an existing entity…', value: ALIAS },
  ];
  const picked = await pickItem(items, { title: `Add “${text}” to the entity catalogue`, placeHolder: 'What is it?' });
  return picked?.value;
}

async function pickEntity(catalogue: FolderCatalogue, title: string): Promise<Entity | undefined> {
  const items = [...catalogue.index.entities]
    .sort((a, b) => a.name.localeCompare(b.name))
    .map((entity) => ({ label: entity.name, description: `${entity.type} · ${entity.id}`, detail: entity.aliases.join(', ') || undefined, entity }));
  return (await pickItem(items, { title }))?.entity;
}

async function askName(text: string): Promise<string | undefined> {
  const name = await vscode.window.showInputBox({
    title: 'Canonical name',
    prompt: 'The full name; the selected words become an alias when they differ.',
    value: text,
    validateInput: (v) => (!clean(v) ? 'Enter a name.' : clean(v).length > 500 ? 'At most 500 characters.' : undefined),
  });
  return name === undefined ? undefined : clean(name) || undefined;
}

function uniqueId(catalogue: FolderCatalogue, base: string): string {
  let id = base;
  for (let n = 2; catalogue.index.entity(id); n++) id = `${base}-${n}`;
  return id;
}

function clean(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

function sameWords(a: string, b: string): boolean {
  return clean(a).toLowerCase() === clean(b).toLowerCase();
}

function isNameOf(entity: Entity, alias: string): boolean {
  return [entity.name, ...entity.aliases].some((n) => n === alias);
}
