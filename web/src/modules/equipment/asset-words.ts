import type { FieldProblem } from '../../app/api.js';

/** `line.7.serial` → { line: 7, column: 'serial' }: an import problem as the person reads it. */
export function importProblemsOf(
  errors: readonly FieldProblem[],
  message: (e: FieldProblem) => string,
): { line: number | null; column: string; message: string }[] {
  return errors
    .map((error) => {
      const match = /^line\.(\d+)(?:\.(.+))?$/.exec(error.field);
      if (!match) return { line: null, column: error.field, message: message(error) };
      return { line: Number(match[1]), column: match[2] ?? '', message: message(error) };
    })
    .sort((a, b) => (a.line ?? 0) - (b.line ?? 0));
}

/** The list's filter as a query (what the page, the downloads and the label sheet share). */
export function assetFilterQuery(params: URLSearchParams): Record<string, string | undefined> {
  return {
    q: params.get('q') || undefined,
    type: params.get('type') || undefined,
    status: params.get('status') || undefined,
  };
}
