import { timestamp } from '../editing/buildAnnotation';
import { Annotation } from '../model';
import { newAnnotationId } from '../ids';

// Settling a disagreement: the curator accepts one version (as it is, or edited first). The accepted
// version is copied into a new annotation authored by the curator, with `curatedFrom` naming every
// competing annotation, so the unit counts as settled (disagreement.ts) and agreement figures still
// measure the annotators' own coding. The competing annotations are kept as they are, or marked
// `supersededBy` the curated one, as the team chooses (setting policyAnnotator.adjudication.others).

export const ADJUDICATION_MODES = ['supersede', 'keep'] as const;
export type AdjudicationMode = (typeof ADJUDICATION_MODES)[number];

export interface Adjudication {
  curated: Annotation;
  /** The competing annotations as they are to be written (marked superseded, or unchanged). */
  others: Annotation[];
}

export interface AdjudicateOptions {
  curator: string;
  mode: AdjudicationMode;
  now: Date;
  takenIds: { has(id: string): boolean };
  /** Field values the curator changed before accepting (e.g. `{ claimType: 'normative' }`). */
  edits?: Record<string, string | string[] | undefined>;
}

export function adjudicate(accepted: Annotation, competing: readonly Annotation[], options: AdjudicateOptions): Adjudication {
  if (!competing.some((a) => a.id === accepted.id)) throw new Error(`${accepted.id} is not one of the competing annotations`);
  if (competing.some((a) => a.kind !== accepted.kind)) throw new Error('competing annotations must be of one kind');
  const id = newAnnotationId(options.takenIds);
  const stamp = timestamp(options.now);
  const { review: _review, supersededBy: _superseded, curatedFrom: _from, ...fields } = accepted;
  void _review;
  void _superseded;
  void _from;
  const edited = Object.fromEntries(Object.entries(options.edits ?? {}).filter(([, v]) => v !== undefined && !(Array.isArray(v) && !v.length)));
  const curated = { ...fields, ...edited, id, author: options.curator, created: stamp, modified: stamp, curatedFrom: competing.map((a) => a.id) } as Annotation;
  if (Array.isArray(options.edits?.tags) && !options.edits.tags.length) delete curated.tags;
  const others = competing.map((a) => (options.mode === 'supersede' ? { ...a, supersededBy: id, modified: stamp } : a));
  return { curated, others };
}
