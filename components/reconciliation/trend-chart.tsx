import type { TrendPoint } from "~/server/reconciliation/get-mismatch-trend";

const WIDTH = 640;
const HEIGHT = 180;
const PAD = { left: 36, right: 8, top: 10, bottom: 28 };
const SERIES = [
  { key: "mismatches", label: "Amount/units mismatches", color: "#dc2626" },
  { key: "missing", label: "Missing on one side", color: "#d97706" },
] as const;

/** Stacked bars of diffs per reconciled period (no chart library is installed: plain SVG). */
export function TrendChart({ points }: { points: TrendPoint[] }) {
  if (!points.length) return <p className="text-sm text-slate-500">No finished run yet.</p>;
  const max = Math.max(1, ...points.map((point) => point.mismatches + point.missing));
  const plotWidth = WIDTH - PAD.left - PAD.right;
  const plotHeight = HEIGHT - PAD.top - PAD.bottom;
  const slot = plotWidth / points.length;
  const barWidth = Math.min(40, slot * 0.6);
  const y = (value: number) => PAD.top + plotHeight - (value / max) * plotHeight;
  return (
    <figure>
      <svg viewBox={`0 0 ${WIDTH} ${HEIGHT}`} role="img" aria-label="Mismatches per period" className="w-full max-w-2xl">
        <line x1={PAD.left} x2={WIDTH - PAD.right} y1={y(0)} y2={y(0)} stroke="#cbd5e1" />
        <text x={PAD.left - 6} y={y(max) + 4} textAnchor="end" fontSize="10" fill="#64748b">{max}</text>
        <text x={PAD.left - 6} y={y(0)} textAnchor="end" fontSize="10" fill="#64748b">0</text>
        {points.map((point, index) => {
          const x = PAD.left + index * slot + (slot - barWidth) / 2;
          let base = 0;
          return (
            <g key={point.runId}>
              {SERIES.map((series) => {
                const value = point[series.key];
                const rect = <rect key={series.key} x={x} width={barWidth} y={y(base + value)} height={y(base) - y(base + value)} fill={series.color}><title>{`${series.label}: ${value}`}</title></rect>;
                base += value;
                return rect;
              })}
              <text x={x + barWidth / 2} y={HEIGHT - 10} textAnchor="middle" fontSize="10" fill="#475569">{point.periodStart.toISOString().slice(0, 7)}</text>
            </g>
          );
        })}
      </svg>
      <figcaption className="mt-1 flex gap-4 text-xs text-slate-600">
        {SERIES.map((series) => (
          <span key={series.key} className="inline-flex items-center gap-1"><span className="inline-block h-2 w-2" style={{ background: series.color }} />{series.label}</span>
        ))}
      </figcaption>
    </figure>
  );
}
