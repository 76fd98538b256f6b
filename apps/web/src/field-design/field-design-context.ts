/**
 * What a column header may do to its field beyond the grid's own column settings: open the field
 * dialog, hide, sort by or delete the field. Provided by the table view around the grid for people
 * who may design the table (./use-field-design.tsx); absent for everyone else, so headers offer none.
 */
import { createContext, useContext } from 'react';
import type { SortDirection } from '@multitable/core';
import type { ApiField } from '../api/tables';

export interface FieldDesignActions {
  edit(field: ApiField): void;
  hide(field: ApiField): void;
  sort(field: ApiField, direction: SortDirection): void;
  remove(field: ApiField): void;
}

export const FieldDesignContext = createContext<FieldDesignActions | undefined>(undefined);

export const useFieldDesignActions = () => useContext(FieldDesignContext);
