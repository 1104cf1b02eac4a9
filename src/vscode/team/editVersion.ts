import * as vscode from 'vscode';
import { AgreementField, DisagreementEntry, NO_TAGS } from '../../core/agreement';
import { CLAIM_TYPES, LINK_RELATIONS, POLARITIES } from '../../core/model';

// "Edit and Accept": for each field the versions differ in, the curator picks a value: one of the
// competing versions' values, another allowed value, or (for free fields) one they type.

const CHOICES: Partial<Record<AgreementField, readonly string[]>> = { claimType: CLAIM_TYPES, polarity: POLARITIES, relation: LINK_RELATIONS };
const OTHER = 'Other…';

export async function promptEdits(entry: DisagreementEntry, acceptedId: string): Promise<Record<string, string | string[]> | undefined> {
  const accepted = entry.members.find((m) => m.id === acceptedId);
  const edits: Record<string, string | string[]> = {};
  for (const { field } of entry.fields) {
    const given = entry.members.map((m) => m.values[field]).filter((v): v is string => v !== undefined);
    const current = accepted?.values[field];
    const values = [...new Set([current, ...given, ...(CHOICES[field] ?? [])].filter((v): v is string => v !== undefined))];
    const items = values.map((value) => ({ label: value, description: entry.members.filter((m) => m.values[field] === value).map((m) => m.annotator).join(', ') }));
    if (!CHOICES[field]) items.push({ label: OTHER, description: field === 'tags' ? 'tags separated by commas' : 'type a value' });
    const pick = await vscode.window.showQuickPick(items, { title: `Accept with which ${field}?`, placeHolder: `${entry.kind} “${entry.quote.slice(0, 60)}”` });
    if (!pick) return undefined;
    let value = pick.label;
    if (value === OTHER) {
      const typed = await vscode.window.showInputBox({ title: field, value: current === NO_TAGS ? '' : current });
      if (typed === undefined) return undefined;
      value = typed;
    }
    edits[field] = field === 'tags' ? (value === NO_TAGS ? [] : value.split(',').map((t) => t.trim()).filter(Boolean)) : value;
  }
  return edits;
}
