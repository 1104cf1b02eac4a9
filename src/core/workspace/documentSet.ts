import picomatch from 'picomatch';
import { isCatalogueFile } from '../store/catalogueFiles';

// Which files of a workspace folder are documents to annotate: the one definition, read by the editor
// (which documents get annotations, decorations and entity counts) and by the workspace model.

/**
 * What policyAnnotator.documentExclude leaves out by default: a repository's own machinery (sources,
 * tests, dependencies, build output, dot folders) and the files that describe the repository rather
 * than being its documents. Entity counts and "also in" lists counted README.md and src/** before.
 */
export const DEFAULT_DOCUMENT_EXCLUDE: readonly string[] = [
  '**/node_modules/**',
  '{src,test,tests,bench,scripts,dist,out,build,coverage,vendor}/**',
  '**/.*/**',
  '**/{README,CHANGELOG,CONTRIBUTING,LICENSE,CODE_OF_CONDUCT,SECURITY}{,.*}',
];

export interface DocumentSetSpec {
  /** policyAnnotator.documentGlob, relative to the folder. */
  documentGlob: string;
  /** policyAnnotator.documentExclude, relative to the folder. */
  documentExclude: readonly string[];
  annotationsFolder: string;
}

const compiled = new Map<string, (relativePath: string) => boolean>();

/** A test for folder-relative paths ('/'-separated): is this one of the folder's documents? (Compiled once per settings.) */
export function documentSet(spec: DocumentSetSpec): (relativePath: string) => boolean {
  const key = JSON.stringify([spec.documentGlob, spec.documentExclude, spec.annotationsFolder]);
  let test = compiled.get(key);
  if (!test) {
    if (compiled.size > 50) compiled.clear();
    compiled.set(key, (test = compile(spec)));
  }
  return test;
}

function compile(spec: DocumentSetSpec): (relativePath: string) => boolean {
  const include = picomatch(spec.documentGlob, { dot: true });
  const exclude = spec.documentExclude.length ? picomatch([...spec.documentExclude], { dot: true }) : () => false;
  const annotations = spec.annotationsFolder.replace(/\/+$/, '') + '/';
  return (rel) => !!rel && include(rel) && !exclude(rel) && !rel.startsWith(annotations) && !isCatalogueFile(rel);
}
