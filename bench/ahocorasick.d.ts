declare module 'ahocorasick' {
  /** Baseline only: the npm package's matcher (case-sensitive, no word boundaries). */
  export default class AhoCorasick {
    constructor(keywords: string[]);
    search(text: string): Array<[number, string[]]>;
  }
}
