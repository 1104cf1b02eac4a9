import { LINK_RELATIONS, LinkRelation } from '../model';
import { formatProblem } from '../problem';
import { parseUntrustedYaml, toPlain } from '../yaml/safeYaml';

// A relation map (`import --format brat --relation-map FILE`): brat relation or equivalence types mapped
// to this tool's relations, as YAML or JSON, e.g. `Origin: elaborates` / `{"Alias": "same-as"}`.

export function readRelationMap(text: string, file: string): { map: Map<string, LinkRelation> } | { error: string } {
  const parsed = parseUntrustedYaml(text, file);
  if (parsed.problems.length) return { error: formatProblem(parsed.problems[0]) };
  const value = toPlain(parsed.doc);
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return { error: `${file}: expected a mapping of brat types to relations (${LINK_RELATIONS.join(', ')})` };
  const map = new Map<string, LinkRelation>();
  for (const [type, relation] of Object.entries(value as Record<string, unknown>)) {
    if (!(LINK_RELATIONS as readonly unknown[]).includes(relation)) return { error: `${file}: '${type}' maps to '${String(relation)}', which is not one of: ${LINK_RELATIONS.join(', ')}` };
    map.set(type, relation as LinkRelation);
  }
  return { map };
}
