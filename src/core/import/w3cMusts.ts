// The W3C Web Annotation Data Model's MUSTs that a JSON annotation can break, checked before import so
// that a broken annotation is refused with the rule it breaks rather than half read. The rules follow
// the model's sections (www.w3.org/TR/annotation-model/) and the W3C test suite's annotationMusts.

export const ANNO_CONTEXT_IRI = 'http://www.w3.org/ns/anno.jsonld';

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
const IRI = /^[A-Za-z][A-Za-z0-9+.-]*:[^\s<>"{}|\\^`]*$/;
const DATE_TIME = /^-?\d{4,}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])T([01]\d|2[0-3]):[0-5]\d:([0-5]\d|60)(\.\d+)?(Z|[+-]([01]\d|2[0-3]):[0-5]\d)$/;
const show = (v: unknown) => {
  const s = JSON.stringify(v) ?? String(v);
  return s.length > 60 ? `${s.slice(0, 60)}…` : s;
};

/** Whether a value of @context names the Web Annotation context. */
export function namesAnnoContext(context: unknown): boolean {
  return context === ANNO_CONTEXT_IRI || (Array.isArray(context) && context.includes(ANNO_CONTEXT_IRI));
}

function resourceProblems(r: unknown, where: string): string[] {
  if (typeof r === 'string') return IRI.test(r) ? [] : [`${where} ${show(r)} is neither an IRI nor an object (3.2)`];
  if (!isObj(r)) return [`${where} ${show(r)} is neither an IRI nor an object (3.2)`];
  const out: string[] = [];
  const types = Array.isArray(r.type) ? r.type : r.type === undefined ? [] : [r.type];
  if (r.id !== undefined && (typeof r.id !== 'string' || !IRI.test(r.id))) out.push(`${where}'s id ${show(r.id)} is not one IRI (3.2)`);
  if (r.format !== undefined && typeof r.format !== 'string' && !(Array.isArray(r.format) && r.format.every((f) => typeof f === 'string'))) out.push(`${where}'s format ${show(r.format)} is not a media type (3.2.1)`);
  if (r.language !== undefined && typeof r.language !== 'string' && !(Array.isArray(r.language) && r.language.every((l) => typeof l === 'string'))) out.push(`${where}'s language ${show(r.language)} is not a language tag (3.2.1)`);
  if (r.processingLanguage !== undefined && typeof r.processingLanguage !== 'string') out.push(`${where} has more than one processingLanguage (3.2.1)`);
  if (r.textDirection !== undefined && !['ltr', 'rtl', 'auto'].includes(r.textDirection as string)) out.push(`${where}'s textDirection ${show(r.textDirection)} is not ltr, rtl or auto (3.2.1)`);
  if (types.includes('TextualBody') && typeof r.value !== 'string') out.push(`${where} is a TextualBody without one string value (3.2.4)`);
  if (['Choice', 'List', 'Composite', 'Independents'].filter((t) => types.includes(t)).length > 1) out.push(`${where} has more than one of the types Choice, List, Composite, Independents (3.2.7)`);
  if (r.items !== undefined && !types.some((t) => ['Choice', 'List', 'Composite', 'Independents'].includes(t as string))) out.push(`${where} has items but is not a Choice or set (3.2.7)`);
  if (types.includes('SpecificResource') && r.source === undefined) out.push(`${where} is a SpecificResource without a source (4)`);
  for (const s of Array.isArray(r.selector) ? r.selector : r.selector === undefined ? [] : [r.selector]) {
    if (isObj(s) && s.type === 'FragmentSelector' && typeof s.value !== 'string') out.push(`${where}'s FragmentSelector has no single value (4.2.1)`);
  }
  return out;
}

function agentProblems(v: unknown, key: string): string[] {
  const list = Array.isArray(v) ? v : [v];
  return list.every((a) => (typeof a === 'string' && IRI.test(a)) || isObj(a)) ? [] : [`${key} ${show(v)} is not an IRI, an agent object or a list of them (3.3.1)`];
}

/** What the annotation breaks, each with the model's section; empty when it keeps every MUST checked here. */
export function annotationMustProblems(a: Obj, inheritedContext: boolean): string[] {
  const out: string[] = [];
  if (!inheritedContext && !namesAnnoContext(a['@context'])) out.push(`its @context ${a['@context'] === undefined ? 'is missing' : `${show(a['@context'])} does not name`} ${ANNO_CONTEXT_IRI} (3.1)`);
  if (a.id !== undefined && (typeof a.id !== 'string' || !IRI.test(a.id))) out.push(`its id ${show(a.id)} is not one IRI (3.1)`);
  const types = Array.isArray(a.type) ? a.type : [a.type];
  if (!types.includes('Annotation')) out.push(`its type ${a.type === undefined ? 'is missing' : `${show(a.type)} is not Annotation`} (3.1)`);
  if (a.target === undefined) out.push('it has no target (3.1)');
  else for (const t of Array.isArray(a.target) ? a.target : [a.target]) out.push(...resourceProblems(t, 'a target'));
  if (a.body !== undefined && a.bodyValue !== undefined) out.push('it has both body and bodyValue (3.2.5)');
  if (a.bodyValue !== undefined && typeof a.bodyValue !== 'string') out.push(`its bodyValue ${show(a.bodyValue)} is not one string (3.2.5)`);
  for (const b of a.body === undefined ? [] : Array.isArray(a.body) ? a.body : [a.body]) out.push(...resourceProblems(b, 'a body'));
  for (const key of ['creator', 'generator'] as const) if (a[key] !== undefined) out.push(...agentProblems(a[key], key));
  for (const key of ['created', 'modified', 'generated'] as const) {
    if (a[key] !== undefined && (typeof a[key] !== 'string' || !DATE_TIME.test(a[key] as string))) out.push(`${key} ${show(a[key])} is not one xsd:dateTime (3.3.1)`);
  }
  for (const key of ['rights', 'via', 'canonical'] as const) {
    const v = a[key];
    if (v !== undefined && !(Array.isArray(v) ? v : [v]).every((x) => typeof x === 'string' && IRI.test(x))) out.push(`${key} ${show(v)} is not an IRI (3.3.6, 3.3.7)`);
  }
  return out;
}
