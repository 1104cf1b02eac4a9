import * as vscode from 'vscode';
import { suggestMetadata } from '../../core/metadata/suggestMetadata';
import { DOCUMENT_TYPES, DocumentMetadata, METADATA_FIELD_ORDER } from '../../core/model';
import { SidecarStore } from '../../core/store/sidecarStore';
import type { FileSystem } from '../../core/ports/fileSystem';
import { normalizedText } from '../annotations/documentOffsets';
import { annotatable } from '../documentFilter';
import { toUri, UserError } from '../editing/commandTarget';
import { readSettings } from '../settings';

type Field = (typeof METADATA_FIELD_ORDER)[number];

const LABELS: Record<Field, string> = { title: 'Title', authors: 'Author(s) or speaker', publisher: 'Publisher or outlet', published: 'Date of publication', url: 'Source URL', type: 'Document type', language: 'Language' };
const CHECKS: Partial<Record<Field, (v: string) => string | undefined>> = {
  published: (v) => (!v || /^\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?)?$/.test(v) ? undefined : 'YYYY, YYYY-MM or YYYY-MM-DD'),
  url: (v) => (!v || /^https?:\/\/\S+$/.test(v) ? undefined : 'an http or https address'),
  language: (v) => (!v || /^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*$/.test(v) ? undefined : 'a language tag such as en or zh-Hant'),
};

export interface EditMetadataArgs {
  uri?: string | vscode.Uri;
  /** Set these fields without asking (tests, other extensions); `''` or `[]` clears a field. */
  metadata?: DocumentMetadata;
}

const show = (m: DocumentMetadata, f: Field): string => (Array.isArray(m[f]) ? (m[f] as string[]).join('; ') : ((m[f] as string | undefined) ?? ''));

/** Asks for one field; the text's suggestion is offered when the field is empty. Undefined: cancelled. */
async function askField(field: Field, current: DocumentMetadata, suggested: DocumentMetadata): Promise<string | undefined> {
  if (field === 'type') {
    const items = [{ label: '(none)', value: '' }, ...DOCUMENT_TYPES.map((t) => ({ label: t, value: t as string, picked: t === current.type }))];
    return (await vscode.window.showQuickPick(items, { title: LABELS.type, placeHolder: current.type ?? 'What kind of text is it?' }))?.value;
  }
  const value = show(current, field) || show(suggested, field) || (field === 'language' ? 'en' : '');
  const prompt = `${LABELS[field]}${field === 'authors' ? ' (separate several with ;)' : ''}${!show(current, field) && show(suggested, field) ? ' (suggested from the text)' : ''}; empty clears it`;
  return vscode.window.showInputBox({ title: LABELS[field], prompt, value, ignoreFocusOut: true, validateInput: CHECKS[field] });
}

function withField(m: DocumentMetadata, field: Field, value: string): DocumentMetadata {
  const out: Record<string, unknown> = { ...m };
  const v = value.trim();
  if (!v) delete out[field];
  else out[field] = field === 'authors' ? v.split(';').map((a) => a.trim()).filter(Boolean) : v;
  return out as DocumentMetadata;
}

/** "Edit Document Metadata…": a list of the fields with their values; pick one to change, then Save. */
export function editMetadataCommand(fs: FileSystem): (args?: EditMetadataArgs) => Promise<DocumentMetadata | undefined> {
  return async (args) => {
    const document = args?.uri ? await vscode.workspace.openTextDocument(toUri(args.uri)) : vscode.window.activeTextEditor?.document;
    if (!document) throw new UserError('Open a policy document first.');
    const target = annotatable(document);
    if (!target) throw new UserError(`${vscode.workspace.asRelativePath(document.uri)} is not a document Policy Annotator annotates.`);
    const store = new SidecarStore(fs, target.folder.uri.fsPath, readSettings(target.folder).annotationsFolder);
    const loaded = await store.load(target.documentPath);
    if (!loaded.read.sidecar || !loaded.read.writable) throw new UserError(`${loaded.name} cannot be read or written (see Problems); fix it before editing its metadata.`);
    let metadata: DocumentMetadata = { ...loaded.read.sidecar.metadata };
    if (args?.metadata) for (const [field, value] of Object.entries(args.metadata)) metadata = withField(metadata, field as Field, Array.isArray(value) ? value.join(';') : String(value ?? ''));
    else {
      const suggested = suggestMetadata(normalizedText(document));
      for (;;) {
        const items = METADATA_FIELD_ORDER.map((f) => ({ label: LABELS[f], description: show(metadata, f) || (show(suggested, f) ? `suggested: ${show(suggested, f)}` : ''), field: f as Field | undefined }));
        const chosen = await vscode.window.showQuickPick([{ label: '$(check) Save', description: vscode.workspace.asRelativePath(loaded.file), field: undefined }, ...items], { title: `Document metadata: ${target.documentPath}`, placeHolder: 'Pick a field to change, then Save' });
        if (!chosen) return undefined;
        if (!chosen.field) break;
        const value = await askField(chosen.field, metadata, suggested);
        if (value !== undefined) metadata = withField(metadata, chosen.field, value);
      }
    }
    const outcome = await store.save(loaded, { ...loaded.read.sidecar, metadata });
    if (outcome.kind === 'refused') throw new UserError(`${loaded.name} was not written: ${outcome.problems[0]?.message ?? 'it cannot be read'}`);
    return outcome.sidecar.metadata;
  };
}
