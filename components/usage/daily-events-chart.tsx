/** Events per day as plain SVG bars (no chart library); each bar has a <title> tooltip. */
export function DailyEventsChart({ daily }: { daily: ReadonlyArray<{ day: Date; events: number }> }) {
  if (daily.length === 0) return <p className="text-sm text-slate-500">No events in this period.</p>;
  const max = Math.max(...daily.map((point) => point.events));
  const width = 640;
  const height = 160;
  const slot = width / daily.length;
  return (
    <svg viewBox={`0 0 ${width} ${height + 20}`} role="img" aria-label="Events per day" className="h-48 w-full max-w-3xl">
      {daily.map((point, index) => {
        const barHeight = Math.max(2, (point.events / max) * height);
        return (
          <g key={point.day.toISOString()}>
            <rect x={index * slot + slot * 0.15} y={height - barHeight} width={slot * 0.7} height={barHeight} className="fill-indigo-500">
              <title>{`${point.day.toISOString().slice(0, 10)}: ${point.events} events`}</title>
            </rect>
            {(daily.length <= 10 || index % Math.ceil(daily.length / 10) === 0) && (
              <text x={index * slot + slot / 2} y={height + 14} textAnchor="middle" className="fill-slate-500 text-[10px]">{point.day.toISOString().slice(5, 10)}</text>
            )}
          </g>
        );
      })}
    </svg>
  );
}
