/**
 * Whether a name is an IANA time zone. luxon's `IANAZone.isValidZone` builds an
 * `Intl.DateTimeFormat` on every call — a third of a formula fill's time in the benchmark
 * profile — so answers are remembered: the set of zone names is small and never changes.
 */
import { IANAZone } from 'luxon';

const known = new Map<string, boolean>();
const maxRemembered = 1_000; // bounded: names come from user input

export function isTimeZone(name: string): boolean {
  const cached = known.get(name);
  if (cached !== undefined) return cached;
  const valid = IANAZone.isValidZone(name);
  if (known.size < maxRemembered) known.set(name, valid);
  return valid;
}
