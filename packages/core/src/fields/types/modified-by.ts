/** Modified by: who last changed the record, read from its `modified_by` system column. */
import { userStampType, type UserStampOptions } from '../stamp-types';

export type ModifiedByOptions = UserStampOptions;

export const modifiedBy = userStampType('modifiedBy', 'modifiedBy');
