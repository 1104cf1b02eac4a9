/** Every file under a folder (absolute paths, any depth); the Node implementation is nodeDirectoryLister.ts. */
export interface DirectoryLister {
  listFiles(dir: string): Promise<string[]>;
}
