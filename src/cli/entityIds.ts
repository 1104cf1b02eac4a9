import { Problem } from '../core/problem';
import { CliWorkspace } from './findSidecars';

/** Entity ids for reference checks; undefined ids when no catalogue is available. */
export async function loadEntityIds(ws: CliWorkspace, catalogues: string[]): Promise<{ ids: ReadonlySet<string> | undefined; problems: Problem[] }> {
  void ws;
  void catalogues;
  return { ids: undefined, problems: [] };
}
