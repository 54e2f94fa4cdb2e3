import { generateKeyPairSync } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import net from 'node:net';
import Provider from 'oidc-provider';

/** A port free right now (for a server whose own URL must be known before it starts). */
export async function freePort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

const signingKey = () =>
  generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey.export({ format: 'jwk' });

export type ProviderAccount = {
  preferred_username?: string;
  email?: string;
  email_verified?: boolean;
  name?: string;
};

export type TestProvider = {
  issuer: string;
  /** The account the provider signs in as at the next login (there is no login form to fill). */
  loginAs(accountId: string): void;
  close(): Promise<void>;
};

/**
 * A real OpenID Connect provider (oidc-provider) on 127.0.0.1: discovery, signed ID tokens, PKCE
 * required, UserInfo. Its login and consent pages answer at once for the account set by `loginAs`.
 */
export async function startTestProvider(options: {
  accounts: Record<string, ProviderAccount>;
  clients: Record<string, unknown>[];
}): Promise<TestProvider> {
  let handler: http.RequestListener = (_req, res) => res.end();
  const server = http.createServer((req, res) => handler(req, res));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  let nextAccount: string | undefined;

  const provider = new Provider(issuer, {
    clients: options.clients,
    findAccount: async (_ctx: unknown, id: string) => {
      const account = options.accounts[id];
      return account && { accountId: id, claims: async () => ({ sub: id, ...account }) };
    },
    claims: {
      openid: ['sub'],
      profile: ['preferred_username', 'name'],
      email: ['email', 'email_verified'],
    },
    features: { devInteractions: { enabled: false } },
    interactions: { url: (_ctx: unknown, interaction: { uid: string }) => `/interaction/${interaction.uid}` },
    pkce: { required: () => true },
    cookies: { keys: ['relais-test-provider-cookie-key'] },
    jwks: { keys: [{ ...signingKey(), use: 'sig', alg: 'RS256' }] },
    ttl: {
      Interaction: 600,
      Session: 3600,
      Grant: 3600,
      AuthorizationCode: 60,
      AccessToken: 600,
      IdToken: 600,
    },
  });

  const callback = provider.callback();
  handler = (req, res) => {
    if (req.url?.startsWith('/interaction/')) {
      interact(provider, req, res, nextAccount).catch((error) => {
        res.statusCode = 500;
        res.end(String(error));
      });
      return;
    }
    callback(req, res);
  };

  return {
    issuer,
    loginAs: (accountId) => {
      nextAccount = accountId;
    },
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

async function interact(
  provider: Provider,
  req: http.IncomingMessage,
  res: http.ServerResponse,
  accountId: string | undefined,
): Promise<void> {
  const details = await provider.interactionDetails(req, res);
  if (details.prompt.name === 'login') {
    if (!accountId) throw new Error('call loginAs() before the flow');
    await provider.interactionFinished(
      req,
      res,
      { login: { accountId } },
      { mergeWithLastSubmission: false },
    );
    return;
  }
  // Consent: grant what was asked, as a user clicking "Allow" would.
  const grant = new provider.Grant({
    accountId: details.session!.accountId!,
    clientId: details.params.client_id,
  });
  grant.addOIDCScope(String(details.params.scope ?? 'openid'));
  await provider.interactionFinished(
    req,
    res,
    { consent: { grantId: await grant.save() } },
    {
      mergeWithLastSubmission: true,
    },
  );
}

/** Cookies per origin, enough for a redirect chain between two local servers. */
class CookieJar {
  readonly #byOrigin = new Map<string, Map<string, string>>();

  header(url: URL): string {
    const cookies = this.#byOrigin.get(url.origin) ?? new Map();
    return [...cookies].map(([name, value]) => `${name}=${value}`).join('; ');
  }

  store(url: URL, setCookies: string[]): void {
    const cookies = this.#byOrigin.get(url.origin) ?? new Map<string, string>();
    this.#byOrigin.set(url.origin, cookies);
    for (const line of setCookies) {
      const [pair = '', ...attributes] = line.split(';');
      const [name = '', ...rest] = pair.split('=');
      const isExpired = attributes.some((a) => {
        const [key = '', value = ''] = a.trim().split('=');
        if (key.toLowerCase() === 'max-age') return Number(value) <= 0;
        if (key.toLowerCase() === 'expires') return Date.parse(value) <= Date.now();
        return false;
      });
      if (isExpired) cookies.delete(name.trim());
      else cookies.set(name.trim(), rest.join('='));
    }
  }

  get(url: URL, name: string): string | undefined {
    return this.#byOrigin.get(url.origin)?.get(name);
  }
}

export type Visit = {
  /** Every URL requested, in order. */
  hops: URL[];
  /** The redirect target the browser would show next but was not followed (a page of the web app). */
  landedOn: URL;
};

/**
 * A browser without a screen: follows redirects through Relais' API and the provider, carrying
 * cookies, and stops at the first page of the web app (or at any other site) without loading it.
 */
export class TestBrowser {
  readonly jar = new CookieJar();

  constructor(
    readonly relaisUrl: string,
    readonly providerUrl: string,
  ) {}

  async visit(start: string | URL, options: { stopBefore?: (url: URL) => boolean } = {}): Promise<Visit> {
    const hops: URL[] = [];
    let url = new URL(start, this.relaisUrl);
    for (let step = 0; step < 15; step++) {
      const isProvider = url.origin === new URL(this.providerUrl).origin;
      const isRelaisApi = url.origin === new URL(this.relaisUrl).origin && url.pathname.startsWith('/api/');
      if ((!isProvider && !isRelaisApi) || options.stopBefore?.(url)) return { hops, landedOn: url };
      hops.push(url);
      const response = await fetch(url, { redirect: 'manual', headers: { cookie: this.jar.header(url) } });
      this.jar.store(url, response.headers.getSetCookie());
      const location = response.headers.get('location');
      if (response.status < 300 || response.status >= 400 || !location) {
        throw new Error(`${url} answered ${response.status}: ${await response.text()}`);
      }
      url = new URL(location, url);
    }
    throw new Error(`too many redirects: ${hops.join(' → ')}`);
  }
}
