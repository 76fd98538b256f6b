/** The app mark: a small grid of coloured cells. */
export function Logo({ size = 22 }: { size?: number }) {
  return (
    <svg width={size} height={size} viewBox="0 0 24 24" aria-hidden="true">
      <rect x="2" y="2" width="9" height="9" rx="2" fill="#1677ff" />
      <rect x="13" y="2" width="9" height="9" rx="2" fill="#13c2c2" />
      <rect x="2" y="13" width="9" height="9" rx="2" fill="#faad14" />
      <rect x="13" y="13" width="9" height="9" rx="2" fill="#52c41a" />
    </svg>
  );
}
