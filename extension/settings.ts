/** The extension's settings (schema/plugin.json), read defensively. */
export interface ISettings {
  serverUrl: string;
  toastSeconds: number;
}

export const DEFAULT_SETTINGS: ISettings = { serverUrl: 'http://localhost:8000', toastSeconds: 6 };

export function readSettings(composite: unknown): ISettings {
  const value = (composite && typeof composite === 'object' ? composite : {}) as Record<string, unknown>;
  const url =
    typeof value.serverUrl === 'string' && /^https?:\/\/\S+$/.test(value.serverUrl.trim())
      ? value.serverUrl.trim()
      : DEFAULT_SETTINGS.serverUrl;
  const seconds =
    typeof value.toastSeconds === 'number' && value.toastSeconds >= 1 && value.toastSeconds <= 120
      ? value.toastSeconds
      : DEFAULT_SETTINGS.toastSeconds;
  return { serverUrl: url.replace(/\/+$/, ''), toastSeconds: seconds };
}
