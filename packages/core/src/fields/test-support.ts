/**
 * Test support for field-type tests: small in-memory user and attachment directories and a
 * context factory. Imported only by tests; the real directories are the server's.
 */
import type { AttachmentInfo, CastContext, DirectoryUser, FormatContext, LinkDirectory, LinkedRecord, UserDirectory } from './field-type';

export const testUsers: DirectoryUser[] = [
  { id: 'usr_alice00000000000', name: 'Alice Chen', email: 'alice@example.com' },
  { id: 'usr_bob0000000000000', name: '王伟', email: 'wang.wei@example.com' },
  { id: 'usr_carol00000000000', name: 'Carol', email: 'carol@example.com' },
];

export const testAttachments: AttachmentInfo[] = [
  { id: 'att_report0000000000', name: 'report.pdf', size: 1024, mimeType: 'application/pdf' },
  { id: 'att_photo00000000000', name: 'photo.png', size: 2048, mimeType: 'image/png' },
];

/** A directory over a fixed list: byText matches an email case-insensitively or an exact name, undefined when ambiguous. */
export function makeUserDirectory(users: readonly DirectoryUser[] = testUsers): UserDirectory {
  return {
    byId: (id) => users.find((user) => user.id === id),
    byText(text) {
      const wanted = text.trim();
      const matches = users.filter((user) => user.email.toLowerCase() === wanted.toLowerCase() || user.name === wanted);
      return matches.length === 1 ? matches[0] : undefined;
    },
  };
}

/** Records of the linked tables link tests use: `tbl_patients…` with two patients named alike. */
export const testLinkedTableId = 'tbl_patients00000000';
export const testLinkedRecords: LinkedRecord[] = [
  { id: 'rec_ann0000000000000', title: 'Ann Lee' },
  { id: 'rec_bob0000000000000', title: '王伟' },
  { id: 'rec_smith00000000000', title: 'Smith, John' },
  { id: 'rec_twin100000000000', title: 'Twin' },
  { id: 'rec_twin200000000000', title: 'Twin' },
];

/** A directory over fixed records per table: exact titles, `'ambiguous'` when several share one. */
export function makeLinkDirectory(tables: Readonly<Record<string, readonly LinkedRecord[]>> = { [testLinkedTableId]: testLinkedRecords }): LinkDirectory {
  return {
    byId: (tableId, id) => tables[tableId]?.find((record) => record.id === id),
    byTitle(tableId, text) {
      const matches = (tables[tableId] ?? []).filter((record) => record.title === text);
      return matches.length > 1 ? 'ambiguous' : matches[0];
    },
  };
}

export interface CastContextSpec {
  typecast?: boolean;
  timeZone?: string;
  now?: Date;
  users?: readonly DirectoryUser[];
  attachments?: readonly AttachmentInfo[];
  links?: LinkDirectory;
}

/** Strict by default, in Asia/Shanghai, at 2026-03-05T04:00:00Z (noon in Shanghai), with the test users and files. */
export function makeCastContext(spec: CastContextSpec = {}): CastContext {
  const attachments = spec.attachments ?? testAttachments;
  return {
    typecast: spec.typecast ?? false,
    timeZone: spec.timeZone ?? 'Asia/Shanghai',
    now: spec.now ?? new Date('2026-03-05T04:00:00.000Z'),
    users: makeUserDirectory(spec.users),
    attachments: { byId: (id) => attachments.find((file) => file.id === id) },
    links: spec.links ?? makeLinkDirectory(),
  };
}

export function makeFormatContext(spec: { timeZone?: string; users?: readonly DirectoryUser[] } = {}): FormatContext {
  return { timeZone: spec.timeZone ?? 'Asia/Shanghai', locale: 'en', users: makeUserDirectory(spec.users) };
}
