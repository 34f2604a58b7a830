// The domain's nouns, as the rest of the system reads them. Swedish terms in comments where the
// English word is ours, not theirs.

import type { ProtocolNote, Reservation, Vote } from './votes.js';
import type { ImmediateJusteringNote } from './immediate-justering.js';

export const BODY_KINDS = ['samverkansgrupp', 'samråd', 'systemledning', 'beredning', 'råd', 'arbetsgrupp', 'referensgrupp'] as const;
export type BodyKind = (typeof BODY_KINDS)[number];

export const MEMBERSHIP_ROLES = ['ordförande', 'vice ordförande', 'ledamot', 'ersättare', 'tjänsteperson', 'sekreterare', 'koordinator', 'adjungerad'] as const;
export type MembershipRole = (typeof MEMBERSHIP_ROLES)[number];

export const MEETING_STATUSES = ['planned', 'draft', 'justering', 'signed', 'published', 'cancelled'] as const;
export type MeetingStatus = (typeof MEETING_STATUSES)[number];

export const ASSIGNMENT_STATUSES = ['unconfirmed', 'open', 'reported', 'done', 'withdrawn'] as const;
export type AssignmentStatus = (typeof ASSIGNMENT_STATUSES)[number];

export type ItemKind = 'decision' | 'information'; // beslutsärende | informationsärende

/** The items every agenda has, in their usual places. */
export const STANDARD_ITEMS = ['approve-agenda', 'justerare', 'previous-minutes', 'referrals', 'other-questions', 'summary', 'next-meeting'] as const;
export type StandardItem = (typeof STANDARD_ITEMS)[number];

/** One-click outcomes: godkände informationen, lades till handlingarna, återremitteras, utgår. */
export const DECISION_OUTCOMES = ['informed', 'filed', 'referred-back', 'withdrawn'] as const;
export type DecisionOutcome = (typeof DECISION_OUTCOMES)[number];
export type AttendanceList = 'present' | 'absent' | 'official'; // närvarande | frånvarande | tjänstepersoner

/** Huvudman: one of the organisations that own the collaboration together. */
export interface Huvudman {
  id: number;
  name: string;
  shortName: string;
  kind: 'region' | 'kommun';
  population: { year: number; population: number }[];
}

export interface BodyName {
  name: string;
  validFrom: string | null;
  validTo: string | null;
}

/** Organ: a group that meets and decides (or prepares decisions). */
export interface Body {
  id: number;
  slug: string;
  name: string; // the current name
  shortName: string | null;
  kind: BodyKind;
  parentId: number | null;
  names: BodyName[]; // all names, oldest first
}

export interface BodySummary extends Body {
  years: { year: number | null; meetings: number }[]; // year null: protocols whose date is unknown
}

export interface MeetingSummary {
  id: number;
  title: string | null;
  date: string | null;
  dateUnknown: boolean;
  startTime: string | null;
  endTime: string | null;
  place: string | null;
  status: MeetingStatus;
  origin: 'native' | 'imported';
  bodies: { id: number; slug: string; name: string; primary: boolean }[];
  bodyNameAtTheTime: string | null; // what the primary body was called on the meeting's date
  items: { first: number | null; last: number | null; count: number };
}

export interface Presenter {
  name: string;
  title: string | null;
  personId: number | null;
}

export interface Decision {
  id: number;
  text: string;
  clauses: string[]; // att-satser
}

/** Uppdrag: a task given by a decision to a body, group, person or huvudman. */
export interface Assignment {
  id: number;
  to: string;
  toBodyId: number | null;
  task: string;
  dueDate: string | null;
  dueText: string | null;
  status: AssignmentStatus;
}

export interface AgendaItem {
  id: number;
  number: number | null;
  title: string;
  kind: ItemKind | null;
  written: boolean; // skriftligt
  text: string;
  proposal: string | null; // förslag till beslut
  subPoints: { label: string; title: string }[];
  presenters: Presenter[];
  decisions: Decision[];
  assignments: Assignment[];
  votes: Vote[]; // omröstningar (./votes.ts)
  reservations: Reservation[];
  protocolNotes: ProtocolNote[]; // protokollsanteckningar
  immediateJustering?: ImmediateJusteringNote; // only on an item justified at once (omedelbart justerad: ./immediate-justering.ts)
}

export interface Participant {
  name: string;
  personId: number | null;
  party: string | null;
  organization: string | null;
  role: string | null;
  replaces: string | null; // ersätter
  note: string | null;
  itemsFrom: number | null; // present only for items n–m
  itemsTo: number | null;
}

export interface Signature {
  name: string;
  role: string | null;
  signedAt: string | null;
  method: string | null;
}

export interface NextMeeting {
  body: string | null;
  dateText: string;
  date: string | null;
}

/** A meeting with everything its protocol records. */
export interface Protocol extends MeetingSummary {
  diaryNumber: string | null;
  kind: 'meeting' | 'seminar';
  attendance: { present: Participant[]; absent: Participant[]; officials: Participant[] };
  agenda: AgendaItem[];
  signatures: Signature[];
  nextMeetings: NextMeeting[];
  sourceFile: { id: number; filename: string; mediaType: string } | null;
  importWarnings: string[];
}

/** An agenda item as the secretary edits it: with its internal notes and the version that guards concurrent saves. */
export interface EditorItem {
  id: number;
  number: number | null;
  title: string;
  kind: ItemKind | null;
  written: boolean;
  text: string;
  proposal: string | null;
  notes: string;
  standard: StandardItem | null;
  version: number;
  referToBodyId: number | null;
  referredFromItemId: number | null;
  reportsAssignmentId: number | null;
  presenters: { name: string; title: string | null }[];
  decisions: { text: string; clauses: string[]; outcome: DecisionOutcome | null }[];
  // id null and no status: added in the editor, not saved yet
  assignments: { id: number | null; to: string; task: string; dueDate: string | null; dueText: string | null; dueMeetingId: number | null; decisionIndex: number | null; status?: string }[];
  documents: { id: number; filename: string; mediaType: string; sizeBytes: number; sha256: string }[];
}
