import * as vscode from 'vscode';
import { DEFAULT_DOCUMENT_EXCLUDE } from '../core/workspace/documentSet';

// Typed access to the contributed settings (package.json contributes.configuration lists the same keys).
export const SECTION = 'policyAnnotator';

export interface Settings {
  annotationsFolder: string;
  author: string;
  documentGlob: string;
  documentExclude: readonly string[];
  snapClaimsToSentence: boolean;
  annotationDecorations: boolean;
}

const defaults: Settings = {
  annotationsFolder: 'annotations',
  author: '',
  documentGlob: '**/*.{txt,md,markdown}',
  documentExclude: DEFAULT_DOCUMENT_EXCLUDE,
  snapClaimsToSentence: true,
  annotationDecorations: true,
};

export function readSettings(scope?: vscode.ConfigurationScope): Settings {
  const config = vscode.workspace.getConfiguration(SECTION, scope);
  const get = <K extends keyof Settings>(key: K): Settings[K] => config.get<Settings[K]>(key) ?? defaults[key];
  return {
    annotationsFolder: cleanFolder(get('annotationsFolder')),
    author: get('author').trim(),
    documentGlob: get('documentGlob') || defaults.documentGlob,
    documentExclude: Array.isArray(get('documentExclude')) ? get('documentExclude').filter((g) => typeof g === 'string' && g.trim()) : defaults.documentExclude,
    snapClaimsToSentence: get('snapClaimsToSentence'),
    annotationDecorations: get('annotationDecorations'),
  };
}

/** A folder setting must stay inside the workspace folder. */
function cleanFolder(value: string): string {
  const cleaned = value.replace(/\\/g, '/').replace(/^\.\/+/, '').replace(/\/+$/, '');
  if (!cleaned || cleaned.startsWith('/') || cleaned.split('/').includes('..') || /^[a-zA-Z]:/.test(cleaned)) return defaults.annotationsFolder;
  return cleaned;
}

export function affectsSettings(event: vscode.ConfigurationChangeEvent): boolean {
  return event.affectsConfiguration(SECTION);
}
