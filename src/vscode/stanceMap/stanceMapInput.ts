import * as vscode from 'vscode';
import type { StanceMapDocument } from '../../core/stanceMap';
import { summariseAnnotation } from '../../core/workspace/summaries';
import { WorkspaceAnnotations } from '../workspace/workspaceAnnotations';
import { WorkspaceModelHost } from '../workspace/workspaceModelHost';

/** The map's documents: each folder's indexed metadata, with the annotations as views see them (open documents live). */
export interface MapDocuments {
  documents: StanceMapDocument[];
  /** Column key (document path, prefixed by the folder's name in a multi-root workspace) → the document. */
  uris: Map<string, vscode.Uri>;
}

export async function mapDocuments(host: WorkspaceModelHost, workspace: WorkspaceAnnotations): Promise<MapDocuments> {
  // Before the first load ends the index has no metadata (dates, titles): wait rather than show undated columns.
  await host.model.ready();
  const multi = host.model.folders().length > 1;
  const key = (folder: vscode.WorkspaceFolder, documentPath: string) => (multi ? `${folder.name}/${documentPath}` : documentPath);
  const byKey = new Map<string, StanceMapDocument & { annotations: ReturnType<typeof summariseAnnotation>[] }>();
  const uris = new Map<string, vscode.Uri>();
  for (const model of host.model.folders()) {
    const folder = host.workspaceFolder(model);
    if (!folder) continue;
    for (const doc of model.index.documents()) {
      const k = key(folder, doc.documentPath);
      byKey.set(k, { documentPath: k, ...(doc.metadata ? { metadata: doc.metadata } : {}), annotations: [] });
      uris.set(k, vscode.Uri.joinPath(folder.uri, ...doc.documentPath.split('/')));
    }
  }
  for (const entry of await workspace.entries()) {
    const k = key(entry.folder, entry.documentPath);
    let doc = byKey.get(k);
    if (!doc) byKey.set(k, (doc = { documentPath: k, annotations: [] }));
    uris.set(k, entry.uri);
    doc.annotations.push(summariseAnnotation(entry.annotation, k));
  }
  return { documents: [...byKey.values()], uris };
}
