/** Parses durations such as "30m", "12h", "7d" or a number of seconds, into milliseconds. */
export function parseDuration(value: string): number {
  const match = /^\s*(\d+)\s*(s|m|h|d)?\s*$/.exec(value);
  if (!match) throw new Error(`"${value}" is not a duration (examples: 90s, 30m, 12h, 7d)`);
  const unit = { s: 1, m: 60, h: 3600, d: 86400 }[(match[2] ?? 's') as 's' | 'm' | 'h' | 'd'];
  return Number(match[1]) * unit * 1000;
}
