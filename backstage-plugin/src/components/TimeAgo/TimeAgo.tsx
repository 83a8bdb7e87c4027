import { formatExactTime, formatRelativeTime } from '../../format';

/** Relative time, with the exact time on hover. */
export function TimeAgo(props: { time?: string; fallback?: string }) {
  const { time, fallback = '—' } = props;
  if (!time) return <span>{fallback}</span>;
  return (
    <time dateTime={time} title={formatExactTime(time)}>
      {formatRelativeTime(time)}
    </time>
  );
}
