import { describe, expect, it } from 'vitest';
import {
  addDays, assignmentReminderBody, dueRange, occasionIn, occasionsOf, remindersByRecipient, secretariesOn, swedishTime, thingKey, type DueThing,
} from '../../src/domain/reminders.js';
import { backoffSeconds } from '../../src/jobs/backoff.js';
import { reminderMail, relativeDue } from '../../src/mail/reminder-mail.js';

// The reminder rules: on which days a due date is reminded, to whom, and the keys that keep one
// occasion from being reminded twice.

describe('reminder days', () => {
  it('are the configured days before the due date and the day it becomes overdue', () => {
    expect(occasionsOf('2024-02-23', [14, 3])).toEqual([
      { day: '2024-02-09', occasion: { kind: 'before', days: 14 } },
      { day: '2024-02-20', occasion: { kind: 'before', days: 3 } },
      { day: '2024-02-24', occasion: { kind: 'overdue' } },
    ]);
    expect(occasionsOf('2024-03-01', [0]).map((o) => o.day)).toEqual(['2024-03-01', '2024-03-02']); // 2024 is a leap year
    expect(addDays('2024-02-28', 1)).toBe('2024-02-29');
  });

  it('a run on one day reminds of what has an occasion that day, and of nothing else', () => {
    expect(occasionIn('2024-02-23', [14, 3], '2024-02-20', '2024-02-20')).toEqual({ kind: 'before', days: 3 });
    expect(occasionIn('2024-02-23', [14, 3], '2024-02-24', '2024-02-24')).toEqual({ kind: 'overdue' });
    expect(occasionIn('2024-02-23', [14, 3], '2024-02-21', '2024-02-21')).toBeNull();
    expect(occasionIn('2024-02-23', [14, 3], '2024-02-23', '2024-02-23')).toBeNull(); // the due day itself is not an occasion unless 0 is configured
    expect(occasionIn('2024-02-23', [14, 3], '2024-02-25', '2024-03-31')).toBeNull(); // overdue is reminded once, not every day
  });

  it('a run covering several missed days reminds once, of the newest occasion', () => {
    expect(occasionIn('2024-02-23', [14, 3], '2024-02-08', '2024-02-21')).toEqual({ kind: 'before', days: 3 });
    expect(dueRange('2024-02-20', '2024-02-22', [14, 3])).toEqual({ earliest: '2024-02-19', latest: '2024-03-07' });
  });

  it('a moved due date is a new occasion', () => {
    const o = { kind: 'before', days: 3 } as const;
    expect(thingKey({ kind: 'assignment', id: 7, due: '2024-02-23' }, o)).toBe('assignment:7:2024-02-23:d3');
    expect(thingKey({ kind: 'assignment', id: 7, due: '2024-03-01' }, o)).not.toBe(thingKey({ kind: 'assignment', id: 7, due: '2024-02-23' }, o));
  });

  it('are planned at seven in the morning Swedish time, summer and winter', () => {
    expect(swedishTime('2024-02-23', 7).toISOString()).toBe('2024-02-23T06:00:00.000Z');
    expect(swedishTime('2024-07-01', 7).toISOString()).toBe('2024-07-01T05:00:00.000Z');
    expect(swedishTime('2024-03-31', 7).toISOString()).toBe('2024-03-31T05:00:00.000Z'); // the clocks went forward at 02:00
    expect(swedishTime('2024-10-27', 7).toISOString()).toBe('2024-10-27T06:00:00.000Z'); // and back at 03:00
  });
});

describe('who is reminded', () => {
  it('of an assignment: the receiving body, when it may read the decision', () => {
    expect(assignmentReminderBody({ toBodyId: 4, fromBodyId: 1, meetingBodyIds: [1], meetingPublished: true })).toBe(4);
    expect(assignmentReminderBody({ toBodyId: 4, fromBodyId: 1, meetingBodyIds: [1, 4], meetingPublished: false })).toBe(4);
  });

  it('else the giving body: a receiver that is not a body, or a protocol not yet public', () => {
    expect(assignmentReminderBody({ toBodyId: null, fromBodyId: 1, meetingBodyIds: [1], meetingPublished: true })).toBe(1);
    expect(assignmentReminderBody({ toBodyId: 4, fromBodyId: 1, meetingBodyIds: [1], meetingPublished: false })).toBe(1);
    expect(assignmentReminderBody({ toBodyId: null, fromBodyId: null, meetingBodyIds: [2], meetingPublished: true })).toBe(2);
    expect(assignmentReminderBody({ toBodyId: null, fromBodyId: null, meetingBodyIds: [], meetingPublished: true })).toBeNull();
  });

  it('the secretaries and coordinators of that body on the day, not its members', () => {
    const m = (bodyId: number, role: string, email: string | null, validFrom: string | null = null, validTo: string | null = null) =>
      ({ bodyId, role: role as never, email, validFrom, validTo });
    const map = secretariesOn([
      m(1, 'sekreterare', 'Katarina.Lindahl@Regionvasterbotten.se'),
      m(1, 'koordinator', 'anna@umea.se'),
      m(1, 'ledamot', 'carin@umea.se'),
      m(1, 'sekreterare', null),
      m(1, 'sekreterare', 'gone@umea.se', null, '2024-01-31'),
      m(1, 'sekreterare', 'later@umea.se', '2024-03-01'),
      m(2, 'sekreterare', 'katarina.lindahl@regionvasterbotten.se'),
      m(2, 'koordinator', 'KATARINA.LINDAHL@regionvasterbotten.se'),
    ], '2024-02-20');
    expect(map.get(1)).toEqual(['anna@umea.se', 'katarina.lindahl@regionvasterbotten.se']);
    expect(map.get(2)).toEqual(['katarina.lindahl@regionvasterbotten.se']);
  });

  it('gets one list of everything of theirs, without what they were already reminded of', () => {
    const thing = (kind: DueThing['kind'], id: number, due: string, bodyId: number): DueThing => ({ kind, id, due, bodyId, title: `${kind} ${id}`, context: '', path: '/' });
    const things = [
      thing('document-review', 1, '2024-02-23', 1),
      thing('assignment', 2, '2024-03-05', 1),
      thing('assignment', 3, '2024-02-23', 2),
      thing('assignment', 4, '2024-02-19', 1), // overdue from the 20th
      thing('recommendation', 5, '2024-02-24', 1), // no occasion on the 20th
    ];
    const secretaries = new Map([[1, ['a@x.se', 'b@x.se']], [2, ['b@x.se']]]);
    const sent = new Set(['a@x.se\nassignment:2:2024-03-05:d14']);
    const plan = remindersByRecipient(things, secretaries, { from: '2024-02-20', to: '2024-02-20', reminderDays: [14, 3] }, (r, k) => sent.has(`${r}\n${k}`));
    expect([...plan.keys()]).toEqual(['a@x.se', 'b@x.se']);
    expect(plan.get('a@x.se')!.map((i) => i.key)).toEqual(['assignment:4:2024-02-19:overdue', 'document-review:1:2024-02-23:d3']);
    expect(plan.get('b@x.se')!.map((i) => i.key)).toEqual([
      'assignment:4:2024-02-19:overdue', 'assignment:3:2024-02-23:d3', 'assignment:2:2024-03-05:d14', 'document-review:1:2024-02-23:d3',
    ]);
  });
});

describe('the reminder e-mail', () => {
  it('lists each thing with its Swedish date, how far off it is, and a link', () => {
    const mail = reminderMail('a@x.se', '2024-02-20', [
      { key: 'k1', kind: 'assignment', id: 2, due: '2024-02-23', occasion: 'before', title: 'Följa implementeringen', context: 'Uppdrag från Länssamverkansgruppen till Beredning barn och unga', path: '/uppdrag' },
      { key: 'k2', kind: 'fund-report', id: 3, due: '2024-02-19', occasion: 'overdue', title: 'Suicidprevention i skolan', context: 'Återrapportering: Psykisk hälsa 2024', path: '/statsbidrag/9' },
    ], 'https://samverka.example.se/');
    expect(mail.to).toEqual(['a@x.se']);
    expect(mail.subject).toBe('Påminnelse från Samverka: 2 saker att följa upp, 1 försenad');
    expect(mail.text).toContain('Ska vara klart fredag 23 februari 2024 (om 3 dagar)');
    expect(mail.text).toContain('https://samverka.example.se/uppdrag');
    expect(mail.text).toContain('Ska lämnas senast måndag 19 februari 2024 (försenat sedan i går)');
    expect(mail.html).toContain('<a href="https://samverka.example.se/statsbidrag/9">Suicidprevention i skolan</a>');
    expect(relativeDue('2024-02-20', '2024-02-20')).toBe('i dag');
    expect(relativeDue('2024-02-21', '2024-02-20')).toBe('i morgon');
    expect(relativeDue('2024-02-10', '2024-02-20')).toBe('försenat sedan 10 dagar');
  });

  it('escapes what people wrote', () => {
    const mail = reminderMail('a@x.se', '2024-02-20', [{ key: 'k', kind: 'document-review', id: 1, due: '2024-02-23', occasion: 'before', title: '<script>x</script> & co', context: '', path: '/styrdokument/1' }], 'http://localhost:3000');
    expect(mail.html).not.toContain('<script>');
    expect(mail.html).toContain('&#60;script&#62;x&#60;/script&#62; &#38; co');
  });
});

describe('retries', () => {
  it('wait twice as long each time, up to an hour', () => {
    expect([1, 2, 3, 4, 7, 8, 20, 1000].map((n) => backoffSeconds(n))).toEqual([30, 60, 120, 240, 1920, 3600, 3600, 3600]);
    expect(backoffSeconds(3, { baseSeconds: 1, capSeconds: 3 })).toBe(3);
  });
});
