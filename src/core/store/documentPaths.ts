import * as path from 'node:path';
import { isCatalogueFile } from './catalogueFiles';

// Sidecars live at `<annotations folder>/<document path>.yaml`; document paths are workspace-relative, with '/'.

export const SIDECAR_SUFFIX = '.yaml';

/** Why a workspace-relative document path is refused, or undefined when it is safe. */
export function checkRelativeDocumentPath(documentPath: string): string | undefined {
  if (!documentPath) return 'document path is empty';
  if (documentPath.includes('\0')) return 'document path contains a NUL character';
  if (documentPath.includes('\\')) return `document path '${documentPath}' must use '/' separators`;
  if (path.posix.isAbsolute(documentPath) || /^[a-zA-Z]:/.test(documentPath)) return `document path '${documentPath}' must be relative to the workspace folder, not absolute`;
  if (documentPath.split('/').some((part) => part === '..')) return `document path '${documentPath}' must not contain '..'`;
  return undefined;
}

export function sidecarPathFor(documentPath: string, annotationsFolder: string): string {
  return path.posix.join(annotationsFolder, documentPath + SIDECAR_SUFFIX);
}

/**
 * The document a sidecar path belongs to, or undefined if it is not a sidecar path. An entity catalogue
 * (`entities.yaml`, `*.entities.yaml`) shares the folder but is never a sidecar: checking it as one
 * showed false errors (issue 18).
 */
export function documentPathFor(sidecarPath: string, annotationsFolder: string): string | undefined {
  const folder = path.posix.normalize(annotationsFolder).replace(/\/$/, '') + '/';
  const normalised = path.posix.normalize(sidecarPath);
  if (!normalised.startsWith(folder) || !normalised.endsWith(SIDECAR_SUFFIX) || isCatalogueFile(normalised)) return undefined;
  const documentPath = normalised.slice(folder.length, -SIDECAR_SUFFIX.length);
  return checkRelativeDocumentPath(documentPath) ? undefined : documentPath;
}

/** Workspace-relative path with '/' for an absolute path inside `root`, or undefined if outside. */
export function toWorkspaceRelative(root: string, absolute: string): string | undefined {
  const rel = path.relative(root, absolute);
  if (!rel || rel.startsWith('..') || path.isAbsolute(rel)) return undefined;
  return rel.split(path.sep).join('/');
}
