const STEPS: [Intl.RelativeTimeFormatUnit, number][] = [
  ['year', 365 * 24 * 3600],
  ['month', 30 * 24 * 3600],
  ['week', 7 * 24 * 3600],
  ['day', 24 * 3600],
  ['hour', 3600],
  ['minute', 60],
];

const relative = new Intl.RelativeTimeFormat('en', { numeric: 'auto' });

/** `3 days ago`, relative to `now`. */
export function formatRelativeTime(iso: string, now: number = Date.now()) {
  const seconds = (Date.parse(iso) - now) / 1000;
  for (const [unit, size] of STEPS) {
    if (Math.abs(seconds) >= size) {
      return relative.format(Math.round(seconds / size), unit);
    }
  }
  return 'just now';
}

/** `2025-05-30 10:00 UTC`: exact, and the same for every viewer. */
export function formatExactTime(iso: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return `${date.toISOString().slice(0, 16).replace('T', ' ')} UTC`;
}

/** `2025-05-30 10:00 UTC (2 hours ago)`: when, and how old that is. */
export function formatTimeWithAge(iso: string, now: number = Date.now()) {
  const exact = formatExactTime(iso);
  return exact === iso ? iso : `${exact} (${formatRelativeTime(iso, now)})`;
}
