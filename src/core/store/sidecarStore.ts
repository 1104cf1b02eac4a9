import * as path from 'node:path';
import { mergeSidecarEntries } from '../merge/mergeAnnotations';
import { mergeMetadata, metadataPart } from '../merge/mergeMetadata';
import { linksPart, SCHEMA_VERSION, Sidecar } from '../model';
import { FileSystem, readText } from '../ports/fileSystem';
import { Problem } from '../problem';
import { checkContained } from '../safety/containment';
import { LockOptions, withFileLock } from '../safety/fileLock';
import { findDeepNesting, PRE_PARSE_DEPTH_LIMIT } from '../safety/yamlDepth';
import { MAX_YAML_BYTES } from '../yaml/safeYaml';
import { checkRelativeDocumentPath, sidecarPathFor } from './documentPaths';
import { readSidecar, SidecarRead } from './readSidecar';
import { writeSidecar } from './writeSidecar';

/** A sidecar as it was read from disk: the base for the next save's "did it change meanwhile?" check. */
export interface LoadedSidecar {
  documentPath: string;
  file: string;
  /** The file's path relative to the workspace folder, as problems name it. */
  name: string;
  /** The file's text when read; undefined when there was no file. */
  text: string | undefined;
  read: SidecarRead;
}

export type SaveOutcome =
  | { kind: 'written'; text: string; sidecar: Sidecar; merged: false; read?: SidecarRead }
  | { kind: 'merged'; text: string; sidecar: Sidecar; merged: true; conflicts: string[]; read?: SidecarRead }
  | { kind: 'unchanged'; text: string; sidecar: Sidecar; merged: false; read?: SidecarRead }
  | { kind: 'refused'; problems: Problem[] };

export interface StoreOptions {
  /** The lock between writers (see safety/fileLock.ts); tests model several processes with it. */
  lock?: LockOptions;
}

/** Reads and writes the sidecars of one workspace folder. */
export class SidecarStore {
  constructor(
    private readonly fs: FileSystem,
    readonly root: string,
    readonly annotationsFolder = 'annotations',
    private readonly options: StoreOptions = {},
  ) {}

  fileFor(documentPath: string): string {
    return path.join(this.root, ...sidecarPathFor(documentPath, this.annotationsFolder).split('/'));
  }

  async load(documentPath: string): Promise<LoadedSidecar> {
    const file = this.fileFor(documentPath);
    const name = this.displayName(file);
    const refused = await this.placeProblem(documentPath, file, name);
    if (refused) return { documentPath, file, name, text: undefined, read: { problems: [refused], writable: false } };
    const text = await readText(this.fs, file);
    if (text === undefined) {
      const sidecar: Sidecar = { schemaVersion: SCHEMA_VERSION, document: documentPath, fingerprint: '', annotations: [] };
      return { documentPath, file, name, text, read: { sidecar, problems: [], writable: true } };
    }
    return { documentPath, file, name, text, read: readUntrusted(text, name) };
  }

  /**
   * Saves `sidecar`, which was derived from `base`. If the file changed on disk since `base` was read
   * (another window, the CLI, a checkout), the two versions are merged by annotation id instead of
   * overwritten. A file that cannot be read is never overwritten. Check, merge and write happen under
   * a lock shared with other writers, so two processes saving at once both keep their additions.
   */
  async save(base: LoadedSidecar, sidecar: Sidecar): Promise<SaveOutcome> {
    if (!base.read.writable) return { kind: 'refused', problems: base.read.problems };
    const refused = await this.placeProblem(base.documentPath, base.file, this.displayName(base.file));
    if (refused) return { kind: 'refused', problems: [refused] };
    const text = writeSidecar(sidecar, base.text);
    // Nothing to write and nothing changed on disk: no lock needed (a read-only checkout stays quiet).
    if (text === base.text && (await readText(this.fs, base.file)) === base.text) return { kind: 'unchanged', text, sidecar, merged: false };

    return withFileLock(
      this.fs,
      base.file,
      async (lock): Promise<SaveOutcome> => {
        const current = await readText(this.fs, base.file);
        if (current !== base.text) {
          const onDisk = current === undefined ? undefined : readUntrusted(current, this.displayName(base.file));
          if (onDisk && !onDisk.writable) return { kind: 'refused', problems: onDisk.problems };
          const merge = mergeSidecarEntries(base.read.sidecar, sidecar, onDisk?.sidecar);
          const metadata = mergeMetadata(base.read.sidecar?.metadata, sidecar.metadata, onDisk?.sidecar?.metadata);
          const merged: Sidecar = { ...sidecar, ...metadataPart(metadata), annotations: merge.annotations, ...linksPart(merge.links) };
          if (!metadata) delete merged.metadata;
          if (!merge.links) delete merged.links;
          const mergedText = writeSidecar(merged, current);
          const read = this.checkWritten(mergedText, base.file);
          await lock.verify();
          await this.fs.writeAtomic(base.file, mergedText);
          return { kind: 'merged', text: mergedText, sidecar: merged, merged: true, conflicts: merge.conflicts, read };
        }
        if (text === base.text) return { kind: 'unchanged', text, sidecar, merged: false };
        const read = this.checkWritten(text, base.file);
        await lock.verify();
        await this.fs.writeAtomic(base.file, text);
        return { kind: 'written', text, sidecar, merged: false, read };
      },
      this.options.lock,
    );
  }

  /**
   * Never writes what it could not read back: such a file would stay locked against every writer
   * until fixed by hand. The read is returned, so callers need not parse what was written again.
   */
  private checkWritten(text: string, file: string): SidecarRead {
    const name = this.displayName(file);
    const read = readSidecar(text, name);
    const problems = read.problems.filter((p) => p.severity === 'error');
    if (problems.length) throw new Error(`${name} was not written: the result would not be a valid sidecar (line ${problems[0].line}: ${problems[0].message})`);
    return read;
  }

  displayName(file: string): string {
    return path.relative(this.root, file).split(path.sep).join('/');
  }

  /** Why a document's sidecar must not be read or written here: a path that leaves the workspace folder, directly or through a link. */
  private async placeProblem(documentPath: string, file: string, name: string): Promise<Problem | undefined> {
    const at = (message: string): Problem => ({ file: name, line: 1, column: 1, severity: 'error', message });
    const pathProblem = checkRelativeDocumentPath(documentPath);
    if (pathProblem) return at(pathProblem);
    const sidecarProblem = await checkContained(this.fs, this.root, file, name);
    if (sidecarProblem) return at(sidecarProblem);
    const documentProblem = await checkContained(this.fs, this.root, path.join(this.root, ...documentPath.split('/')), `document ${documentPath}`);
    return documentProblem ? at(documentProblem) : undefined;
  }
}

/** readSidecar, after a linear check that the text is not nested deep enough to overflow the parser (safety/yamlDepth.ts). */
export function readUntrusted(text: string, name: string): SidecarRead {
  const deep = text.length <= MAX_YAML_BYTES ? findDeepNesting(text) : undefined;
  if (!deep) return readSidecar(text, name);
  const message = `nesting deeper than ${PRE_PARSE_DEPTH_LIMIT} levels: the file is not parsed (a sidecar nests fewer than 10)`;
  return { problems: [{ file: name, line: deep.line, column: deep.column, severity: 'error', message }], writable: false };
}
