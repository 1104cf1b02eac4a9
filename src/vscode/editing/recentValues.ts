import * as vscode from 'vscode';

const LIMIT = 8;

/** Recently used values per field (claim types, relations, topics, tags), offered first in pickers. */
export class RecentValues {
  constructor(private readonly state: vscode.Memento) {}

  get(field: string): string[] {
    return this.state.get<string[]>(`recent.${field}`, []);
  }

  async remember(field: string, ...values: (string | undefined)[]): Promise<void> {
    const fresh = values.filter((v): v is string => !!v);
    if (!fresh.length) return;
    const list = [...fresh, ...this.get(field).filter((v) => !fresh.includes(v))].slice(0, LIMIT);
    await this.state.update(`recent.${field}`, list);
  }

  /** `all` reordered so that recently used values come first, most recent first. */
  order<T extends string>(field: string, all: readonly T[]): T[] {
    const recent = this.get(field).filter((v): v is T => all.includes(v as T));
    return [...recent, ...all.filter((v) => !recent.includes(v))];
  }
}
