// The line grammar of brat standoff (.ann), brat's own documentation (brat.nlplab.org/standoff.html):
// T text-bound, R relation, E event, * equivalence, A/M attribute, N normalisation, # note. Each line
// is read on its own into a typed record, or into the reason it cannot be.

export type BratLine =
  | { kind: 'T'; id: string; type: string; spans: Array<[number, number]>; text: string }
  | { kind: 'R'; id: string; type: string; args: Array<[string, string]> }
  | { kind: 'E'; id: string; type: string; trigger: string; args: Array<[string, string]> }
  | { kind: '*'; type: string; ids: string[] }
  | { kind: 'A'; id: string; name: string; target: string; value?: string }
  | { kind: 'N'; id: string; target: string; db: string; dbId: string; text: string }
  | { kind: '#'; id: string; target: string; text: string };

/** `key\tbody\trest`: brat fields are tab-separated; the text itself may hold tabs. */
function splitTabs(line: string): [string, string, string | undefined] {
  const first = line.indexOf('\t');
  if (first < 0) return [line, '', undefined];
  const second = line.indexOf('\t', first + 1);
  if (second < 0) return [line.slice(0, first), line.slice(first + 1), undefined];
  return [line.slice(0, first), line.slice(first + 1, second), line.slice(second + 1)];
}

const ARG = /^([^:\s]+):(\S+)$/;

export function readBratLine(line: string): BratLine | string {
  const [key, body, rest] = splitTabs(line);
  const words = body.split(' ').filter(Boolean);
  switch (key[0]) {
    case 'T': {
      const m = /^(\S+) (\d+ \d+(?:;\d+ \d+)*)$/.exec(body);
      if (!m) return `'${key}' is not a text-bound annotation 'T<n>\\t<type> <start> <end>\\t<text>'`;
      const spans = m[2].split(';').map((s) => s.split(' ').map(Number) as [number, number]);
      if (spans.some(([s, e]) => e < s)) return `'${key}' has a span that ends before it starts (${m[2]})`;
      return { kind: 'T', id: key, type: m[1], spans, text: rest ?? '' };
    }
    case 'R': {
      const args = words.slice(1).map((w) => ARG.exec(w));
      if (words.length < 3 || args.some((a) => !a)) return `'${key}' is not a relation 'R<n>\\t<type> Arg1:<id> Arg2:<id>'`;
      return { kind: 'R', id: key, type: words[0], args: args.map((a) => [a![1], a![2]]) };
    }
    case 'E': {
      const parts = words.map((w) => ARG.exec(w));
      if (!parts.length || parts.some((a) => !a)) return `'${key}' is not an event 'E<n>\\t<type>:<trigger> <role>:<id>…'`;
      return { kind: 'E', id: key, type: parts[0]![1], trigger: parts[0]![2], args: parts.slice(1).map((a) => [a![1], a![2]]) };
    }
    case '*':
      if (words.length < 3) return `'${key}' is not an equivalence '*\\t<type> <id> <id>…'`;
      return { kind: '*', type: words[0], ids: words.slice(1) };
    case 'A':
    case 'M':
      if (words.length < 2 || words.length > 3) return `'${key}' is not an attribute '${key[0]}<n>\\t<name> <id> [<value>]'`;
      return { kind: 'A', id: key, name: words[0], target: words[1], value: words[2] };
    case 'N': {
      const m = /^(\S+):(.*)$/.exec(words[2] ?? '');
      if (words.length !== 3 || !m) return `'${key}' is not a normalisation 'N<n>\\tReference <id> <db>:<id>\\t<text>'`;
      return { kind: 'N', id: key, target: words[1], db: m[1], dbId: m[2], text: rest ?? '' };
    }
    case '#':
      if (words.length < 2) return `'${key}' is not a note '#<n>\\tAnnotatorNotes <id>\\t<text>'`;
      return { kind: '#', id: key, target: words[1], text: rest ?? '' };
    default:
      return `not a brat standoff line (it starts with '${clipKey(key)}')`;
  }
}

const clipKey = (key: string) => (key.length > 40 ? `${key.slice(0, 40)}…` : key);
