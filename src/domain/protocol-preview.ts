// The import preview: what the importer read from one protocol, before anything is stored.
// The shape is the contract in ../shared/protocol-import/FORMAT.md; field names are English,
// values keep the document's Swedish. Nothing here is guessed: unknown values are null.

export type ItemKind = 'decision' | 'information'; // beslutsärende | informationsärende

export interface PreviewParticipant {
  name: string;
  party: string | null;
  organization: string | null;
  role: string | null; // ordförande, vice ordförande …
  replaces: string | null; // "ersätter X"
  note: string | null; // "närvarande under punkten 4"; for officials the job title
}

export interface PreviewPresenter {
  name: string; // föredragande
  title: string | null;
}

export interface PreviewDecision {
  text: string;
}

export interface PreviewAssignment {
  to: string; // the receiver as written
  text: string;
}

export interface PreviewItem {
  number: number;
  title: string;
  kind: ItemKind | null;
  written: boolean; // skriftligt
  presenters: PreviewPresenter[];
  decisions: PreviewDecision[];
  assignments: PreviewAssignment[];
}

export interface PreviewSignature {
  name: string;
  role: string | null;
  signedAt: string | null; // ISO 8601 with offset
}

export interface PreviewNextMeeting {
  body: string | null;
  date: string; // as written, or ISO where the text gives a full date
}

export interface ProtocolPreview {
  source: string;
  body: string | null;
  title: string | null;
  diaryNumber: string | null;
  date: string | null; // ISO yyyy-mm-dd
  startTime: string | null; // HH:MM
  endTime: string | null;
  place: string | null;
  attendance: {
    present: PreviewParticipant[];
    absent: PreviewParticipant[];
    officials: PreviewParticipant[];
  };
  items: PreviewItem[];
  signatures: PreviewSignature[];
  nextMeetings: PreviewNextMeeting[];
}

// What the parser reads beyond the preview contract: the text of every item (for the protocol
// page and for search), the att-clauses of each decision, and the OCR repairs it made. The
// preview is this with the extra fields left out (see toPreview in src/importer).

export interface ParsedDecision extends PreviewDecision {
  clauses: string[]; // the att-clauses, each without its leading "att"; empty when none
}

export interface ParsedItem extends PreviewItem {
  decisions: ParsedDecision[];
  text: string; // the item's body as repaired, paragraphs separated by a blank line
  subPoints: { label: string; title: string }[]; // "a) nya ärenden", "- Modellområde Södra Lappland"
}

export interface OcrRepair {
  original: string;
  repaired: string;
  line: number; // 1-based line in the source text
  certain: boolean; // false: listed for a person to review
}

export interface ParsedProtocol extends ProtocolPreview {
  items: ParsedItem[];
  repairs: OcrRepair[];
  warnings: string[]; // e.g. "no date in the text: stored with the date unknown"
}
