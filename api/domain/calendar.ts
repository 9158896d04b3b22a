// Plain calendar days (YYYY-MM-DD, UTC), for "overdue" and "today". Working
// days, with bank holidays, are in working-days.ts.
export function dayOf(moment: Date): string {
  return moment.toISOString().slice(0, 10);
}

export function dayBefore(date: string): string {
  return dayOf(new Date(Date.parse(`${date}T00:00:00Z`) - 86_400_000));
}
