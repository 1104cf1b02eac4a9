// The parts of the REFI-QDA XML schemas (Project.xsd "QDA-XML 1.0, 18 March 2019" and Codebook.xsd, as
// published by the REFI initiative, www.qdasoftware.org) that the export uses, encoded as rules: each
// element type's children in sequence order with their occurrence bounds, its attributes with their XSD
// types and which are required. No XSD validator is available from the npm registry here, so the
// structure is checked against these rules with fast-xml-parser's output.

type AttrType = 'string' | 'guid' | 'integer' | 'boolean' | 'dateTime' | 'rgb' | readonly string[];
interface Rule {
  /** The xsd:sequence: element name, minOccurs, maxOccurs. */
  sequence?: Array<[string, number, number]>;
  /** An unbounded xsd:choice (SourcesType). */
  choice?: string[];
  attributes: Record<string, { type: AttrType; required?: boolean }>;
  text?: boolean;
}

const N = Infinity;
const GUID = /^([0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12})$|^\{[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}\}$/;
const DATE_TIME = /^-?\d{4,}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})?$/;
const req = (type: AttrType) => ({ type, required: true });
const opt = (type: AttrType) => ({ type });
const stamps = { creatingUser: opt('guid'), creationDateTime: opt('dateTime'), modifyingUser: opt('guid'), modifiedDateTime: opt('dateTime') } as const;

const PROJECT: Record<string, Rule> = {
  Project: {
    sequence: [['Users', 0, 1], ['CodeBook', 0, 1], ['Variables', 0, 1], ['Cases', 0, 1], ['Sources', 0, 1], ['Notes', 0, 1], ['Links', 0, 1], ['Sets', 0, 1], ['Graphs', 0, 1], ['Description', 0, 1], ['NoteRef', 0, N]],
    attributes: { name: req('string'), origin: opt('string'), creatingUserGUID: opt('guid'), creationDateTime: opt('dateTime'), modifyingUserGUID: opt('guid'), modifiedDateTime: opt('dateTime'), basePath: opt('string') },
  },
  Users: { sequence: [['User', 1, N]], attributes: {} },
  User: { attributes: { guid: req('guid'), name: opt('string'), id: opt('string') } },
  CodeBook: { sequence: [['Codes', 1, 1]], attributes: {} },
  Codes: { sequence: [['Code', 1, N]], attributes: {} },
  Code: { sequence: [['Description', 0, 1], ['NoteRef', 0, N], ['Code', 0, N]], attributes: { guid: req('guid'), name: req('string'), isCodable: req('boolean'), color: opt('rgb') } },
  Sources: { choice: ['TextSource', 'PictureSource', 'PDFSource', 'AudioSource', 'VideoSource'], attributes: {} },
  TextSource: {
    sequence: [['Description', 0, 1], ['PlainTextContent', 0, 1], ['PlainTextSelection', 0, N], ['Coding', 0, N], ['NoteRef', 0, N], ['VariableValue', 0, N]],
    attributes: { guid: req('guid'), name: opt('string'), richTextPath: opt('string'), plainTextPath: opt('string'), ...stamps },
  },
  PlainTextSelection: {
    sequence: [['Description', 0, 1], ['Coding', 0, N], ['NoteRef', 0, N]],
    attributes: { guid: req('guid'), name: opt('string'), startPosition: req('integer'), endPosition: req('integer'), ...stamps },
  },
  Coding: { sequence: [['CodeRef', 1, 1], ['NoteRef', 0, N]], attributes: { guid: req('guid'), creatingUser: opt('guid'), creationDateTime: opt('dateTime') } },
  CodeRef: { attributes: { targetGUID: req('guid') } },
  NoteRef: { attributes: { targetGUID: req('guid') } },
  Links: { sequence: [['Link', 1, N]], attributes: {} },
  Link: {
    sequence: [['NoteRef', 0, N]],
    attributes: { guid: req('guid'), name: opt('string'), direction: opt(['Associative', 'OneWay', 'Bidirectional']), color: opt('rgb'), originGUID: opt('guid'), targetGUID: opt('guid') },
  },
  Description: { attributes: {}, text: true },
  PlainTextContent: { attributes: {}, text: true },
};

const CODEBOOK: Record<string, Rule> = {
  CodeBook: { sequence: [['Codes', 1, 1], ['Sets', 0, 1]], attributes: { origin: opt('string') } },
  Codes: { sequence: [['Code', 1, N]], attributes: {} },
  Code: { sequence: [['Description', 0, 1], ['Code', 0, N]], attributes: { guid: req('guid'), name: req('string'), isCodable: req('boolean'), color: opt('rgb') } },
  Description: { attributes: {}, text: true },
};

const NAMESPACES = { project: 'urn:QDA-XML:project:1.0', codebook: 'urn:QDA-XML:codebook:1.0' };

type XmlNode = Record<string, unknown> & { ':@'?: Record<string, string> };

function checkAttribute(value: string, type: AttrType): boolean {
  if (Array.isArray(type)) return type.includes(value);
  switch (type) {
    case 'guid':
      return GUID.test(value);
    case 'integer':
      return /^[+-]?\d+$/.test(value);
    case 'boolean':
      return ['true', 'false', '1', '0'].includes(value);
    case 'dateTime':
      return DATE_TIME.test(value);
    case 'rgb':
      return /^#([A-Fa-f0-9]{6}|[A-Fa-f0-9]{3})$/.test(value);
    default:
      return true;
  }
}

/** Problems of a parsed document (fast-xml-parser, preserveOrder, attributes without prefix); [] when it conforms. */
export function checkRefiQda(document: XmlNode[], kind: 'project' | 'codebook'): string[] {
  const rules = kind === 'project' ? PROJECT : CODEBOOK;
  const problems: string[] = [];
  const roots = document.filter((n) => !('?xml' in n) && !('#text' in n));
  const rootName = kind === 'project' ? 'Project' : 'CodeBook';
  if (roots.length !== 1 || !(rootName in roots[0])) return [`the root element must be ${rootName}`];
  const rootAttrs = roots[0][':@'] ?? {};
  if (rootAttrs.xmlns !== NAMESPACES[kind]) problems.push(`${rootName} must be in namespace ${NAMESPACES[kind]}`);
  const guids = new Map<string, string>();
  const refs: Array<[string, string, string]> = [];

  const visit = (name: string, node: XmlNode, path: string, isRoot: boolean) => {
    const rule = rules[name];
    if (!rule) return problems.push(`${path}: element ${name} is not allowed`);
    const attributes = node[':@'] ?? {};
    for (const [attr, value] of Object.entries(attributes)) {
      if (isRoot && (attr.startsWith('xmlns') || attr.startsWith('xsi:'))) continue;
      const spec = rule.attributes[attr];
      if (!spec) problems.push(`${path}: attribute ${attr} is not allowed`);
      else if (!checkAttribute(String(value), spec.type)) problems.push(`${path}: attribute ${attr}="${value}" is not a valid ${Array.isArray(spec.type) ? spec.type.join('|') : spec.type}`);
    }
    for (const [attr, spec] of Object.entries(rule.attributes)) if (spec.required && attributes[attr] === undefined) problems.push(`${path}: required attribute ${attr} is missing`);
    if (attributes.guid !== undefined) {
      if (guids.has(attributes.guid)) problems.push(`${path}: guid ${attributes.guid} is also used by ${guids.get(attributes.guid)}`);
      guids.set(attributes.guid, path);
    }
    for (const ref of ['targetGUID', 'originGUID', 'creatingUser']) if (attributes[ref]) refs.push([path, ref, attributes[ref]]);

    const children = (node[name] as XmlNode[]).filter((c) => !('#text' in c) || String(c['#text']).trim() !== '');
    const texts = children.filter((c) => '#text' in c);
    if (texts.length && !rule.text) problems.push(`${path}: text content is not allowed in ${name}`);
    const elementsOnly = children.filter((c) => !('#text' in c));
    const names = elementsOnly.map((c) => Object.keys(c).find((k) => k !== ':@')!);
    if (rule.choice) {
      for (const n of names) if (!rule.choice.includes(n)) problems.push(`${path}: ${n} is not one of ${rule.choice.join(', ')}`);
      if (!names.length) problems.push(`${path}: needs at least one of ${rule.choice.join(', ')}`);
    } else {
      const sequence = rule.sequence ?? [];
      let at = 0;
      let count = 0;
      for (const n of names) {
        while (at < sequence.length && sequence[at][0] !== n) {
          if (count < sequence[at][1]) problems.push(`${path}: ${sequence[at][0]} is required before ${n}`);
          at++;
          count = 0;
        }
        if (at >= sequence.length) {
          problems.push(`${path}: ${n} is not allowed here (order: ${sequence.map((s) => s[0]).join(', ') || 'no children'})`);
          break;
        }
        if (++count > sequence[at][2]) problems.push(`${path}: too many ${n}`);
      }
      for (let k = at; k < sequence.length; k++) if ((k === at ? count : 0) < sequence[k][1]) problems.push(`${path}: ${sequence[k][0]} is missing`);
    }
    elementsOnly.forEach((child, i) => visit(names[i], child, `${path}/${names[i]}[${i}]`, false));
    if (name === 'TextSource' && !attributes.plainTextPath === !names.includes('PlainTextContent')) problems.push(`${path}: either PlainTextContent or plainTextPath must be given, not both`);
    if (name === 'PlainTextSelection' && Number(attributes.endPosition) < Number(attributes.startPosition)) problems.push(`${path}: endPosition is before startPosition`);
    return undefined;
  };
  visit(rootName, roots[0], rootName, true);
  for (const [path, attr, guid] of refs) if (!guids.has(guid)) problems.push(`${path}: ${attr} ${guid} refers to no element`);
  return problems;
}
