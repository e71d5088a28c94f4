/**
 * Reading text fields out of a submitted form.
 */

/** The text of a field, or '' when it is missing or a file. */
export function formText(data: FormData, name: string): string {
  const value = data.get(name);
  return typeof value === 'string' ? value : '';
}
