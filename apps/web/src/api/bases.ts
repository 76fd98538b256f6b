/** Bases: list, create, rename, delete. */
import type { ApiBase } from '@multitable/core';
import { api } from './client';

export type Base = ApiBase;

export const listBases = async (): Promise<Base[]> => (await api.get<{ bases: Base[] }>('/bases')).bases;
export const getBase = (baseId: string) => api.get<Base>(`/bases/${baseId}`);
export const createBase = (input: { name: string; timeZone?: string }) => api.post<Base>('/bases', input);
export const renameBase = (baseId: string, name: string) => api.patch<Base>(`/bases/${baseId}`, { name });
export const deleteBase = (baseId: string) => api.delete<void>(`/bases/${baseId}`);
