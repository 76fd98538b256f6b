/**
 * The Node flags the server runs under: `pnpm start` (package.json spells them out, and
 * tests/api/start-bundle.test.ts holds it to this list), the benchmark suite and the test that
 * starts the bundle.
 *
 * Why the heap cap: V8 sizes its old generation from the machine's memory (about 4 GB here) and,
 * with that much room, lets the heap grow under steady load long before collecting: under 50
 * concurrent clients the server's RSS reached 457 MB although what it holds at once is far
 * smaller (bench, --quick). 256 MB of old generation keeps RSS near 300 MB at the same throughput
 * and still holds the largest work one process takes at once — 150 concurrent record batches at
 * the 1 MiB body limit were written without error under it (the live set per request is bounded:
 * bodies by that limit, fills and reads by their pages). An operator with larger needs runs the
 * bundle with a larger `--max-old-space-size` (a flag on the command line wins over NODE_OPTIONS).
 */
export const serverNodeFlags: readonly string[] = ['--enable-source-maps', '--max-old-space-size=256'];
