import type { DocumentMetadata } from '../../core/model';

// Grouping the annotation views by what the documents' metadata says: the year of publication, or
// the outlet. Documents without it gather under "undated" / "no outlet", listed last.

export type MetadataGrouping = 'date' | 'outlet';

export function metadataGroup(by: MetadataGrouping, metadata: DocumentMetadata | undefined): { key: string; label: string } {
  if (by === 'date') {
    const year = metadata?.published?.slice(0, 4);
    return year ? { key: year, label: year } : { key: '\uffffundated', label: 'undated' };
  }
  const outlet = metadata?.publisher;
  return outlet ? { key: outlet.toLowerCase(), label: outlet } : { key: '\uffffno outlet', label: 'no outlet' };
}

/** Within a group: documents by date of publication (undated last), then path. */
export function documentOrder(a: { documentPath: string; published?: string }, b: { documentPath: string; published?: string }): number {
  const [x, y] = [a.published ?? '\uffff', b.published ?? '\uffff'];
  return x < y ? -1 : x > y ? 1 : a.documentPath < b.documentPath ? -1 : a.documentPath > b.documentPath ? 1 : 0;
}
