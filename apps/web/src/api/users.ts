/** The user directory, for person cells (names, avatars, pickers). */
import { api } from './client';

export interface UserSummary {
  id: string;
  email: string;
  name: string;
}

export const listUsers = async (): Promise<UserSummary[]> => (await api.get<{ users: UserSummary[] }>('/users')).users;
