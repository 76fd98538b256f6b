/**
 * Global setup of the browser tests: builds apps/web into apps/web/dist (skipped when the build
 * is current) before any server starts, since the server serves what is there when it starts.
 */
import { buildWebApp } from '@multitable/web/build';

export default async function setup(): Promise<void> {
  await buildWebApp({ quiet: true });
}
