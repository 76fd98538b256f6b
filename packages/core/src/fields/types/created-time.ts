/** Created time: when the record was created, read from its `created_time` system column. */
import { timeStampType, type TimeStampOptions } from '../stamp-types';

export type CreatedTimeOptions = TimeStampOptions;

export const createdTime = timeStampType('createdTime', 'createdTime');
