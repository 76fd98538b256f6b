/**
 * IANA time-zone names: the only zones a base may be set to. A name is accepted when the
 * runtime's Intl data knows it; its spelling is kept (ICU would turn `Europe/Kyiv` into
 * `Europe/Kiev`) except that letter case is corrected when ICU knows the name as written
 * (`asia/shanghai` → `Asia/Shanghai`). Offsets such as `+08:00` are refused: a base follows a
 * place, with its daylight-saving rules.
 */
const zoneNamePattern = /^[A-Za-z][A-Za-z0-9_+-]*(\/[A-Za-z0-9_+-]+){0,2}$/;

/** The name to store for `zone`, or undefined when it is not an IANA zone. */
export function canonicalTimeZone(zone: string): string | undefined {
  if (!zoneNamePattern.test(zone)) return undefined;
  try {
    const resolved = new Intl.DateTimeFormat('en-US', { timeZone: zone }).resolvedOptions().timeZone;
    return resolved.toLowerCase() === zone.toLowerCase() ? resolved : zone;
  } catch {
    return undefined;
  }
}
