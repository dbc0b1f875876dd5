/**
 * Durations as a clock shows them: speaking time "0:15", "3:00", an hour and more "1:02:05".
 * Minutes and seconds, never a rounded "0 min" for a fifteen-second point of order.
 */
export function clock(seconds: number): string {
  const s = Math.abs(Math.round(seconds));
  const two = (n: number) => String(n).padStart(2, '0');
  return s >= 3600 ? `${Math.floor(s / 3600)}:${two(Math.floor((s % 3600) / 60))}:${two(s % 60)}` : `${Math.floor(s / 60)}:${two(s % 60)}`;
}
