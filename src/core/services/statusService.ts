import { ANCHOR_STATUSES, AnnotationKind, AnchorStatus } from '../model';
import { TaskControl } from '../ports/progress';
import { Problem } from '../problem';
import { SidecarStore } from '../store/sidecarStore';
import { AnchorOutcome } from '../workspace/anchorSidecar';
import { anchorDocuments, DocumentReport } from './common/anchorDocuments';
import { selectDocuments } from './common/selectDocuments';
import { cwdOf, gitOf, WorkspaceTarget } from './common/workspaceTarget';

// Status: every annotation re-anchored against its document as it is now, optionally saved back.

export interface StatusOptions extends WorkspaceTarget {
  /** Sidecars, documents or folders (relative to `cwd`); none: every sidecar. */
  paths?: readonly string[];
  /** Save the re-anchored sidecars (never over a sidecar that has errors). */
  write?: boolean;
}

export interface StatusAnnotation extends AnchorOutcome {
  kind: AnnotationKind;
  exact: string;
  start: number;
  end: number;
}

/** One sidecar's result. Field order is the CLI's `status --json` output. */
export interface StatusDocument {
  document: string;
  /** The sidecar, as the store names it. */
  sidecar: string;
  usedOldText: boolean;
  /** With `write`: written, unchanged, merged… or why it was not written. */
  saved?: string;
  problems: Problem[];
  annotations: StatusAnnotation[];
}

export interface StatusResult {
  documents: StatusDocument[];
  totals: Record<AnchorStatus, number>;
  /** False when a sidecar has errors or could not be written. */
  ok: boolean;
}

export async function annotationStatus(options: StatusOptions, control?: TaskControl): Promise<StatusResult> {
  const documentPaths = await selectDocuments(options, options.paths ?? [], cwdOf(options));
  const { store, reports } = await anchorDocuments(options, documentPaths, control, 'status');
  const totals = Object.fromEntries(ANCHOR_STATUSES.map((s) => [s, 0])) as Record<AnchorStatus, number>;
  const documents: StatusDocument[] = [];
  let ok = !reports.some((r) => r.problems.some((p) => p.severity === 'error'));
  for (const report of reports) {
    const saved = options.write && report.anchored ? await save(options, store, report) : undefined;
    if (saved?.refused) ok = false;
    const annotations = (report.anchored?.outcomes ?? []).map((o) => {
      totals[o.status]++;
      const annotation = report.anchored!.sidecar.annotations.find((a) => a.id === o.id)!;
      return { ...o, kind: annotation.kind, exact: annotation.anchor.exact, start: annotation.anchor.start, end: annotation.anchor.end };
    });
    documents.push({ document: report.documentPath, sidecar: report.loaded.name, usedOldText: report.anchored?.usedOldText ?? false, saved: saved?.text, problems: report.problems, annotations });
  }
  return { documents, totals, ok };
}

async function save(ws: WorkspaceTarget, store: SidecarStore, report: DocumentReport): Promise<{ text: string; refused?: boolean }> {
  const outcome = await store.save(report.loaded, report.anchored!.sidecar);
  if (outcome.kind === 'refused') return { text: 'not written: the sidecar has errors', refused: true };
  if (outcome.kind !== 'unchanged') await gitOf(ws).storeBlob(ws.root, report.documentBytes!);
  return { text: outcome.kind === 'merged' ? `written, merged with a change made meanwhile${outcome.conflicts.length ? ` (${outcome.conflicts.length} conflicts)` : ''}` : outcome.kind };
}
