import * as vscode from 'vscode';
import { fingerprint } from '../../core/anchoring/fingerprint';
import { normalizeText } from '../../core/anchoring/normalize';
import { mergeSidecarEntries } from '../../core/merge/mergeAnnotations';
import { FileSystem } from '../../core/ports/fileSystem';
import { Git } from '../../core/ports/git';
import { LoadedSidecar } from '../../core/store/sidecarStore';
import { applyAnchoring } from '../../core/workspace/anchorSidecar';
import { DocumentAnnotations } from '../../core/workspace/documentAnnotations';

const utf8 = new TextDecoder('utf-8');

/**
 * Anchors a loaded sidecar against the text now in the editor. The old text is the file on disk
 * when the sidecar's fingerprint still matches it, else the blob git kept for that fingerprint.
 */
export async function anchorLoaded(model: DocumentAnnotations, loaded: LoadedSidecar, editorText: string, documentFile: string, fs: FileSystem, git: Git, repoDir: string): Promise<void> {
  const sidecar = loaded.read.sidecar;
  model.base = loaded;
  if (!sidecar) {
    model.reset({ schemaVersion: 1, document: model.documentPath, fingerprint: '', annotations: [] }, []);
    return;
  }
  const oldText = await textForFingerprint(sidecar.fingerprint, documentFile, fs, git, repoDir);
  const anchored = applyAnchoring(sidecar, editorText, oldText);
  model.reset(anchored.sidecar, anchored.outcomes);
}

async function textForFingerprint(blobId: string, documentFile: string, fs: FileSystem, git: Git, repoDir: string): Promise<string | undefined> {
  if (!blobId) return undefined;
  const onDisk = await fs.readBytes(documentFile);
  if (onDisk && fingerprint(onDisk) === blobId) return normalizeText(utf8.decode(onDisk));
  const blob = await git.readBlob(repoDir, blobId);
  return blob && normalizeText(utf8.decode(blob));
}

/**
 * A sidecar changed on disk while the editor holds annotation changes not yet written:
 * both are kept, merged by id, then placed again in the editor's text.
 */
export function mergeFromDisk(model: DocumentAnnotations, theirs: LoadedSidecar, editorText: string): string[] {
  const ours = model.toSidecar(editorText, model.base.read.sidecar?.fingerprint ?? '');
  const merged = mergeSidecarEntries(model.base.read.sidecar, ours, theirs.read.sidecar);
  const anchored = applyAnchoring({ ...ours, annotations: merged.annotations, links: merged.links }, editorText, undefined);
  model.base = theirs;
  model.reset(anchored.sidecar, anchored.outcomes, true);
  return merged.conflicts;
}

export function documentFileOf(document: vscode.TextDocument): string {
  return document.uri.fsPath;
}
