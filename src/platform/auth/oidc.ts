import type { Kysely } from 'kysely';
import * as oidc from 'openid-client';
import type { Config } from '../config.js';
import { type OidcRequest, saveOidcRequest, takeOidcRequest } from './oidc-requests.js';
import { identityHints } from './oidc-rules.js';
import type { AuthTables } from './tables.js';

/** Where the provider sends the browser back; register `${RELAIS_PUBLIC_URL}` + this at the provider. */
export const OIDC_CALLBACK_PATH = '/api/v1/auth/oidc/callback';

export type OidcSettings = {
  issuer: string;
  clientId: string;
  /** Absent for a public client, which proves itself with PKCE alone. */
  clientSecret?: string;
  usernameClaim: string;
  redirectUri: string;
};

/** The single sign-on settings, or undefined when OIDC_ISSUER and OIDC_CLIENT_ID are not set. */
export function oidcSettings(config: Config): OidcSettings | undefined {
  if (!config.OIDC_ISSUER || !config.OIDC_CLIENT_ID) return undefined;
  return {
    issuer: config.OIDC_ISSUER,
    clientId: config.OIDC_CLIENT_ID,
    ...(config.OIDC_CLIENT_SECRET && { clientSecret: config.OIDC_CLIENT_SECRET }),
    usernameClaim: config.OIDC_USERNAME_CLAIM,
    redirectUri: `${config.publicUrl}${OIDC_CALLBACK_PATH}`,
  };
}

/**
 * The provider's verified answer about who logged in: `issuer` and `subject` (the ID token's `iss`
 * and `sub`) name the provider's account for good; the other claims may change.
 */
export type OidcOutcome = {
  issuer: string;
  subject: string;
  claims: Record<string, unknown>;
  returnTo: string;
};

/**
 * Talks to the OpenID Connect provider. Discovery happens at the first login, not at start: the
 * provider may be down while Relais starts, and password login must still work then. A failed
 * discovery is not kept, so the next login tries again.
 */
export class OidcClient {
  #configuration: Promise<oidc.Configuration> | undefined;

  constructor(readonly settings: OidcSettings) {}

  configuration(): Promise<oidc.Configuration> {
    if (!this.#configuration) {
      const { issuer, clientId, clientSecret } = this.settings;
      const discovery = oidc.discovery(
        new URL(issuer),
        clientId,
        clientSecret ? { client_secret: clientSecret } : undefined,
        // client_secret_basic is the registration default of OIDC (and of most providers).
        clientSecret ? oidc.ClientSecretBasic(clientSecret) : oidc.None(),
        {
          timeout: 10,
          // An http:// issuer is the operator's explicit choice (a provider on the same host or a test).
          ...(issuer.startsWith('http://') && { execute: [oidc.allowInsecureRequests] }),
        },
      );
      this.#configuration = discovery;
      discovery.catch(() => {
        if (this.#configuration === discovery) this.#configuration = undefined;
      });
    }
    return this.#configuration;
  }

  /**
   * Starts a login: fresh state, nonce and PKCE verifier, kept in the database (any instance may
   * receive the callback). Returns the provider URL to send the browser to, and the state.
   */
  async start(db: Kysely<any>, returnTo: string): Promise<{ url: URL; state: string }> {
    const configuration = await this.configuration();
    const request: OidcRequest = {
      state: oidc.randomState(),
      nonce: oidc.randomNonce(),
      codeVerifier: oidc.randomPKCECodeVerifier(),
      returnTo,
    };
    await saveOidcRequest(db as Kysely<AuthTables>, request);
    const url = oidc.buildAuthorizationUrl(configuration, {
      redirect_uri: this.settings.redirectUri,
      scope: 'openid profile email',
      state: request.state,
      nonce: request.nonce,
      code_challenge: await oidc.calculatePKCECodeChallenge(request.codeVerifier),
      code_challenge_method: 'S256',
    });
    return { url, state: request.state };
  }

  /**
   * Finishes a login from the callback's query: the state must be one this site issued (used once,
   * within ten minutes), then the code is exchanged with the PKCE verifier and the ID token's
   * signature, audience and nonce are checked. Returns undefined for an unknown or spent state.
   */
  async finish(db: Kysely<any>, state: string, query: URLSearchParams): Promise<OidcOutcome | undefined> {
    const request = await takeOidcRequest(db as Kysely<AuthTables>, state);
    if (!request) return undefined;
    const configuration = await this.configuration();
    const currentUrl = new URL(this.settings.redirectUri);
    currentUrl.search = query.toString();
    const tokens = await oidc.authorizationCodeGrant(configuration, currentUrl, {
      pkceCodeVerifier: request.codeVerifier,
      expectedState: request.state,
      expectedNonce: request.nonce,
      idTokenExpected: true,
    });
    const idClaims = tokens.claims();
    if (!idClaims) throw new Error('the provider returned no ID token');
    let claims: Record<string, unknown> = { ...idClaims };
    const hints = identityHints(claims, this.settings.usernameClaim);
    // Conforming providers put profile claims only in UserInfo unless asked otherwise.
    if ((!hints.username || !hints.email) && configuration.serverMetadata().userinfo_endpoint) {
      const userInfo = await oidc.fetchUserInfo(configuration, tokens.access_token, idClaims.sub);
      claims = { ...userInfo, ...claims };
    }
    // openid-client has checked `iss` against the discovered issuer and that `sub` is present.
    return { issuer: idClaims.iss, subject: idClaims.sub, claims, returnTo: request.returnTo };
  }
}
