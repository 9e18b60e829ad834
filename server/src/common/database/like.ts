/**
 * A `LIKE` pattern that treats % and _ typed by a user as plain characters. The escape character
 * is '!' because MySQL and SQLite disagree about backslashes; queries say `LIKE :kw ESCAPE '!'`.
 */
export function containsPattern(text: string): string {
  return `%${text.replace(/[!%_]/g, (c) => `!${c}`)}%`;
}
