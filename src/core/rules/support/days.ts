/** "1 day", "17 days": a count of calendar days as a message reads it. */
export function formatDays(days: number): string {
  return Math.abs(days) === 1 ? `${days} day` : `${days} days`;
}
