import type { RoundState, SignatoryRole, SignatoryState } from './justering.js';

// Justering as the API answers it: written by the store (src/store/queries/justering.ts), sent by
// src/api/routes/justering.ts and read by the UI (web/src/pages/justering/*). One definition here,
// so the two cannot drift apart.

/** One signatory of a round, in signing order. */
export interface Signatory {
  id: number;
  position: number;
  personId: number;
  name: string;
  role: SignatoryRole;
  organization: string | null;
  state: SignatoryState;
  approvedAt: string | null;
  signedAt: string | null;
  method: string | null;
}

/** A signatory's comment on the version out on justering, and the secretary's answer. */
export interface JusteringComment {
  id: number;
  signatoryId: number;
  author: string;
  text: string;
  createdAt: string;
  answer: string | null;
  answeredAt: string | null;
  answeredBy: string | null;
}

/** A round (justeringsomgång): one frozen version, its signatories and comments. The store's signatories also carry their account. */
export interface Round<S extends Signatory = Signatory> {
  id: number;
  version: number;
  state: RoundState;
  startedAt: string;
  startedBy: string | null;
  endedAt: string | null;
  sealError: string | null;
  signatories: S[];
  comments: JusteringComment[];
}

/** A frozen version of the protocol, as sent on justering. */
export interface ProtocolVersionRef {
  version: number;
  createdAt: string;
  createdBy: string | null;
}

/** Someone who may be chosen as a signatory: from the meeting's attendance or a member of its bodies. */
export interface Candidate {
  personId: number;
  name: string;
  organization: string | null;
  source: 'attendance' | 'member';
  hasAccount: boolean;
}
