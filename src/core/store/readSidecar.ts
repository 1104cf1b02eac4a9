import { DocumentMetadata, isAnchorless, linksPart, SCHEMA_VERSION, Sidecar, SidecarEntry, splitEntries } from '../model';
import { Problem } from '../problem';
import { problemAtPath } from '../yaml/locate';
import { parseBlockSubset } from '../yaml/blockSubset';
import { layoutFrom, rememberLayout } from '../yaml/layoutCache';
import { MAX_YAML_BYTES, ParsedYaml, parseUntrustedYaml, toPlain } from '../yaml/safeYaml';
import { compileSchema } from '../yaml/schemaValidation';
import { buildSidecarSchema } from './sidecarSchema';
import { checkRelativeDocumentPath } from './documentPaths';

const validateSidecar = compileSchema(buildSidecarSchema());
// Same test as findConflictMarkers, over the whole text at once.
const ANY_CONFLICT_MARKER = /^(?:<{7}|={7}|>{7}|\|{7})(?: |$)/m;

export interface SidecarRead {
  /** What could be read: the valid annotations, for display. Undefined when nothing could. */
  sidecar?: Sidecar;
  problems: Problem[];
  /**
   * False when saving would lose something (an invalid or unreadable entry, a newer schema):
   * the file must then never be overwritten until a person fixes it.
   */
  writable: boolean;
  parsed?: ParsedYaml;
}

export interface ReadOptions {
  /**
   * Keep the file's layout so a save against this text splices instead of reading it again
   * (default true). Bulk readers that never save (the workspace index) turn it off.
   */
  rememberLayout?: boolean;
}

/** Reads a sidecar's text. Never throws: every problem is located in `file`. */
export function readSidecar(text: string, file: string, options: ReadOptions = {}): SidecarRead {
  return readCanonical(text, file, options.rememberLayout ?? true) ?? readWithDocument(text, file);
}

/**
 * The fast path, for a file in the layout the writer produces with nothing wrong in it (the
 * common case): a line reader instead of a `yaml` Document. Anything unusual, and any problem,
 * goes to readWithDocument, which locates it. `parsed` is then built only if someone asks.
 */
function readCanonical(text: string, file: string, remember: boolean): SidecarRead | undefined {
  if (text.length * 3 > MAX_YAML_BYTES && Buffer.byteLength(text, 'utf8') > MAX_YAML_BYTES) return undefined;
  if (ANY_CONFLICT_MARKER.test(text)) return undefined;
  const subset = parseBlockSubset(text);
  if (!subset) return undefined;
  const raw = subset.value as Record<string, unknown>;
  if (raw.schemaVersion !== SCHEMA_VERSION || !validateSidecar.isValid(raw)) return undefined;
  const sidecar = salvage(raw, []);
  if (!sidecar || hasSemanticProblems(sidecar)) return undefined;
  if (remember) rememberLayout(text, layoutFrom(subset, true));
  const read: SidecarRead = { sidecar, problems: [], writable: true };
  let parsed: ParsedYaml | undefined;
  Object.defineProperty(read, 'parsed', { enumerable: true, configurable: true, get: () => (parsed ??= parseUntrustedYaml(text, file)) });
  return read;
}

/** The full path: a `yaml` Document, with every problem located. */
export function readWithDocument(text: string, file: string): SidecarRead {
  const parsed = parseUntrustedYaml(text, file);
  if (parsed.problems.length) return { problems: parsed.problems, writable: false, parsed };
  const { doc, lines } = parsed;
  let value: unknown;
  try {
    value = toPlain(doc);
  } catch (error) {
    return { problems: [{ file, line: 1, column: 1, severity: 'error', message: String((error as Error).message ?? error) }], writable: false, parsed };
  }
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    return { problems: [{ file, line: 1, column: 1, severity: 'error', message: 'a sidecar must be a mapping with schemaVersion, document, fingerprint and annotations' }], writable: false, parsed };
  }
  const raw = value as Record<string, unknown>;
  const version = raw.schemaVersion;
  if (typeof version === 'number' && Number.isInteger(version) && version > SCHEMA_VERSION) {
    return readNewer(raw, version, parsed, file);
  }

  const problems = validateSidecar(doc, lines, raw, file);
  const sidecar = salvage(raw, problems);
  problems.push(...semanticProblems(sidecar, parsed, file, Array.isArray(raw.annotations) ? raw.annotations : []));
  const writable = !problems.some((p) => p.severity === 'error');
  return { sidecar, problems, writable, parsed };
}

function readNewer(raw: Record<string, unknown>, version: number, parsed: ParsedYaml, file: string): SidecarRead {
  const problems: Problem[] = [
    problemAtPath(file, parsed.doc, parsed.lines, '/schemaVersion', `written by a newer Policy Annotator (schema ${version}, this one reads ${SCHEMA_VERSION}): shown read-only; upgrade the extension to edit it`),
  ];
  problems[0].severity = 'warning';
  const sidecar = salvage(raw, validateSidecar(parsed.doc, parsed.lines, { ...raw, schemaVersion: SCHEMA_VERSION }, file));
  return { sidecar, problems, writable: false, parsed };
}

/** Keeps the annotations that validated, so the rest can still be shown while the file is fixed. */
function salvage(raw: Record<string, unknown>, problems: Problem[]): Sidecar | undefined {
  if (!Array.isArray(raw.annotations) || typeof raw.document !== 'string') return undefined;
  const badIndexes = new Set<number>();
  for (const p of problems) {
    const m = /^\/annotations\/(\d+)/.exec(p.pointer ?? '');
    if (m) badIndexes.add(Number(m[1]));
  }
  const entries = (raw.annotations as SidecarEntry[]).filter((a, i) => !badIndexes.has(i) && a !== null && typeof a === 'object');
  const { annotations, links } = splitEntries(entries);
  const metadataOk = raw.metadata !== null && typeof raw.metadata === 'object' && !Array.isArray(raw.metadata) && !problems.some((p) => p.pointer?.startsWith('/metadata'));
  return {
    schemaVersion: typeof raw.schemaVersion === 'number' ? raw.schemaVersion : SCHEMA_VERSION,
    document: raw.document,
    fingerprint: typeof raw.fingerprint === 'string' ? raw.fingerprint : '',
    ...(metadataOk ? { metadata: raw.metadata as DocumentMetadata } : {}),
    annotations,
    ...linksPart(links),
  };
}

function hasSemanticProblems(sidecar: Sidecar): boolean {
  if (checkRelativeDocumentPath(sidecar.document)) return true;
  const seen = new Set<string>();
  for (const a of sidecar.annotations) {
    if (seen.has(a.id) || a.anchor.end < a.anchor.start) return true;
    seen.add(a.id);
  }
  for (const l of sidecar.links ?? []) {
    if (seen.has(l.id)) return true;
    seen.add(l.id);
  }
  return false;
}

function semanticProblems(sidecar: Sidecar | undefined, parsed: ParsedYaml, file: string, listed: unknown[]): Problem[] {
  if (!sidecar) return [];
  const problems: Problem[] = [];
  const pathProblem = checkRelativeDocumentPath(sidecar.document);
  if (pathProblem) problems.push(problemAtPath(file, parsed.doc, parsed.lines, '/document', pathProblem));
  const seen = new Map<string, number>();
  // Indexes as in the file (salvage keeps the very objects), where anchorless links follow the anchored entries.
  [...sidecar.annotations, ...(sidecar.links ?? [])].forEach((a) => {
    const i = listed.indexOf(a);
    const first = seen.get(a.id);
    if (first !== undefined) {
      problems.push(problemAtPath(file, parsed.doc, parsed.lines, `/annotations/${i}/id`, `duplicate id '${a.id}' (first used by annotations[${first}])`));
    } else seen.set(a.id, i);
    if (isAnchorless(a)) return;
    if (a.anchor.end < a.anchor.start) {
      problems.push(problemAtPath(file, parsed.doc, parsed.lines, `/annotations/${i}/anchor/end`, `anchor end ${a.anchor.end} is before start ${a.anchor.start}`));
    }
  });
  return problems;
}
