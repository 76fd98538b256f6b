/**
 * Text positions for text functions. Positions and lengths count Unicode code points, not UTF-16
 * units: `LEN("😀")` is 1 and LEFT/MID never split a surrogate pair (a lone surrogate could not
 * be stored — PostgreSQL text is UTF-8). Chinese characters are one each: `LEN("口腔科")` is 3.
 */

export function codePoints(text: string): string[] {
  return Array.from(text);
}

export function codePointLength(text: string): number {
  let length = 0;
  for (let i = 0; i < text.length; i++) {
    const unit = text.charCodeAt(i);
    if (unit >= 0xd800 && unit <= 0xdbff && i + 1 < text.length) {
      const next = text.charCodeAt(i + 1);
      if (next >= 0xdc00 && next <= 0xdfff) i++;
    }
    length++;
  }
  return length;
}

/** UTF-16 offset of code point `index` (0-based); the text length when past the end. */
export function offsetOfCodePoint(text: string, index: number): number {
  let offset = 0;
  for (let seen = 0; seen < index && offset < text.length; seen++) {
    const unit = text.charCodeAt(offset);
    const next = text.charCodeAt(offset + 1);
    offset += unit >= 0xd800 && unit <= 0xdbff && next >= 0xdc00 && next <= 0xdfff ? 2 : 1;
  }
  return offset;
}

/** Code-point index (0-based) of a UTF-16 offset. */
export function codePointIndexOf(text: string, offset: number): number {
  return codePointLength(text.slice(0, offset));
}

/**
 * Lower case for case-insensitive search, keeping every UTF-16 offset in place: a character whose
 * lower case has another length (`İ`) is kept as it is. Search then stays a plain, linear indexOf.
 */
export function foldCase(text: string): string {
  let folded = '';
  for (const char of text) {
    const lower = char.toLowerCase();
    folded += lower.length === char.length ? lower : char;
  }
  return folded;
}
