import * as client from 'openid-client';

// Sign-in through an organisation's identity provider (OpenID Connect, authorization code flow
// with PKCE, state and nonce). Configured by environment; absent configuration means the option
// is not offered.

export interface OidcSettings {
  issuer: string;
  clientId: string;
  clientSecret: string;
  redirectUri: string;
  name: string; // shown on the sign-in button, e.g. "Region Västerbotten"
  allowInsecure: boolean; // http issuer: for tests and development only
}

export class Oidc {
  #config: Promise<client.Configuration> | null = null;
  constructor(readonly settings: OidcSettings) {}

  private config(): Promise<client.Configuration> {
    this.#config ??= client
      .discovery(new URL(this.settings.issuer), this.settings.clientId, this.settings.clientSecret, undefined, {
        execute: this.settings.allowInsecure ? [client.allowInsecureRequests] : [],
      })
      .catch((e: unknown) => {
        this.#config = null; // try again on the next sign-in
        throw e;
      });
    return this.#config;
  }

  async authorizationUrl(): Promise<{ url: string; state: string; nonce: string; codeVerifier: string }> {
    const config = await this.config();
    const codeVerifier = client.randomPKCECodeVerifier();
    const state = client.randomState();
    const nonce = client.randomNonce();
    const url = client.buildAuthorizationUrl(config, {
      redirect_uri: this.settings.redirectUri,
      scope: 'openid email profile',
      code_challenge: await client.calculatePKCECodeChallenge(codeVerifier),
      code_challenge_method: 'S256',
      state,
      nonce,
    });
    return { url: url.href, state, nonce, codeVerifier };
  }

  /** Exchanges the code from the callback URL; returns who signed in. */
  async complete(callbackUrl: URL, expected: { state: string; nonce: string; codeVerifier: string }) {
    const config = await this.config();
    const tokens = await client.authorizationCodeGrant(config, callbackUrl, {
      pkceCodeVerifier: expected.codeVerifier,
      expectedState: expected.state,
      expectedNonce: expected.nonce,
    });
    const claims = tokens.claims();
    if (!claims) throw new Error('the identity provider returned no ID token');
    return {
      issuer: claims.iss,
      subject: claims.sub,
      email: typeof claims.email === 'string' ? claims.email.toLowerCase() : null,
      emailVerified: claims.email_verified === true,
      name: typeof claims.name === 'string' ? claims.name : null,
    };
  }
}
