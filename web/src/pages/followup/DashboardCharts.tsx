import { Bar, BarChart, CartesianGrid, LabelList, Legend, ResponsiveContainer, XAxis, YAxis } from 'recharts';
import type { AdoptionRow, AssignmentCounts } from '../../../../src/domain/follow-up-views';
import type { AdoptionStatus } from '../../../../src/domain/recommendations';
import { svAdoption, svDashboard as t } from '../../i18n/sv';

// The dashboard's charts (recharts), loaded on their own by DashboardPage. They are drawn inside
// an aria-hidden wrapper with the accessibility layer off (nothing focusable in hidden content);
// the table after each chart is what assistive technology reads. Bars carry their number as a
// label and the legend names each colour, so colour is never the only carrier either.

const ASSIGNMENT_BARS = ['open', 'overdue', 'reported', 'unconfirmed', 'done', 'withdrawn'] as const;
// Colours with at least 3:1 contrast against white (WCAG 1.4.11), distinguishable in greyscale by order and label.
const STATUS_COLOURS: Record<AdoptionStatus, string> = { adopted: '#2f6b45', declined: '#a3001b', 'in-preparation': '#8a5a00', 'not-started': '#5f6b7a' };
const STACK: AdoptionStatus[] = ['adopted', 'declined', 'in-preparation', 'not-started'];
const AXIS = { fontSize: 13, fill: '#1b1f24' };

export function AssignmentChart({ counts }: { counts: AssignmentCounts }) {
  const data = ASSIGNMENT_BARS.map((s) => ({ name: t.chartStatuses[s], n: counts[s], overdue: s === 'overdue' }));
  return (
    <ResponsiveContainer width="100%" height={240}>
      <BarChart data={data} layout="vertical" margin={{ left: 16, right: 32 }} accessibilityLayer={false}>
        <CartesianGrid horizontal={false} stroke="#d5dbe1" />
        <XAxis type="number" allowDecimals={false} tick={AXIS} />
        <YAxis type="category" dataKey="name" width={130} tick={AXIS} />
        <Bar dataKey="n" fill="#1d4f6e" isAnimationActive={false}>
          <LabelList dataKey="n" position="right" style={AXIS} />
        </Bar>
      </BarChart>
    </ResponsiveContainer>
  );
}

/** One stacked bar per recommendation; for one huvudman (no rows), one bar of its statuses. */
export function AdoptionChart({ rows, counts }: { rows: AdoptionRow[]; counts: Record<AdoptionStatus, number> }) {
  const data = rows.length > 0
    ? rows.map((r) => ({ name: r.title.length > 40 ? `${r.title.slice(0, 39)}…` : r.title, ...r.counts }))
    : [{ name: t.total, ...counts }];
  return (
    <ResponsiveContainer width="100%" height={Math.max(140, 60 + data.length * 36)}>
      <BarChart data={data} layout="vertical" margin={{ left: 16, right: 32 }} accessibilityLayer={false}>
        <CartesianGrid horizontal={false} stroke="#d5dbe1" />
        <XAxis type="number" allowDecimals={false} tick={AXIS} />
        <YAxis type="category" dataKey="name" width={220} tick={AXIS} />
        <Legend itemSorter="dataKey" formatter={(value: string) => <span style={{ color: '#1b1f24' }}>{value}</span>} />
        {STACK.map((s) => (
          <Bar key={s} dataKey={s} name={svAdoption.statuses[s]} stackId="adoption" fill={STATUS_COLOURS[s]} isAnimationActive={false} />
        ))}
      </BarChart>
    </ResponsiveContainer>
  );
}
