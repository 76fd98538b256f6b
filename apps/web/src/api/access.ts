/**
 * Who may do what in a base: members with their roles (built-in or custom), and the custom roles
 * with their rules (core's `RoleRules`: per table access, record scopes, add / delete, field
 * rules and views).
 */
import type { ApiMember, ApiRole, RoleRules } from '@multitable/core';
import { api } from './client';

export const builtInRoles = ['owner', 'admin', 'editor', 'viewer'] as const;
export type BuiltInRole = (typeof builtInRoles)[number];

export type Member = ApiMember;
export type CustomRole = ApiRole;

const basePath = (baseId: string) => `/bases/${baseId}`;

export const listMembers = async (baseId: string): Promise<Member[]> => (await api.get<{ members: Member[] }>(`${basePath(baseId)}/members`)).members;
export const addMember = (baseId: string, userId: string, role: string) => api.post<Member>(`${basePath(baseId)}/members`, { userId, role });
export const changeMemberRole = (baseId: string, userId: string, role: string) => api.patch<Member>(`${basePath(baseId)}/members/${userId}`, { role });
export const removeMember = (baseId: string, userId: string) => api.delete<void>(`${basePath(baseId)}/members/${userId}`);

export const listRoles = async (baseId: string): Promise<CustomRole[]> => (await api.get<{ roles: CustomRole[] }>(`${basePath(baseId)}/roles`)).roles;
export const createRole = (baseId: string, input: { name: string; rules: RoleRules }) => api.post<CustomRole>(`${basePath(baseId)}/roles`, input);
export const updateRole = (baseId: string, roleId: string, patch: { name?: string; rules?: RoleRules }) => api.patch<CustomRole>(`${basePath(baseId)}/roles/${roleId}`, patch);
export const deleteRole = (baseId: string, roleId: string) => api.delete<void>(`${basePath(baseId)}/roles/${roleId}`);
