// The .gitattributes block that routes sidecars through the textconv and merge driver. It is kept
// between marker lines so running git-setup again replaces it instead of adding a second copy.

export const DRIVER = 'policy-annotator';
const BEGIN = '# policy-annotator: begin (written by `policy-annotator git-setup`; edit with care)';
const END = '# policy-annotator: end';

/** Characters a gitattributes pattern cannot hold unquoted, or that would act as glob syntax. */
const UNSAFE = /[\s"#!*?[\]\\]/;

/** Why a folder cannot be written as a gitattributes pattern, or undefined when it can. */
export function checkAttributesFolder(folder: string): string | undefined {
  const clean = folder.replace(/^\.\/+/, '').replace(/\/+$/, '');
  if (!clean || clean === '.') return 'the annotations folder must be a sub-folder of the workspace';
  if (UNSAFE.test(clean)) return `the annotations folder '${folder}' contains spaces, quotes or glob characters, which .gitattributes patterns cannot hold; add the lines by hand`;
  if (clean.split('/').includes('..')) return `the annotations folder '${folder}' must be inside the workspace`;
  return undefined;
}

/** The lines for one annotations folder (relative to the .gitattributes file's folder, '/' separators). */
export function attributeLines(folder: string): string[] {
  const f = folder.replace(/^\.\/+/, '').replace(/\/+$/, '');
  return [
    BEGIN,
    `${f}/**/*.yaml diff=${DRIVER} merge=${DRIVER}`,
    // Entity catalogues are not sidecars: git's own diff and merge apply to them.
    `${f}/**/entities.yaml !diff !merge`,
    `${f}/**/*.entities.yaml !diff !merge`,
    END,
  ];
}

/** The .gitattributes text with the block added or replaced; everything else is kept as it was. */
export function updateGitattributes(existing: string | undefined, folder: string): { text: string; changed: boolean } {
  const original = existing ?? '';
  const eol = original.includes('\r\n') ? '\r\n' : '\n';
  const lines = original ? original.replace(/\r?\n$/, '').split(/\r?\n/) : [];
  const block = attributeLines(folder);
  const begin = lines.findIndex((l) => l.startsWith('# policy-annotator: begin'));
  const end = begin < 0 ? -1 : lines.findIndex((l, i) => i > begin && l.trim() === END);
  if (begin >= 0 && end > begin) lines.splice(begin, end - begin + 1, ...block);
  else {
    if (lines.length && lines[lines.length - 1].trim() !== '') lines.push('');
    lines.push(...block);
  }
  const text = lines.join(eol) + eol;
  return { text, changed: text !== original };
}
