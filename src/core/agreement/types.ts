import { Annotation, AnnotationKind, Sidecar } from '../model';
import { AlphaResult, FleissResult, KappaResult } from './coefficients';
import { AgreementField } from './fields';
import { PairUnits } from './unitizing';

/** One annotator's work: an author in one workspace, a revision, or a folder. */
export interface AnnotatorData {
  name: string;
  sidecars: Sidecar[];
}

export interface AgreementOptions {
  /** Kinds to measure; default every kind. */
  kinds?: readonly AnnotationKind[];
  /** Fields to measure; default every field of each kind. */
  fields?: readonly AgreementField[];
  /** Minimum IoU for two spans to be one unit (default 0.5). */
  iouThreshold?: number;
  /** A document's length in characters, for character-level α; default: the furthest annotation's end. */
  documentLength?: (document: string) => number | undefined;
  /** Curated versions (adjudication): the units they settle are not listed as disagreements. */
  curated?: readonly Annotation[];
}

export interface FieldAgreement {
  kind: AnnotationKind;
  field: AgreementField;
  /** Over units two or more annotators marked; an annotator who did not mark a unit is missing. */
  alpha: AlphaResult;
  cohen: Array<{ a: string; b: string } & KappaResult>;
  fleiss: FleissResult;
  /** Per pair: rows are a's values, columns b's, over units both marked. */
  confusion: Array<{ a: string; b: string; labels: string[]; counts: number[][] }>;
}

export interface DisagreementEntry {
  document: string;
  kind: AnnotationKind;
  start: number;
  end: number;
  /** The words of the first member. */
  quote: string;
  /** `document#id` of each member, by annotator. */
  members: Array<{ annotator: string; id: string; ref: string; author: string; values: Partial<Record<AgreementField, string>> }>;
  /** Annotators who did not mark this unit. */
  missing: string[];
  fields: Array<{ field: AgreementField; values: Record<string, string | null> }>;
}

export interface AgreementReport {
  annotators: string[];
  kinds: AnnotationKind[];
  iouThreshold: number;
  units: { total: number; byKind: Partial<Record<AnnotationKind, number>>; settled: number };
  unitizing: Array<{ kind: AnnotationKind; characterAlpha: AlphaResult; pairs: PairUnits[] }>;
  fields: FieldAgreement[];
  disagreements: DisagreementEntry[];
}
