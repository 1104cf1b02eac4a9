// Public API of the git integration: textconv rendering, the merge driver's merge, the setup's
// .gitattributes and config entries (pure), and reading sidecars at a revision (runs git).
export { renderSidecarForReview } from './textconv';
export { mergeSidecarTexts, type SidecarMergeInput, type SidecarMergeResult } from './mergeSidecars';
export { attributeLines, checkAttributesFolder, updateGitattributes, DRIVER } from './gitattributes';
export { cliCommand, gitConfigEntries, shellQuote, MERGE_DRIVER_NAME, type CliLocation } from './gitConfig';
export { insideWorkTree, listBranches, mergeBase, resolveCommit, sidecarsAtRevision, type RevisionSidecar } from './revisionSidecars';
export { runGit, type GitResult } from './gitRun';
