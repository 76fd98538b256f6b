/** Turns a failed request into the text a form shows under its button. */
import type { TFunction } from 'i18next';
import { ApiError } from '../api/client';

export function errorText(error: unknown, t: TFunction): string {
  if (error instanceof ApiError) return error.message;
  return error instanceof Error ? error.message : t('common.somethingWrong');
}
