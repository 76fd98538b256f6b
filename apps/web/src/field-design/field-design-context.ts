/**
 * What a column header may do to its field beyond the grid's own column settings: open the field
 * dialog, hide, sort or filter by, or delete the field. Provided by the table view around the grid for people
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
  /** Adds a condition on the field to the view's filter; absent when the view's settings cannot be saved. */
  filterBy?(field: ApiField): void;
}

export const FieldDesignContext = createContext<FieldDesignActions | undefined>(undefined);

export const useFieldDesignActions = () => useContext(FieldDesignContext);
