import * as path from 'node:path';

/** Entity catalogues share the annotations folder with sidecars: `entities.yaml` or `*.entities.yaml`. */
export function isCatalogueFile(file: string): boolean {
  const name = path.posix.basename(file.replace(/\\/g, '/'));
  return name === 'entities.yaml' || name.endsWith('.entities.yaml');
}
