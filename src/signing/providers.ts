// E-signing providers (e-underskriftstjänster): how a signatory proves who they are when they sign
// a protocol. Samverka has one built in — the signatory's own Samverka account, after signing in
// again — and external services (BankID, Freja eID, Comfact Signature, Scrive) plug in behind this
// interface. NONE IS CONNECTED: there is no code here that talks to any of them, and nothing in
// Samverka claims otherwise. docs/signing.md says what connecting one takes.

/** How sure the identification is, in the terms of the Swedish framework for e-identification (tillitsnivå). */
export type AssuranceLevel = 'account' | 'loa2' | 'loa3' | 'loa4';

/** What a signing is about: the protocol version and its content hash, shown to the signer by services that display it. */
export interface SigningRequest {
  meetingId: number;
  version: number;
  /** SHA-256 of the canonical protocol snapshot (the manifest's contentSha256). */
  contentSha256: string;
  /** What the signer is asked to confirm, in Swedish ("Jag justerar protokollet …"). */
  text: string;
  signer: { name: string; personId: number | null; accountId: number | null; email: string | null };
  /** Where the service sends the signer back (the justering page). */
  returnUrl: string;
}

export type SigningStatus =
  | { state: 'pending'; hint?: string } // waiting for the signer (the app is open, the code is scanned …)
  | { state: 'completed'; result: SigningResult }
  | { state: 'failed'; reason: 'cancelled' | 'expired' | 'rejected' | 'error'; message: string };

export interface SigningResult {
  /** The method as the signature page prints it: "Svensk e-legitimation (BankID)", "Samverka-konto, lösenord". */
  method: string;
  assurance: AssuranceLevel;
  /** The signer's name as the service identified them: it must match the signatory. */
  identifiedName: string;
  /** The service's transaction reference, kept with the signing event (the example's IDENTIFIKATIONS-ID). */
  reference: string | null;
  signedAt: Date;
  /** The service's own evidence (a signed XML or JWS), stored as given. */
  evidence: Uint8Array | null;
}

export interface StartedSigning {
  /** The provider's id of this signing, to poll or to match the callback. */
  id: string;
  /** Where to send the signer's browser, or null when the service reaches them another way (an app). */
  redirectUrl: string | null;
  /** For BankID-like services: a QR code or autostart token the page shows. */
  autoStartToken: string | null;
}

export interface ESigningProvider {
  readonly id: string; // 'samverka-konto', 'bankid', 'freja', 'comfact', 'scrive'
  readonly name: string; // shown to the signer
  /** Whether this installation can use it (configured, reachable). */
  available(): boolean;
  start(request: SigningRequest): Promise<StartedSigning>;
  /** Asked every few seconds until it is not pending; a service with callbacks answers from what the callback stored. */
  poll(id: string): Promise<SigningStatus>;
  /** A service's callback (webhook) to Samverka, verified by the provider; null when the body is not one of its. */
  callback?(body: Uint8Array, headers: Record<string, string>): Promise<{ id: string; status: SigningStatus } | null>;
  cancel(id: string): Promise<void>;
}

/**
 * The built-in provider: the signatory signs in Samverka itself, having just proved who they are
 * (their password again, or a sign-in through the organisation's identity provider within the last
 * minutes). The justering workflow checks that proof; this provider only names the method.
 */
export class SamverkaAccountProvider implements ESigningProvider {
  readonly id = 'samverka-konto';
  readonly name = 'Samverka-konto';

  available(): boolean {
    return true;
  }

  async start(request: SigningRequest): Promise<StartedSigning> {
    return { id: `${request.meetingId}:${request.version}:${request.signer.accountId ?? 'x'}`, redirectUrl: null, autoStartToken: null };
  }

  /** The account's fresh authentication has been checked by the caller, which passes how. */
  static result(how: { password: true } | { oidcName: string }, name: string, at = new Date()): SigningResult {
    return {
      method: 'password' in how ? 'Samverka-konto, lösenord' : `Inloggning via ${how.oidcName}`,
      assurance: 'account',
      identifiedName: name,
      reference: null,
      signedAt: at,
      evidence: null,
    };
  }

  async poll(): Promise<SigningStatus> {
    return { state: 'failed', reason: 'error', message: 'Samverka-konto signerar direkt i justeringen; det finns inget att vänta på.' };
  }

  async cancel(): Promise<void> {}
}

/** The providers this installation offers: only the built-in one. */
export function signingProviders(): ESigningProvider[] {
  return [new SamverkaAccountProvider()];
}
