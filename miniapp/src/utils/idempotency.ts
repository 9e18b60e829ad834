/**
 * A key for one submission (点单): the server answers a repeated key with the first result, so a retry
 * after a lost response cannot order twice. 8–64 characters of [A-Za-z0-9_-].
 */
export function newIdempotencyKey(): string {
  const random = () => Math.floor(Math.random() * 0x100000000).toString(36);
  return `k-${Date.now().toString(36)}-${random()}${random()}`;
}
