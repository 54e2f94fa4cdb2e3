import { type Static, Type } from 'typebox';

export const RetentionRunView = Type.Object({
  id: Type.String(),
  cutoff: Type.String(),
  anonymised: Type.Integer(),
  started_at: Type.String(),
  finished_at: Type.String(),
});
export type RetentionRunView = Static<typeof RetentionRunView>;
export const RetentionRuns = Type.Object({
  retention_days: Type.Integer(),
  runs: Type.Array(RetentionRunView),
});
