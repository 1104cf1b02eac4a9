import { createHash } from 'node:crypto';

// REFI-QDA needs a GUID on every element. They are derived from stable names (RFC 4122 version 5:
// SHA-1 of a namespace and the name), so exporting the same corpus twice gives the same project.

/** Namespace of all Policy Annotator GUIDs (a fixed random UUID). */
const NAMESPACE = Buffer.from('3f6b1c2e8a4d4e7fb0c95d2a61e8f7a4', 'hex');

export function guidFor(name: string): string {
  const hash = createHash('sha1').update(NAMESPACE).update(name, 'utf8').digest();
  hash[6] = (hash[6] & 0x0f) | 0x50;
  hash[8] = (hash[8] & 0x3f) | 0x80;
  const hex = hash.subarray(0, 16).toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20, 32)}`;
}
