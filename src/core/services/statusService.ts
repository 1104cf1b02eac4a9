import { type Candidate, reanchorByQuote } from '../anchoring';
import { Anchor, ANCHOR_STATUSES, AnnotationKind, AnchorStatus, LinkRelation } from '../model';
import { stat } from 'node:fs/promises';
import { CancelledError, TaskControl, throwIfCancelled } from '../ports/progress';
import { Problem } from '../problem';
import { SidecarStore } from '../store/sidecarStore';
import { candidatePlaces } from '../workspace/anchorReason';
import { AnchorOutcome } from '../workspace/anchorSidecar';
import { annotationIds, brokenLinkEnd } from '../workspace/checkReferences';
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
  /** Where it is now; null when ambiguous or orphaned (the stored offsets are no place: see `candidates`). */
  start: number | null;
  end: number | null;
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
  /** Anchorless links (nothing to re-anchor), only when the sidecar has some; `broken` says which end is gone. */
  links?: StatusLink[];
}

export interface StatusLink {
  id: string;
  from: string;
  to: string;
  relation: LinkRelation;
  broken?: string;
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
  const ids = annotationIds(reports.map((r) => r.loaded));
  for (const report of reports) {
    const saved = options.write && report.anchored ? await save(options, store, report) : undefined;
    if (saved?.refused) ok = false;
    const annotations = (report.anchored?.outcomes ?? []).map((o): StatusAnnotation => {
      totals[o.status]++;
      const annotation = report.anchored!.sidecar.annotations.find((a) => a.id === o.id)!;
      const placed = o.status !== 'ambiguous' && o.status !== 'orphaned';
      const { reason, score, candidates, ...rest } = o;
      const places = candidates?.length || o.status !== 'orphaned' ? candidates : nearPlaces(annotation.anchor, report.anchored!.text);
      const more = reason ? { reason, score: places === candidates ? score : (places?.[0]?.score ?? 0), candidates: places } : {};
      return { ...rest, kind: annotation.kind, exact: annotation.anchor.exact, start: placed ? annotation.anchor.start : null, end: placed ? annotation.anchor.end : null, ...more };
    });
    const links = (report.loaded.read.sidecar?.links ?? []).map(({ id, from, to, relation }): StatusLink => {
      const broken = [from, to].map((ref) => brokenLinkEnd(ref, report.documentPath, ids)).find(Boolean);
      return { id, from, to, relation, ...(broken ? { broken } : {}) };
    });
    documents.push({ document: report.documentPath, sidecar: report.loaded.name, usedOldText: report.anchored?.usedOldText ?? false, saved: saved?.text, problems: report.problems, annotations, ...(links.length ? { links } : {}) });
  }
  return { documents, totals, ok };
}

/**
 * An annotation orphaned through the diff (its words deleted at its place) was not searched for:
 * the quote search gives the nearest places it weighed, for a person re-attaching it.
 */
function nearPlaces(anchor: Anchor, text: string): Candidate[] {
  const result = reanchorByQuote(anchor, text);
  return result.status === 'orphaned' ? candidatePlaces(result) : candidatePlaces({ ...result, status: 'fuzzy' });
}

/** One workspace of a batch: its result, or why it could not be checked. */
export interface WorkspaceStatus {
  target: StatusOptions;
  result?: StatusResult;
  error?: string;
}

/**
 * Status of several workspaces in one process, one after the other, each result as soon as it is
 * known (start-up, not the work, is most of the time of a call per workspace). A workspace that
 * cannot be checked is reported and the next one checked; cancelling stops the batch.
 */
export async function* workspacesStatus(targets: readonly StatusOptions[], control?: TaskControl): AsyncGenerator<WorkspaceStatus> {
  for (const target of targets) {
    throwIfCancelled(control, 'status');
    let outcome: WorkspaceStatus;
    try {
      if (!(await stat(target.root).catch(() => undefined))?.isDirectory()) throw new Error(`workspace folder ${target.root} not found`);
      outcome = { target, result: await annotationStatus(target, control) };
    } catch (error) {
      if (error instanceof CancelledError) throw error;
      outcome = { target, error: (error as Error).message };
    }
    yield outcome;
  }
}

async function save(ws: WorkspaceTarget, store: SidecarStore, report: DocumentReport): Promise<{ text: string; refused?: boolean }> {
  const outcome = await store.save(report.loaded, report.anchored!.sidecar);
  if (outcome.kind === 'refused') return { text: 'not written: the sidecar has errors', refused: true };
  if (outcome.kind !== 'unchanged') await gitOf(ws).storeBlob(ws.root, report.documentBytes!);
  return { text: outcome.kind === 'merged' ? `written, merged with a change made meanwhile${outcome.conflicts.length ? ` (${outcome.conflicts.length} conflicts)` : ''}` : outcome.kind };
}
