/**
 * Guards against hostile JSON shapes before any recursive code touches them.
 * V8 parses 100,000 nested arrays happily; the first recursive walk then overflows the stack.
 * So depth is measured iteratively, with an explicit stack.
 */
import { EngineError } from './errors';

export const maxJsonDepth = 32;

/** Depth of a parsed JSON value: a scalar is 0, `[]` is 1, `[[1]]` is 2. Stops early past `limit`. */
export function jsonDepth(value: unknown, limit = Number.POSITIVE_INFINITY): number {
  let deepest = 0;
  const stack: Array<[unknown, number]> = [[value, 0]];
  while (stack.length > 0) {
    const [node, depth] = stack.pop()!;
    if (node === null || typeof node !== 'object') continue;
    const here = depth + 1;
    if (here > deepest) deepest = here;
    if (deepest > limit) return deepest;
    for (const child of Object.values(node as Record<string, unknown>)) stack.push([child, here]);
  }
  return deepest;
}

/** Throws JSON_TOO_DEEP when `value` nests deeper than `maxJsonDepth`. */
export function assertJsonDepth(value: unknown, path = '$'): void {
  if (jsonDepth(value, maxJsonDepth) > maxJsonDepth) {
    throw new EngineError('JSON_TOO_DEEP', `JSON at ${path} nests deeper than ${maxJsonDepth} levels`, {
      path,
      maxDepth: maxJsonDepth,
    });
  }
}

/** Depth of raw JSON text without parsing it; strings are skipped so brackets inside them do not count. */
export function jsonTextDepth(text: string, limit = Number.POSITIVE_INFINITY): number {
  let depth = 0;
  let deepest = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 92 /* \ */) i++;
      else if (c === 34 /* " */) inString = false;
      continue;
    }
    if (c === 34) inString = true;
    else if (c === 91 || c === 123) {
      depth++;
      if (depth > deepest) {
        deepest = depth;
        if (deepest > limit) return deepest;
      }
    } else if (c === 93 || c === 125) depth--;
  }
  return deepest;
}
