/**
 * Tables, fields and views as the REST API sends them. The server presents its stored schema in
 * these shapes and the web app reads them, so both compile against one contract.
 */
import type { FieldTypeKey } from '../fields/registry';

export interface ApiField {
  id: string;
  name: string;
  type: FieldTypeKey;
  options: Record<string, unknown>;
  description: string;
  isPrimary: boolean;
}

export interface ApiView {
  id: string;
  name: string;
  type: string;
  /** The view's settings as `ViewConfig` (field ids); typed loosely because older rows may hold less. */
  config: unknown;
  /** Only its owner — the caller — sees it; other views are shared by everyone who reads the table. */
  personal: boolean;
  /** Its name and settings stay as they are until someone who may change the view unlocks it. */
  locked: boolean;
}

export interface ApiTable {
  id: string;
  name: string;
  description: string;
  primaryFieldId: string;
  fields: ApiField[];
  views: ApiView[];
}
