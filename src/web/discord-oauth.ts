/**
 * The Activity's sign-in: the page gets a one-time code from Discord's client and the server trades it
 * for an access token at Discord's token endpoint, with the client secret that never leaves the server.
 */
import { z } from 'zod';

export interface DiscordOAuthSettings {
  readonly clientId: string;
  readonly clientSecret: string;
  /** Discord's API base, e.g. https://discord.com/api (or a test double). */
  readonly apiUrl: string;
}

const tokenResponse = z.object({
  access_token: z.string().min(1),
  token_type: z.string(),
  expires_in: z.number(),
  scope: z.string(),
});

export type TokenExchange =
  | { readonly ok: true; readonly accessToken: string; readonly expiresIn: number; readonly scope: string }
  | { readonly ok: false; readonly status: number; readonly message: string };

export async function exchangeCode(settings: DiscordOAuthSettings, code: string, fetchFn: typeof fetch = fetch): Promise<TokenExchange> {
  let response: Response;
  try {
    // The API base (DISCORD_API_URL) has no version; the token endpoint is versioned like the rest.
    response = await fetchFn(`${settings.apiUrl}/v10/oauth2/token`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({
        client_id: settings.clientId,
        client_secret: settings.clientSecret,
        grant_type: 'authorization_code',
        code,
      }),
      signal: AbortSignal.timeout(10_000),
    });
  } catch {
    return { ok: false, status: 502, message: 'Discord could not be reached to sign you in; try again in a moment.' };
  }
  if (response.status === 400 || response.status === 401) {
    return { ok: false, status: 400, message: 'Discord did not accept that sign-in code (it may have been used already or expired); reopen the Activity.' };
  }
  if (!response.ok) return { ok: false, status: 502, message: `Discord answered the sign-in with an error (${response.status}); try again in a moment.` };
  const parsed = tokenResponse.safeParse(await response.json().catch(() => undefined));
  if (!parsed.success) return { ok: false, status: 502, message: 'Discord answered the sign-in in a shape this server does not understand.' };
  return { ok: true, accessToken: parsed.data.access_token, expiresIn: parsed.data.expires_in, scope: parsed.data.scope };
}
