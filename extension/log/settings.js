// The mention log's settings (storage.local `logSettings`): whether there is a log at all,
// whether post texts are kept and how many days an entry is kept after it was last seen. Checked like every other input: a bad value
// is refused with the field's name and the stored settings stay as they were.

export const SETTINGS_KEY = 'logSettings';
export const DEFAULT_SETTINGS = Object.freeze({ enabled: true, keepText: true, retentionDays: 90 });
export const MAX_RETENTION_DAYS = 3650;

/** The settings in `value` (missing fields take their defaults), or an Error naming the field. */
export function checkSettings(value) {
  if (value === undefined || value === null) return { ...DEFAULT_SETTINGS };
  if (typeof value !== 'object' || Array.isArray(value)) throw new Error('logSettings: expected an object');
  for (const key of Object.keys(value)) {
    if (!Object.hasOwn(DEFAULT_SETTINGS, key)) throw new Error(`logSettings.${key.slice(0, 40)}: unknown field`);
  }
  const out = { ...DEFAULT_SETTINGS, ...value };
  if (typeof out.enabled !== 'boolean') throw new Error('logSettings.enabled: expected true or false');
  if (typeof out.keepText !== 'boolean') throw new Error('logSettings.keepText: expected true or false');
  if (!Number.isInteger(out.retentionDays) || out.retentionDays < 1 || out.retentionDays > MAX_RETENTION_DAYS) {
    throw new Error(`logSettings.retentionDays: a whole number of days from 1 to ${MAX_RETENTION_DAYS}`);
  }
  return out;
}
