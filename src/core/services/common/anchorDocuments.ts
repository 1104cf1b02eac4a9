import * as path from 'node:path';
import { nodeFileSystem } from '../../ports/nodeFileSystem';
import { TaskControl, throwIfCancelled } from '../../ports/progress';
import { Problem } from '../../problem';
import { LoadedSidecar, SidecarStore } from '../../store/sidecarStore';
import { problemAtPath } from '../../yaml/locate';
import { AnchoredSidecar, anchorSidecar } from '../../workspace/anchorSidecar';
import { gitOf, WorkspaceTarget } from './workspaceTarget';

export interface DocumentReport {
  documentPath: string;
  loaded: LoadedSidecar;
  /** Undefined when the sidecar could not be read or the document is missing. */
  anchored?: AnchoredSidecar;
  documentBytes?: Uint8Array;
  problems: Problem[];
}

/**
 * Loads each document's sidecar and re-anchors it against the document as it is on disk now, one
 * progress step per document; stops with `CancelledError` between documents when cancelled.
 */
export async function anchorDocuments(ws: WorkspaceTarget, documentPaths: string[], control: TaskControl | undefined, what: string): Promise<{ store: SidecarStore; reports: DocumentReport[] }> {
  const store = new SidecarStore(nodeFileSystem, ws.root, ws.annotationsFolder);
  const reports: DocumentReport[] = [];
  for (const [done, documentPath] of documentPaths.entries()) {
    throwIfCancelled(control, what);
    control?.progress?.report({ message: documentPath, done, total: documentPaths.length });
    const loaded = await store.load(documentPath);
    // No file: nothing to report, unless it was refused (a path that leaves the workspace through a link).
    if (loaded.text === undefined && !loaded.read.problems.length) continue;
    const report: DocumentReport = { documentPath, loaded, problems: [...loaded.read.problems] };
    reports.push(report);
    const sidecar = loaded.read.sidecar;
    const parsed = loaded.read.parsed;
    if (!sidecar || !parsed) continue;
    if (sidecar.document !== documentPath) {
      report.problems.push({ ...problemAtPath(loaded.name, parsed.doc, parsed.lines, '/document', `document is '${sidecar.document}' but this sidecar's location belongs to '${documentPath}'`), severity: 'warning' });
    }
    let bytes: Uint8Array | undefined;
    try {
      bytes = await nodeFileSystem.readBytes(path.join(ws.root, ...documentPath.split('/')));
    } catch (error) {
      report.problems.push(problemAtPath(loaded.name, parsed.doc, parsed.lines, '/document', `document '${documentPath}' cannot be read (${(error as Error).message}): its annotations cannot be checked`));
      continue;
    }
    if (!bytes) {
      report.problems.push(problemAtPath(loaded.name, parsed.doc, parsed.lines, '/document', `document '${documentPath}' not found in ${ws.root}: its annotations cannot be checked`));
      continue;
    }
    report.documentBytes = bytes;
    report.anchored = await anchorSidecar(sidecar, bytes, gitOf(ws), ws.root);
  }
  return { store, reports };
}
