/** A user's initial on a colour picked from their id, so each person keeps one colour everywhere. */
import { Avatar } from 'antd';

const avatarColors = ['#2563eb', '#0891b2', '#16a34a', '#ca8a04', '#ea580c', '#dc2626', '#db2777', '#9333ea', '#4b5563'];

export function avatarColor(id: string): string {
  let hash = 0;
  for (const char of id) hash = (hash * 31 + char.charCodeAt(0)) >>> 0;
  return avatarColors[hash % avatarColors.length]!;
}

export function UserAvatar({ user, size = 20 }: { user: { id: string; name: string; email: string }; size?: number }) {
  const label = (user.name || user.email || '?').trim();
  return (
    <Avatar size={size} style={{ background: avatarColor(user.id), fontSize: size * 0.55, flex: 'none' }}>
      {[...label][0]?.toUpperCase()}
    </Avatar>
  );
}
