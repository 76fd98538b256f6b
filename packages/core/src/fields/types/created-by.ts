/** Created by: who created the record, read from its `created_by` system column. */
import { userStampType, type UserStampOptions } from '../stamp-types';

export type CreatedByOptions = UserStampOptions;

export const createdBy = userStampType('createdBy', 'createdBy');
