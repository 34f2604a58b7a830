// The seal's manifest: what was justerat and by whom, as canonical JSON (RFC 8785), so that the
// same content always gives the same bytes and the same SHA-256 — today and in thirty years, in
// any language that implements the RFC. It is embedded in the PDF (covered by the signature) and
// its hash is written into the signature dictionary.

import crypto from 'node:crypto';
import canonicalize from 'canonicalize';
import type { SignerEvent } from './seal-protocol.js';

export interface ManifestProtocol {
  meetingId: number;
  version: number;
  body: string;
  date: string | null;
  title: string | null;
  /** SHA-256 of the canonical JSON of the frozen protocol snapshot. */
  contentSha256: string;
}

export interface ManifestIssuer {
  system: 'Samverka';
  certificateSubject: string;
  certificateSha256: string;
  developmentCertificate: boolean;
  verifyUrl: string;
}

export interface SealManifest {
  protocol: ManifestProtocol;
  signers: SignerEvent[];
  sealedAt: string;
  issuer: ManifestIssuer;
}

export const MANIFEST_FILENAME = 'manifest.json';

export function sha256Hex(bytes: Uint8Array | string): string {
  return crypto.createHash('sha256').update(bytes).digest('hex');
}

/** RFC 8785 canonical JSON; refuses what JSON cannot hold (undefined, functions, non-finite numbers). */
export function canonicalJson(value: unknown): string {
  const text = canonicalize(value);
  if (text === undefined) throw new Error('the value has no JSON form');
  return text;
}

interface SnapshotFacts {
  bodyNameAtTheTime?: string | null;
  bodies?: { name: string; primary: boolean }[];
  date?: string | null;
  title?: string | null;
}

/** The facts of a frozen getProtocol() snapshot the manifest names (the snapshot is otherwise opaque here). */
export function snapshotFacts(snapshot: unknown): { body: string; date: string | null; title: string | null } {
  const s = (snapshot && typeof snapshot === 'object' ? snapshot : {}) as SnapshotFacts;
  const body = s.bodyNameAtTheTime ?? s.bodies?.find((b) => b.primary)?.name ?? s.bodies?.[0]?.name ?? '';
  return { body, date: s.date ?? null, title: s.title ?? null };
}

export function buildManifest(input: {
  meetingId: number;
  version: number;
  snapshot: unknown;
  signers: SignerEvent[];
  sealedAt: Date;
  issuer: ManifestIssuer;
}): { manifest: SealManifest; canonical: string; sha256: string; snapshotCanonical: string } {
  const snapshotCanonical = canonicalJson(input.snapshot);
  const manifest: SealManifest = {
    protocol: { meetingId: input.meetingId, version: input.version, ...snapshotFacts(input.snapshot), contentSha256: sha256Hex(snapshotCanonical) },
    signers: input.signers.map((s) => ({
      name: s.name, role: s.role, organization: s.organization, method: s.method, signedAt: new Date(s.signedAt).toISOString(), personId: s.personId, accountId: s.accountId,
    })),
    sealedAt: input.sealedAt.toISOString(),
    issuer: input.issuer,
  };
  const canonical = canonicalJson(manifest);
  return { manifest, canonical, sha256: sha256Hex(canonical), snapshotCanonical };
}

/** Reads a manifest back, checking its shape enough to report on it; null when it is not one of ours. */
export function parseManifest(text: string): SealManifest | null {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return null;
  }
  const m = value as Partial<SealManifest> | null;
  if (!m || typeof m !== 'object' || !m.protocol || !Array.isArray(m.signers) || typeof m.sealedAt !== 'string') return null;
  if (typeof m.protocol.meetingId !== 'number' || typeof m.protocol.version !== 'number') return null;
  return m as SealManifest;
}
