/**
 * Finds the files of a folder that match a glob (relative to the folder), as absolute paths. The
 * editor implements it with VS Code's search (which honours files.exclude); the CLI walks the disk.
 */
export interface FileFinder {
  find(root: string, glob: string, limit: number): Promise<string[]>;
}
