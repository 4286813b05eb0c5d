// Where the chain and the vault are. By default both are reached through the origin that
// served the app (vite.config.ts forwards /rpc and the vault API); `?node=ws://…&vault=http://…`
// points elsewhere (a vault elsewhere must then send CORS headers), and `?vaultOrg=N` names the
// care organisation whose vault keeps new records. Query values are remembered for the tab.

export interface AppConfig {
  readonly nodeUrl: string;
  readonly vaultUrl: string;
  /** The organisation id anchors name as the keeper of new ciphertexts. */
  readonly vaultOrg: number;
}

const KEY = 'ruralmed.config';

function fromQuery(): Partial<Record<'node' | 'vault' | 'vaultOrg', string>> {
  const params = new URLSearchParams(window.location.search);
  const out: Partial<Record<'node' | 'vault' | 'vaultOrg', string>> = {};
  for (const name of ['node', 'vault', 'vaultOrg'] as const) {
    const value = params.get(name);
    if (value !== null && value !== '') out[name] = value;
  }
  return out;
}

export function loadConfig(): AppConfig {
  let saved: Partial<Record<'node' | 'vault' | 'vaultOrg', string>> = {};
  try {
    saved = JSON.parse(sessionStorage.getItem(KEY) ?? '{}') as typeof saved;
  } catch {
    saved = {};
  }
  const merged = { ...saved, ...fromQuery() };
  sessionStorage.setItem(KEY, JSON.stringify(merged));
  const wsScheme = window.location.protocol === 'https:' ? 'wss:' : 'ws:';
  const vaultOrg = Number(merged.vaultOrg ?? '0');
  return {
    nodeUrl: merged.node ?? `${wsScheme}//${window.location.host}/rpc`,
    vaultUrl: (merged.vault ?? window.location.origin).replace(/\/$/, ''),
    vaultOrg: Number.isInteger(vaultOrg) && vaultOrg >= 0 ? vaultOrg : 0,
  };
}
