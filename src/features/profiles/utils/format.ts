const dateTimeFormat = new Intl.DateTimeFormat(undefined, {
  dateStyle: 'medium',
  timeStyle: 'short',
});

/** A date as the reader's locale writes it, with minutes: "4 Dec 2026, 19:55". */
export function formatDateTime(date: Date): string {
  return dateTimeFormat.format(date);
}

/** "1 behavior" / "3 behaviors". */
export function pluralize(count: number, singular: string, plural = `${singular}s`): string {
  return `${count} ${count === 1 ? singular : plural}`;
}
