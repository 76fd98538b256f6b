/** Modified time: when a user last changed the record, read from its `modified_time` system column. */
import { timeStampType, type TimeStampOptions } from '../stamp-types';

export type ModifiedTimeOptions = TimeStampOptions;

export const modifiedTime = timeStampType('modifiedTime', 'modifiedTime');
