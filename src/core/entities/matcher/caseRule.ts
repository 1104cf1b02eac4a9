// Which letters of a name must match with their exact case.
//
// The rule works word by word (a word is a run of letters and digits):
// - a word with an upper-case letter after its first character is exact: acronyms and
//   inner capitals (GBA, HKSAR, HKUST, GZ, InnoHK, RAISe, ChatGPT, OpenAI);
// - a single upper-case letter is exact (the I and T of I&T, the O of Tseung Kwan O);
// - a name of one word that starts with a capital is exact (Xi, Sit, Sun, Cyberport), since
//   a single capitalised word is often an ordinary word in lower case ("sit", "sun", "idea");
// - every other word matches in any case: multi-word names whose words are capitalised or
//   lower case ("Hong Kong Government" / "Hong Kong government", "Greater Bay Area") and
//   lower-case one-word concepts ("reindustrialization" also at a sentence start).
// So "HKSAR Government" finds "HKSAR government" but not "hksar government".

const WORD = /[\p{L}\p{N}\p{M}]+/gu;

function isUpper(ch: string): boolean {
  return ch !== ch.toLowerCase() && ch === ch.toUpperCase();
}

/**
 * Positions (code-unit indices into `folded`, the case-keeping folded name) whose letters must
 * match exactly. Empty when the whole name is case-insensitive.
 */
export function exactPositions(folded: string): number[] {
  const words = [...folded.matchAll(WORD)];
  const positions: number[] = [];
  for (const m of words) {
    const word = m[0];
    const chars = [...word];
    const inner = chars.slice(1).some(isUpper);
    const singleCapital = chars.length === 1 && isUpper(chars[0]);
    const lonelyProperName = words.length === 1 && isUpper(chars[0]);
    if (!(inner || singleCapital || lonelyProperName)) continue;
    for (let i = 0; i < word.length; i++) {
      const ch = word[i];
      if (ch !== ch.toLowerCase() || ch !== ch.toUpperCase()) positions.push(m.index + i);
    }
  }
  return positions;
}
