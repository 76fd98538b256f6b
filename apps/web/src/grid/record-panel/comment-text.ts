/**
 * A comment's text split into plain text and mentions: the server stores mentions as `@[usr_…]`
 * (the same pattern as apps/server/src/services/data/comments.ts), the panel shows them as "@Name"
 * chips, and a mention of someone the server did not name (no longer a member) stays the raw id.
 */
export type CommentSegment = { kind: 'text'; text: string } | { kind: 'mention'; userId: string; name: string | undefined };

const mentionPattern = /@\[(usr_[0-9a-z]{16})\]/g;

/** The text as it is written for a mention of `userId`. */
export const mentionToken = (userId: string) => `@[${userId}]`;

export function commentSegments(text: string, namesById: ReadonlyMap<string, string>): CommentSegment[] {
  const segments: CommentSegment[] = [];
  let last = 0;
  for (const match of text.matchAll(mentionPattern)) {
    if (match.index > last) segments.push({ kind: 'text', text: text.slice(last, match.index) });
    const userId = match[1]!;
    segments.push({ kind: 'mention', userId, name: namesById.get(userId) });
    last = match.index + match[0].length;
  }
  if (last < text.length) segments.push({ kind: 'text', text: text.slice(last) });
  return segments;
}
