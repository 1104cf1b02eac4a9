// Every command the extension contributes, in one typed table (package.json lists the same ids).
export const CommandIds = {
  reloadAnnotations: 'policyAnnotator.reloadAnnotations',
  showOutput: 'policyAnnotator.showOutput',
} as const;

export type CommandId = (typeof CommandIds)[keyof typeof CommandIds];
