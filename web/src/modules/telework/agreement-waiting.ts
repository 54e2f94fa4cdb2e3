import type { Agreement } from '../../../../src/modules/telework/contract.js';

/** Who looks at a list: their person id, and whether they are HR (telework.manage). */
export type Reader = { id: string; isHr: boolean };

/**
 * Whether an agreement waits for the reader's move: the manager decides a request and signs for the
 * employer, HR decides after the manager where the policy asks it (and may sign for the employer),
 * the employee signs their own. The detail's `actions` say it exactly; a list has no actions, so this
 * mirrors the server's workflow to put a count on the tab.
 */
export function isWaitingFor(agreement: Agreement, reader: Reader): boolean {
  const decides = agreement.managerId === reader.id;
  switch (agreement.status) {
    case 'requested':
      return decides;
    case 'awaiting_hr':
      return reader.isHr;
    case 'awaiting_signatures':
      return (
        (agreement.personId === reader.id && agreement.employeeSignature === null) ||
        (agreement.personId !== reader.id && (decides || reader.isHr) && agreement.employerSignature === null)
      );
    default:
      return false;
  }
}
