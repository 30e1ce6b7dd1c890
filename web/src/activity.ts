/**
 * Inside Discord (an Activity), the page signs the person in through the Embedded App SDK: Discord's
 * client gives a one-time code, our server trades it for a token (its secret never reaches this bundle),
 * and the SDK authenticates with it. Outside Discord nothing of this runs and nothing is needed.
 */
export async function startActivity(query: URLSearchParams, show: (text: string) => void): Promise<void> {
  // Discord opens an Activity with these in the URL; a plain visit has none.
  if (!query.has('frame_id') || !query.has('instance_id')) return;
  try {
    const config = (await (await fetch('/api/activity')).json()) as { clientId: string | null };
    if (!config.clientId) return;
    // Loaded only inside Discord, so the page outside it stays small.
    const { DiscordSDK } = await import('@discord/embedded-app-sdk');
    const sdk = new DiscordSDK(config.clientId);
    await sdk.ready();
    const { code } = await sdk.commands.authorize({ client_id: config.clientId, response_type: 'code', state: '', prompt: 'none', scope: ['identify'] });
    const response = await fetch('/api/token', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ code }) });
    if (!response.ok) {
      show(((await response.json()) as { error?: string }).error ?? 'Signing in did not work; the playground works anyway.');
      return;
    }
    const { access_token } = (await response.json()) as { access_token: string };
    const auth = await sdk.commands.authenticate({ access_token });
    show(`Playing as ${auth.user.global_name ?? auth.user.username}`);
  } catch {
    show('Signing in with Discord did not work; the playground works anyway.');
  }
}
