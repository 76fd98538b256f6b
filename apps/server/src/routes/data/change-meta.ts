/** Who is changing what, from where: the ChangeMeta every data write carries into history. */
import type { FastifyRequest } from 'fastify';
import { requireBaseActor } from '../../auth/actor';
import type { ChangeMeta } from '../../services/data/change-recorder';

export function changeMetaOf(request: FastifyRequest): ChangeMeta {
  const actor = requireBaseActor(request);
  const seenBase = actor.memberAccess?.base;
  return {
    actor: { userId: actor.userId },
    source: actor.via === 'token' ? 'api' : 'web',
    baseId: actor.baseId,
    memberRole: actor.memberRole,
    ...(seenBase ? { seenBase } : {}),
  };
}
