import * as vscode from 'vscode';
import { fingerprint } from '../../core/anchoring/fingerprint';
import { normalizeText } from '../../core/anchoring/normalize';
import { canonicalJson } from '../../core/canonicalJson';
import { mergeSidecarEntries } from '../../core/merge/mergeAnnotations';
import { formatProblem } from '../../core/problem';
import { readSidecar } from '../../core/store/readSidecar';
import { LoadedSidecar, SaveOutcome } from '../../core/store/sidecarStore';
import { applyAnchoring } from '../../core/workspace/anchorSidecar';
import { normalizedText } from './documentOffsets';
import { documentOf, Session, SessionHost } from './session';

// Writing a session's sidecar: on document save, and on demand for commands (persist).

const utf8 = new TextDecoder('utf-8');

/** Writes the sidecar for the text just saved. */
export async function saveOnDocumentSave(host: SessionHost, session: Session, document: vscode.TextDocument): Promise<void> {
  await session.ready;
  const { model } = session;
  if (!model.list().length && model.base.text === undefined) return;
  const bytes = await host.deps.fs.readBytes(document.uri.fsPath);
  if (!bytes) return;
  await writeSessionSidecar(host, session, normalizeText(utf8.decode(bytes)), bytes);
}

/**
 * Writes a session's annotations now, anchored in the text the editor shows. If that text is not
 * saved yet, its blob goes to git too, so the next load can map the anchors onto whatever is saved.
 */
export async function persistSession(host: SessionHost, session: Session): Promise<SaveOutcome | undefined> {
  const document = documentOf(session);
  const bytes = document?.isDirty ? new TextEncoder().encode(document.getText()) : await host.deps.fs.readBytes(session.uri.fsPath);
  if (!bytes) return undefined;
  return writeSessionSidecar(host, session, normalizeText(utf8.decode(bytes)), bytes);
}

/** Saves the model for `text` (the document as on disk); keeps everything in memory if that fails. */
export async function writeSessionSidecar(host: SessionHost, session: Session, text: string, bytes: Uint8Array, depth = 0): Promise<SaveOutcome | undefined> {
  const { model, store } = session;
  // Commands, saves and reloads run concurrently: whatever changes the model while this write waits
  // for the disk must survive it (not be replaced by what was written, nor marked saved).
  const startVersion = model.version;
  const sidecar = model.toSidecar(text, fingerprint(bytes));
  let outcome: SaveOutcome;
  try {
    outcome = await store.save(model.base, sidecar);
  } catch (error) {
    const message = `Policy Annotator could not write ${store.displayName(model.base.file)}: ${(error as Error).message}. Your annotations are kept in memory; save the document again to retry.`;
    host.deps.log.error(message);
    void vscode.window.showErrorMessage(message);
    return undefined;
  }
  if (outcome.kind === 'refused') {
    warnUnwritable(host, session, outcome.problems.map(formatProblem));
    return outcome;
  }
  const read = outcome.read ?? readSidecar(outcome.text, store.displayName(model.base.file));
  const base: LoadedSidecar = { ...model.base, name: store.displayName(model.base.file), text: outcome.text, read };
  if (model.version !== startVersion) {
    // Changed meanwhile: the file is the new base; what changed since this write began is merged
    // onto what it wrote, and stays unsaved (dirty) for the next write.
    const document = documentOf(session);
    const now = document ? normalizedText(document) : text;
    const ours = model.toSidecar(now, sidecar.fingerprint);
    const merged = mergeSidecarEntries(sidecar, ours, outcome.sidecar);
    const anchored = applyAnchoring({ ...ours, annotations: merged.annotations, links: merged.links }, now, undefined);
    model.base = base;
    model.reset(anchored.sidecar, anchored.outcomes, true);
  } else if (outcome.kind === 'merged') {
    const anchored = applyAnchoring(outcome.sidecar, text, undefined);
    model.base = base;
    model.reset(anchored.sidecar, anchored.outcomes);
    const conflicts = outcome.conflicts.length ? ` ${outcome.conflicts.length} annotation(s) were changed on both sides and need review.` : '';
    if (depth === 0) void vscode.window.showInformationMessage(`${base.name} had changed on disk; both versions were merged by annotation.${conflicts}`);
    // The other side's annotations were anchored on its own version of the text: write them as placed in this one.
    if (depth < 2 && canonicalJson(anchored.sidecar.annotations) !== canonicalJson(outcome.sidecar.annotations)) {
      model.dirty = true;
      return writeSessionSidecar(host, session, text, bytes, depth + 1);
    }
  } else model.markSaved(base, outcome.sidecar);
  host.deps.diagnostics.set(vscode.Uri.file(model.base.file), read.problems);
  if (outcome.kind !== 'unchanged') await host.deps.git().storeBlob(session.folder.uri.fsPath, bytes);
  host.notify(session);
  return outcome;
}

function warnUnwritable(host: SessionHost, session: Session, problems: string[]): void {
  host.once(`${session.model.base.file}\n${problems.join('\n')}`, () => {
    const first = problems[0] ?? 'it could not be read';
    void vscode.window.showWarningMessage(
      `Policy Annotator did not write ${session.store.displayName(session.model.base.file)} because it has errors (${first}). Your annotations are kept in memory and will be written once the file is fixed.`,
    );
  });
}
