/** "1 booking", "12 bookings", "1,204 bookings": a list's count as staff read it. */
export function countLabel(count: number, one: string, many: string): string {
  return `${count.toLocaleString("en-AU")} ${count === 1 ? one : many}`;
}
