import * as vscode from 'vscode';
import { readUntrusted } from '../../core/store/sidecarStore';
import { DocumentAnnotations } from '../../core/workspace/documentAnnotations';
import { normalizedText } from './documentOffsets';
import { anchorLoaded, mergeFromDisk } from './loadSession';
import { documentOf, ServiceDeps, Session, SessionHost } from './session';

// Bringing an open document's annotations up to date with its sidecar on disk (checkout, pull,
// merge, another window, the CLI), without losing what changed in memory meanwhile.

const utf8 = new TextDecoder('utf-8');

/** The sidecar of an open document changed on disk: reload and re-anchor. */
export async function reloadFromDisk(host: SessionHost, session: Session): Promise<void> {
  await session.ready;
  const loaded = await session.store.load(session.model.documentPath);
  if (loaded.text === session.model.base.text) return;
  host.report(loaded);
  const document = documentOf(session);
  const editorText = document ? normalizedText(document) : undefined;
  if (!editorText) return;
  const merge = () => {
    const conflicts = mergeFromDisk(session.model, loaded, document ? normalizedText(document) : editorText);
    if (conflicts.length) void vscode.window.showWarningMessage(`${loaded.name} changed on disk while you had unsaved annotation changes; both were kept. ${conflicts.length} annotation(s) changed on both sides need review.`);
  };
  if (session.model.dirty && loaded.read.writable) merge();
  else if (loaded.read.sidecar) {
    // Anchored aside, since that waits (git, the document's bytes): an annotation added or changed
    // meanwhile must be merged with the file, not replaced by it.
    const version = session.model.version;
    const aside = new DocumentAnnotations(session.model.documentPath, session.model.base);
    await anchorLoaded(aside, loaded, editorText, session.uri.fsPath, host.deps.fs, host.deps.git(), session.folder.uri.fsPath);
    if (session.model.version !== version && loaded.read.writable) merge();
    else {
      const items = aside.list();
      session.model.base = loaded;
      session.model.reset({ ...loaded.read.sidecar, annotations: items.map((i) => i.annotation) }, items.map((i) => ({ id: i.annotation.id, status: i.status, was: i.was })));
    }
  } else {
    // Unreadable now (e.g. conflict markers): keep what we have in memory, just show the problems.
    session.model.base = loaded;
  }
  host.deps.log.info(`Reloaded ${loaded.name}`);
  host.notify(session);
}

/** Settings changed while annotation changes were not written yet (the last write failed): merged with the file, never dropped. */
export async function refreshKeepingChanges(host: SessionHost, session: Session): Promise<void> {
  await session.ready;
  const loaded = await session.store.load(session.model.documentPath);
  if (loaded.text === session.model.base.text) return;
  host.report(loaded);
  const document = documentOf(session);
  if (!document || !loaded.read.writable) return;
  mergeFromDisk(session.model, loaded, normalizedText(document));
  host.notify(session);
}

/** Problems of a sidecar file that is not attached to an open document, in the Problems view. */
export async function checkSidecarFile(deps: ServiceDeps, uri: vscode.Uri, rel: string): Promise<void> {
  const bytes = await deps.fs.readBytes(uri.fsPath);
  deps.diagnostics.set(uri, bytes ? readUntrusted(utf8.decode(bytes), rel).problems : []);
}
