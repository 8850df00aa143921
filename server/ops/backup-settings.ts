// Where backups go and how the server's daily ones are made, from the environment.
import { join, resolve } from 'node:path';

export interface BackupSettings {
  /** TALON_BACKUP_DIR, default <data folder>/backups. */
  folder: string;
  /** TALON_BACKUPS_KEPT, default 14: how many daily backups are kept; 0 makes none. */
  kept: number;
  /** TALON_BACKUP_HOUR, default 3: the local hour from which the day's backup is due. */
  hour: number;
}

class BackupSettingError extends Error {}

export function backupFolder(env: NodeJS.ProcessEnv, dataDir: string): string {
  return resolve(env.TALON_BACKUP_DIR || join(dataDir, 'backups'));
}

export function backupSettings(env: NodeJS.ProcessEnv, dataDir: string): BackupSettings {
  return {
    folder: backupFolder(env, dataDir),
    kept: wholeNumber(env, 'TALON_BACKUPS_KEPT', 14, 0, 3650),
    hour: wholeNumber(env, 'TALON_BACKUP_HOUR', 3, 0, 23),
  };
}

/** A mistyped setting stops the start: running without the backups someone asked for is worse. */
function wholeNumber(env: NodeJS.ProcessEnv, name: string, fallback: number, min: number, max: number): number {
  const text = env[name]?.trim();
  if (!text) return fallback;
  const value = Number(text);
  if (!Number.isInteger(value) || value < min || value > max) throw new BackupSettingError(`${name} must be a whole number from ${min} to ${max}, not "${text}"`);
  return value;
}
