import * as path from 'node:path';
import { mergeAnnotations } from '../merge/mergeAnnotations';
import { SCHEMA_VERSION, Sidecar } from '../model';
import { FileSystem, readText } from '../ports/fileSystem';
import { Problem } from '../problem';
import { sidecarPathFor } from './documentPaths';
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
  | { kind: 'written'; text: string; sidecar: Sidecar; merged: false }
  | { kind: 'merged'; text: string; sidecar: Sidecar; merged: true; conflicts: string[] }
  | { kind: 'unchanged'; text: string; sidecar: Sidecar; merged: false }
  | { kind: 'refused'; problems: Problem[] };

/** Reads and writes the sidecars of one workspace folder. */
export class SidecarStore {
  constructor(
    private readonly fs: FileSystem,
    readonly root: string,
    readonly annotationsFolder = 'annotations',
  ) {}

  fileFor(documentPath: string): string {
    return path.join(this.root, ...sidecarPathFor(documentPath, this.annotationsFolder).split('/'));
  }

  async load(documentPath: string): Promise<LoadedSidecar> {
    const file = this.fileFor(documentPath);
    const text = await readText(this.fs, file);
    if (text === undefined) {
      const sidecar: Sidecar = { schemaVersion: SCHEMA_VERSION, document: documentPath, fingerprint: '', annotations: [] };
      return { documentPath, file, name: this.displayName(file), text, read: { sidecar, problems: [], writable: true } };
    }
    const name = this.displayName(file);
    return { documentPath, file, name, text, read: readSidecar(text, name) };
  }

  /**
   * Saves `sidecar`, which was derived from `base`. If the file changed on disk since `base` was read
   * (another window, the CLI, a checkout), the two versions are merged by annotation id instead of
   * overwritten. A file that cannot be read is never overwritten.
   */
  async save(base: LoadedSidecar, sidecar: Sidecar): Promise<SaveOutcome> {
    if (!base.read.writable) return { kind: 'refused', problems: base.read.problems };
    const current = await readText(this.fs, base.file);
    if (current !== base.text) {
      const onDisk = current === undefined ? undefined : readSidecar(current, this.displayName(base.file));
      if (onDisk && !onDisk.writable) return { kind: 'refused', problems: onDisk.problems };
      const merge = mergeAnnotations(base.read.sidecar?.annotations ?? [], sidecar.annotations, onDisk?.sidecar?.annotations ?? []);
      const merged = { ...sidecar, annotations: merge.annotations };
      const text = writeSidecar(merged, current);
      await this.fs.writeAtomic(base.file, text);
      return { kind: 'merged', text, sidecar: merged, merged: true, conflicts: merge.conflicts };
    }
    const text = writeSidecar(sidecar, base.text);
    if (text === base.text) return { kind: 'unchanged', text, sidecar, merged: false };
    await this.fs.writeAtomic(base.file, text);
    return { kind: 'written', text, sidecar, merged: false };
  }

  displayName(file: string): string {
    return path.relative(this.root, file).split(path.sep).join('/');
  }
}
