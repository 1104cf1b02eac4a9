import * as vscode from 'vscode';
import { CommandIds } from '../commandIds';

// What a filtered view says about its filter: in its description, and when nothing matches, in a row
// that says so and clears the filter when clicked. (The welcome text, "No stances yet", is only for a
// view that is empty with no filter: package.json's viewsWelcome `when` clauses.)

/** The view's description: the count, and the filter when there is one. */
export function filterDescription(count: number, filterText: string | undefined): string | undefined {
  if (filterText) return `${count} matching “${filterText}”`;
  return count ? String(count) : undefined;
}

/** What an empty view says under a filter: “No stances match “tag:x””. */
export function emptyFilterMessage(noun: string, filterText: string): string {
  return `No ${noun} match “${filterText}”`;
}

/** The one row of a view whose filter matches nothing: says so, and clears the filter when clicked. */
export function noMatchItem(noun: string, filterText: string): vscode.TreeItem {
  const item = new vscode.TreeItem(emptyFilterMessage(noun, filterText), vscode.TreeItemCollapsibleState.None);
  item.id = 'no-match';
  item.description = 'Clear filter';
  item.tooltip = `The filter “${filterText}” applies to every Policy Annotator view. Click to clear it.`;
  item.iconPath = new vscode.ThemeIcon('filter');
  item.command = { command: CommandIds.clearFilter, title: 'Clear Filter' };
  item.contextValue = 'noMatch';
  return item;
}

/** The plural noun of each view, for its messages. */
export const VIEW_NOUNS: Record<string, string> = {
  claims: 'claims',
  stances: 'stances',
  links: 'cross-references',
  review: 'annotations that need review',
  entities: 'entities',
};
