import { renderDiffJson } from './renderJson';
import { renderDiffMarkdown } from './renderMarkdown';
import { renderDiffText } from './renderText';
import { DiffReport } from './sidecarDiff';

export const DIFF_FORMATS = ['text', 'markdown', 'json'] as const;
export type DiffFormat = (typeof DIFF_FORMATS)[number];

export function renderDiff(report: DiffReport, format: DiffFormat): string {
  switch (format) {
    case 'text':
      return renderDiffText(report);
    case 'markdown':
      return renderDiffMarkdown(report);
    case 'json':
      return renderDiffJson(report);
  }
}
