import type { DispatchReason, DispatchState, RecipientChoice, RecipientKind } from '../../../../src/domain/expedition';

// The expediering API's answers as the pages read them (src/api/routes/expedition.ts).

export interface Recipient {
  kind: RecipientKind;
  name: string;
  huvudmanId: number | null;
  bodyId: number | null;
}

export interface Proposed extends Recipient {
  key: string;
  addresses: string[];
  reasons: DispatchReason[];
  deadline: string | null;
  problem: 'no-address' | 'already-sent' | 'no-number' | null;
  dispatchId: number | null;
}

export interface Dispatch {
  id: number;
  reference: string;
  meetingId: number;
  itemId: number | null;
  itemNumber: number | null;
  itemTitle: string;
  recipient: Recipient;
  addresses: string[];
  reasons: DispatchReason[];
  deadline: string | null;
  state: DispatchState;
  attempt: number;
  sentAt: string | null;
  bouncedAt: string | null;
  bounceReason: string | null;
  lastError: string | null;
  diaryNumber: string | null;
  registeredAt: string | null;
  registeredBy: string | null;
}

export interface Panel {
  meeting: { id: number; date: string | null; bodyName: string; origin: 'native' | 'imported' };
  proposals: { itemId: number; number: number | null; title: string; recipients: Proposed[] }[];
  items: { id: number; number: number; title: string }[];
  huvudman: { id: number; name: string; hasAddress: boolean }[];
  bodies: { id: number; name: string; hasAddress: boolean }[];
  dispatches: Dispatch[];
}

/** One chosen item to one recipient, as the send request takes it. */
export interface Chosen {
  itemId: number;
  recipient: RecipientChoice;
}

export interface Registration {
  reference: string;
  recipient: string;
  body: string;
  meetingDate: string | null;
  itemNumber: number | null;
  itemTitle: string;
  decisionTexts: string[];
  reasons: DispatchReason[];
  deadline: string | null;
  state: DispatchState;
  diaryNumber: string | null;
  registeredAt: string | null;
}

/** A time as Swedes read it: 2024-02-23 13:40, Swedish time. */
export function stockholm(iso: string): string {
  return new Intl.DateTimeFormat('sv-SE', { dateStyle: 'short', timeStyle: 'short', timeZone: 'Europe/Stockholm' }).format(new Date(iso));
}

export type Say = (text: string, error?: boolean) => void;
