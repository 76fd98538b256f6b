/**
 * A member under a custom role (issue 5), set up the way an admin does it through the API: the
 * owner (browser session: members are session-only) saves the role and adds a doctor to the base
 * with it; the doctor signs in and makes their own read token — a token acts as its owner, so
 * every request with it is the doctor's, under the role.
 */
import { HttpClient } from './http/client';
import { errorMessage } from './data/hospital-tables';
import { ownerEmail, signIn } from './instance-setup';

export interface RestrictedMember {
  userId: string;
  roleId: string;
  /** The member's API token (read access to the base). */
  token: string;
}

export type RestrictedMemberOutcome = { ok: true; member: RestrictedMember } | { ok: false; reason: string };

/** A client on `origin` acting as `member`. */
export function memberClient(origin: string, member: RestrictedMember): HttpClient {
  const client = new HttpClient(origin);
  client.setHeaders({ authorization: `Bearer ${member.token}` });
  return client;
}

/**
 * Saves a role named `roleName` with `rules` and gives it to the user `userId` (signing in as
 * `email`). A refusal (the server has no custom roles yet, or rejects the rules) is an outcome.
 */
export async function addRestrictedMember(
  origin: string,
  baseId: string,
  role: { name: string; rules: unknown },
  user: { userId: string; email: string },
): Promise<RestrictedMemberOutcome> {
  const owner = await signIn(origin, ownerEmail);
  let roleId: string;
  try {
    const saved = await owner.session.send('POST', `/api/v1/bases/${baseId}/roles`, role);
    if (saved.status !== 201) return refused('saving the role', saved);
    roleId = (JSON.parse(saved.text) as { id: string }).id;
    const added = await owner.session.send('POST', `/api/v1/bases/${baseId}/members`, { userId: user.userId, role: roleId });
    if (added.status !== 201) return refused('adding the member', added);
  } finally {
    await owner.session.close();
  }
  const member = await signIn(origin, user.email);
  try {
    if (member.userId !== user.userId) throw new Error(`${user.email} signed in as ${member.userId}, expected ${user.userId}`);
    const token = await member.session.json<{ secret: string }>('POST', '/api/v1/tokens', { name: 'bench (restricted)', access: 'read', baseIds: [baseId] });
    return { ok: true, member: { userId: user.userId, roleId, token: token.secret } };
  } finally {
    await member.session.close();
  }
}

function refused(step: string, reply: { status: number; text: string }): RestrictedMemberOutcome {
  if (reply.status >= 500) throw new Error(`${step} answered ${reply.status}: ${reply.text}`);
  return { ok: false, reason: `${step} refused (${reply.status} ${errorMessage(reply.text)})` };
}
