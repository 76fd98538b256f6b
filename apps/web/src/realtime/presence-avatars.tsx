/** The other people viewing this table now, as avatars (names on hover). */
import { Avatar, Tooltip } from 'antd';
import { useTranslation } from 'react-i18next';
import { useSession } from '../auth/session';
import { avatarColor } from '../fields/user-avatar';
import { usePresence } from './realtime-context';

export function PresenceAvatars({ tableId }: { tableId: string }) {
  const { t } = useTranslation();
  const { user } = useSession();
  const others = usePresence(tableId).filter((viewer) => viewer.id !== user?.id);
  if (others.length === 0) return null;
  return (
    <div className="mt-presence" data-testid="presence" aria-label={t('realtime.alsoViewing', { names: others.map((viewer) => viewer.name).join(', ') })}>
      <Avatar.Group max={{ count: 4 }} size="small">
        {others.map((viewer) => (
          <Tooltip key={viewer.id} title={t('realtime.viewing', { name: viewer.name })}>
            <Avatar size="small" style={{ backgroundColor: avatarColor(viewer.id) }} data-testid="presence-avatar">
              {viewer.name.trim().slice(0, 1).toUpperCase()}
            </Avatar>
          </Tooltip>
        ))}
      </Avatar.Group>
    </div>
  );
}
