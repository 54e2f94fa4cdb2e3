/** The bare address of a From value: `Relais <crisis@relais.example>` → `crisis@relais.example`. */
export function addressOf(from: string): string {
  const match = from.match(/<([^<>\s]+@[^<>\s]+)>/);
  return (match?.[1] ?? from).trim().toLowerCase();
}
