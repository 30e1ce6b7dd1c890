/** A server's own clock: local date and time in its IANA time zone, and checks for the settings it gives. */

/** When a server's daily post goes out, in its own time zone, until it chooses otherwise. */
export const DEFAULT_DAILY_TIME = '09:00';
/** The time zone of a server that has not chosen one. */
export const DEFAULT_TIMEZONE = 'UTC';

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    });
    formatters.set(timeZone, formatter);
  }
  return formatter;
}

export interface LocalClock {
  /** YYYY-MM-DD in the zone. */
  date: string;
  /** HH:MM, 24-hour, in the zone. */
  time: string;
}

export function localClock(instant: Date, timeZone: string): LocalClock {
  const parts: Record<string, string> = {};
  for (const part of formatterFor(timeZone).formatToParts(instant)) parts[part.type] = part.value;
  return { date: `${parts.year}-${parts.month}-${parts.day}`, time: `${parts.hour}:${parts.minute}` };
}

/** The zone's canonical name (e.g. 'utc' → 'UTC'), or undefined when Intl does not know it. */
export function canonicalTimeZone(name: string): string | undefined {
  const trimmed = name.trim();
  if (!trimmed) return undefined;
  try {
    return new Intl.DateTimeFormat('en-US', { timeZone: trimmed }).resolvedOptions().timeZone;
  } catch {
    return undefined;
  }
}

const TIME = /^([01]?\d|2[0-3]):([0-5]\d)$/;

/** 'H:MM' or 'HH:MM' (24-hour) as 'HH:MM', or undefined when malformed. */
export function normaliseDailyTime(text: string): string | undefined {
  const match = TIME.exec(text.trim());
  if (!match) return undefined;
  return `${match[1]!.padStart(2, '0')}:${match[2]}`;
}

/** Every zone name Intl knows, for autocomplete. */
export function knownTimeZones(): readonly string[] {
  return Intl.supportedValuesOf('timeZone');
}
