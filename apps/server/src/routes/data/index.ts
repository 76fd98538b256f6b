/** The data routes under `/api/v1`: tables, fields, views, records and attachments. */
import type { FastifyInstance } from 'fastify';
import { attachmentRoutes } from './attachments';
import { commentRoutes } from './comments';
import { fieldRoutes } from './fields';
import { permissionRoutes } from './permissions';
import { recordGroupRoutes } from './record-groups';
import { recordMoveRoutes } from './record-moves';
import { recordRoutes } from './records';
import { tableRoutes } from './tables';
import { viewRoutes } from './views';

export async function dataRoutes(app: FastifyInstance): Promise<void> {
  await app.register(tableRoutes);
  await app.register(fieldRoutes);
  await app.register(viewRoutes);
  await app.register(recordRoutes);
  await app.register(recordGroupRoutes);
  await app.register(recordMoveRoutes);
  await app.register(attachmentRoutes);
  await app.register(permissionRoutes);
  await app.register(commentRoutes);
}
