import { useId, type MouseEvent } from 'react';
import { useNavigate } from 'react-router';
import { format } from 'date-fns';
import { sv as svLocale } from 'date-fns/locale';
import type { WheelRing } from '../../../../src/domain/case-planning';
import { yearFraction } from '../../../../src/domain/case-planning';
import { todayIso } from '../../../../src/domain/assignments';
import { svPlanning } from '../../i18n/sv';
import { markersOf, ringShort, type Marker } from './wheel-model';

// The year wheel (årshjul) as plain SVG: recharts draws charts of series over axes, and a wheel
// whose markers sit on a day of the year on a body's ring is neither a pie nor a radial bar. Months
// run clockwise from January at the top; each ring is a body. Every marker is a link with its full
// description, reachable by keyboard in date order; shapes (and a "!" for a warning) carry the
// meaning, colour only repeats it. The table and list under the wheel say the same in words.

const t = svPlanning.wheel;
const SIZE = 640;
const C = SIZE / 2;
const INNER = 64;
const OUTER = 256;
const COLOURS = { meeting: '#1d4f6e', deadline: '#8a5a00', decision: '#2f6b45', warning: '#a3001b', line: '#d5dbe1', shade: '#eef1f4', ink: '#1b1f24' };

const point = (fraction: number, r: number): [number, number] => {
  const a = fraction * 2 * Math.PI - Math.PI / 2;
  return [C + r * Math.cos(a), C + r * Math.sin(a)];
};
const fmt = (n: number) => n.toFixed(1);

function sector(from: number, to: number, r0: number, r1: number): string {
  const [a0, b0] = point(from, r1);
  const [a1, b1] = point(to, r1);
  const [c0, d0] = point(to, r0);
  const [c1, d1] = point(from, r0);
  const large = to - from > 0.5 ? 1 : 0;
  return `M${fmt(a0)} ${fmt(b0)} A${r1} ${r1} 0 ${large} 1 ${fmt(a1)} ${fmt(b1)} L${fmt(c0)} ${fmt(d0)} A${r0} ${r0} 0 ${large} 0 ${fmt(c1)} ${fmt(d1)} Z`;
}

function MarkerShape({ m, x, y, size }: { m: Marker; x: number; y: number; size: number }) {
  const s = m.highlighted ? size * 1.35 : size;
  const stroke = m.highlighted ? { stroke: COLOURS.ink, strokeWidth: 2.5 } : { stroke: '#fff', strokeWidth: 1.5 };
  if (m.shape === 'diamond') return <path className="wheel__shape" d={`M${fmt(x)} ${fmt(y - s)} L${fmt(x + s)} ${fmt(y)} L${fmt(x)} ${fmt(y + s)} L${fmt(x - s)} ${fmt(y)} Z`} fill={COLOURS.deadline} {...stroke} />;
  if (m.shape === 'square') return <rect className="wheel__shape" x={x - s * 0.8} y={y - s * 0.8} width={s * 1.6} height={s * 1.6} fill={COLOURS.decision} {...stroke} />;
  if (m.cancelled) {
    return (
      <g>
        <circle className="wheel__shape" cx={x} cy={y} r={s} fill="#fff" stroke={COLOURS.meeting} strokeWidth={2} />
        <path d={`M${fmt(x - s * 0.6)} ${fmt(y - s * 0.6)} L${fmt(x + s * 0.6)} ${fmt(y + s * 0.6)} M${fmt(x + s * 0.6)} ${fmt(y - s * 0.6)} L${fmt(x - s * 0.6)} ${fmt(y + s * 0.6)}`} stroke={COLOURS.meeting} strokeWidth={2} />
      </g>
    );
  }
  return <circle className="wheel__shape" cx={x} cy={y} r={s} fill={COLOURS.meeting} {...stroke} />;
}

export function YearWheel({ year, rings, caption, highlightPlan = null }: { year: number; rings: WheelRing[]; caption: string; highlightPlan?: number | null }) {
  const navigate = useNavigate();
  const captionId = useId();
  const width = (OUTER - INNER) / Math.max(rings.length, 1);
  const mid = (r: number) => INNER + width * (r + 0.5);
  const size = Math.max(4, Math.min(8, width / 3.2));
  const markers = markersOf(rings, highlightPlan).sort((a, b) => a.date.localeCompare(b.date) || a.ring - b.ring);
  const months = Array.from({ length: 12 }, (_, m) => {
    const first = `${year}-${String(m + 1).padStart(2, '0')}-01`;
    const next = m === 11 ? 1 : yearFraction(`${year}-${String(m + 2).padStart(2, '0')}-01`);
    return { m, from: yearFraction(first), to: next, name: format(new Date(year, m, 1), 'LLL', { locale: svLocale }).replace('.', '') };
  });
  const today = todayIso();
  const path = markers.filter((m) => m.highlighted).sort((a, b) => (a.events.find((e) => e.plan)?.plan?.step ?? 0) - (b.events.find((e) => e.plan)?.plan?.step ?? 0));
  const follow = (e: MouseEvent, href: string) => {
    e.preventDefault();
    navigate(href);
  };

  return (
    <figure className="wheel">
      <svg viewBox={`0 0 ${SIZE} ${SIZE}`} role="group" aria-labelledby={captionId} className="wheel__svg">
        <g aria-hidden="true">
          {months.map((mo) => (
            <path key={mo.m} d={sector(mo.from, mo.to, INNER, OUTER)} fill={mo.m % 2 === 0 ? COLOURS.shade : '#fff'} stroke={COLOURS.line} />
          ))}
          {rings.map((_, r) => <circle key={r} cx={C} cy={C} r={INNER + width * (r + 1)} fill="none" stroke={COLOURS.line} />)}
          {months.map((mo) => {
            const [x, y] = point((mo.from + mo.to) / 2, OUTER + 24);
            return <text key={mo.m} x={x} y={y} textAnchor="middle" dominantBaseline="middle" className="wheel__month">{mo.name}</text>;
          })}
          {rings.map((ring, r) => (
            <text key={r} x={C - 4} y={C - mid(r)} textAnchor="end" dominantBaseline="middle" className="wheel__ring-label">{ringShort(ring)}</text>
          ))}
          <text x={C} y={C} textAnchor="middle" dominantBaseline="middle" className="wheel__year">{year}</text>
          {today.startsWith(`${year}-`) && (() => {
            const [x0, y0] = point(yearFraction(today), INNER);
            const [x1, y1] = point(yearFraction(today), OUTER + 8);
            return (
              <g>
                <line x1={x0} y1={y0} x2={x1} y2={y1} stroke={COLOURS.ink} strokeDasharray="4 3" />
                <text x={x1} y={y1} textAnchor="middle" className="wheel__today">{t.today}</text>
              </g>
            );
          })()}
          {path.length > 1 && (
            <polyline
              points={path.map((m) => point(m.fraction, mid(m.ring)).map(fmt).join(',')).join(' ')}
              fill="none" stroke={COLOURS.ink} strokeWidth={2} strokeDasharray="6 4"
            />
          )}
        </g>
        {markers.map((m) => {
          const [x, y] = point(m.fraction, mid(m.ring));
          const [bx, by] = point(m.fraction, mid(m.ring) + size * 1.9);
          const body = (
            <>
              <title>{m.label}</title>
              <MarkerShape m={m} x={x} y={y} size={size} />
              {m.warning && (
                <g>
                  <circle cx={bx} cy={by} r={size * 0.95} fill={COLOURS.warning} />
                  <text x={bx} y={by} textAnchor="middle" dominantBaseline="central" className="wheel__warning">!</text>
                </g>
              )}
            </>
          );
          return m.href ? (
            <a key={m.key} href={m.href} aria-label={m.label} className="wheel__marker" onClick={(e) => follow(e, m.href!)}>{body}</a>
          ) : (
            <g key={m.key} role="img" aria-label={m.label} className="wheel__marker">{body}</g>
          );
        })}
      </svg>
      <figcaption id={captionId}>{caption}</figcaption>
      <div className="wheel__legend">
        <p className="label">{t.rings}</p>
        <ol className="wheel__rings">
          {rings.map((ring, r) => <li key={r}>{ringShort(ring) !== (ring.body?.name ?? t.decisionsRing) ? `${ringShort(ring)}: ` : ''}{ring.body?.name ?? t.decisionsRing} ({t.ring(r, rings.length)})</li>)}
        </ol>
        <p className="label">{t.legend}</p>
        <ul className="wheel__keys">
          <li><svg aria-hidden="true" width="18" height="18"><circle cx="9" cy="9" r="6" fill={COLOURS.meeting} /></svg>{t.legendMeeting}</li>
          {highlightPlan !== null && <li><svg aria-hidden="true" width="18" height="18"><circle cx="9" cy="9" r="7" fill={COLOURS.meeting} stroke={COLOURS.ink} strokeWidth="2" /></svg>{t.legendStep}</li>}
          <li><svg aria-hidden="true" width="18" height="18"><path d="M9 2 L16 9 L9 16 L2 9 Z" fill={COLOURS.deadline} /></svg>{t.legendDeadline}</li>
          <li><svg aria-hidden="true" width="18" height="18"><rect x="3" y="3" width="12" height="12" fill={COLOURS.decision} /></svg>{t.legendDecision}</li>
          <li><svg aria-hidden="true" width="18" height="18"><circle cx="9" cy="9" r="7" fill={COLOURS.warning} /><text x="9" y="9" textAnchor="middle" dominantBaseline="central" fill="#fff" fontWeight="700" fontSize="11">!</text></svg>{t.legendWarning}</li>
        </ul>
      </div>
    </figure>
  );
}
