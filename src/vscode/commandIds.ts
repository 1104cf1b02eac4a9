// Every command the extension contributes, in one typed table (package.json lists the same ids; a test checks).
export const CommandIds = {
  addClaim: 'policyAnnotator.addClaim',
  addStance: 'policyAnnotator.addStance',
  addNote: 'policyAnnotator.addNote',
  linkTo: 'policyAnnotator.linkTo',
  editAnnotation: 'policyAnnotator.editAnnotation',
  changeKind: 'policyAnnotator.changeKind',
  deleteAnnotation: 'policyAnnotator.deleteAnnotation',
  undo: 'policyAnnotator.undo',
  reattach: 'policyAnnotator.reattach',
  acceptReview: 'policyAnnotator.acceptReview',
  revealAnnotation: 'policyAnnotator.revealAnnotation',
  copyQuote: 'policyAnnotator.copyQuote',
  copyLink: 'policyAnnotator.copyLink',
  groupByDocument: 'policyAnnotator.groupByDocument',
  groupByParty: 'policyAnnotator.groupByParty',
  filter: 'policyAnnotator.filter',
  clearFilter: 'policyAnnotator.clearFilter',
  refreshTree: 'policyAnnotator.refreshTree',
  reloadAnnotations: 'policyAnnotator.reloadAnnotations',
  showOutput: 'policyAnnotator.showOutput',
  toggleEntityDecorations: 'policyAnnotator.toggleEntityDecorations',
  chooseEntityTypes: 'policyAnnotator.chooseEntityTypes',
  addSelectionAsEntity: 'policyAnnotator.addSelectionAsEntity',
  addEntityAlias: 'policyAnnotator.addEntityAlias',
  findEntityMentions: 'policyAnnotator.findEntityMentions',
  editEntity: 'policyAnnotator.editEntity',
  openEntityMention: 'policyAnnotator.openEntityMention',
  reloadEntities: 'policyAnnotator.reloadEntities',
  reviewChanges: 'policyAnnotator.reviewChanges',
  openReviewChange: 'policyAnnotator.openReviewChange',
  closeReview: 'policyAnnotator.closeReview',
  exportAnnotations: 'policyAnnotator.exportAnnotations',
  importAnnotations: 'policyAnnotator.importAnnotations',
} as const;

export type CommandId = (typeof CommandIds)[keyof typeof CommandIds];

/** Context keys the extension sets for `when` clauses in package.json. */
export const ContextKeys = {
  annotatable: 'policyAnnotator.annotatable',
  hasReview: 'policyAnnotator.hasReview',
  canUndo: 'policyAnnotator.canUndo',
  groupBy: 'policyAnnotator.groupBy',
  filtered: 'policyAnnotator.filtered',
  reviewing: 'policyAnnotator.reviewing',
} as const;
