/**
 * Colours of select choices. Core stores colour tokens (`blue`, `blueDark` …); this maps each to
 * the tag's background and text colours. Light tokens are soft tints with dark text, `…Dark`
 * tokens solid with white text, as Bitable shows them.
 */
import type { ChoiceColor } from '@multitable/core';

const hues: Record<string, { tint: string; text: string; solid: string }> = {
  blue: { tint: '#e6f0ff', text: '#1d4ed8', solid: '#2563eb' },
  cyan: { tint: '#e0f7fa', text: '#0e7490', solid: '#0891b2' },
  teal: { tint: '#e0f5f1', text: '#0f766e', solid: '#0d9488' },
  green: { tint: '#e7f6e9', text: '#15803d', solid: '#16a34a' },
  yellow: { tint: '#fdf6d8', text: '#a16207', solid: '#ca8a04' },
  orange: { tint: '#ffedd5', text: '#c2410c', solid: '#ea580c' },
  red: { tint: '#fee2e2', text: '#b91c1c', solid: '#dc2626' },
  pink: { tint: '#fce7f3', text: '#be185d', solid: '#db2777' },
  purple: { tint: '#f1e8fd', text: '#7e22ce', solid: '#9333ea' },
  gray: { tint: '#eef0f3', text: '#4b5563', solid: '#6b7280' },
};

export function choiceStyle(color: ChoiceColor | string): { background: string; color: string } {
  const dark = color.endsWith('Dark');
  const hue = hues[dark ? color.slice(0, -'Dark'.length) : color] ?? hues.gray!;
  return dark ? { background: hue.solid, color: '#ffffff' } : { background: hue.tint, color: hue.text };
}
