/** A logical-name-friendly form of `text`: `team/api.v2` → `team-api-v2`. */
export function slug(text: string): string {
  return text
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}
