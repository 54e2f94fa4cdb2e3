import { formatEnterpriseNumber, formatNiss, maskNiss } from '../directory/index.js';

// Masks keep enough to tell two callers apart on the phone ("the one born 30 July 1985, number
// ending in 12"), not enough to reuse the data.

export const maskEmail = (email: string): string => {
  const at = email.lastIndexOf('@');
  return at <= 0 ? '***' : `${email[0]}***${email.slice(at)}`;
};

export const maskPhone = (phone: string): string => {
  const digits = phone.replace(/\D/g, '');
  return `*** ** ** ${digits.slice(-2)}`;
};

/** A name on a social network, for a reader who may not see it: its first sign, to tell two apart. */
export const maskHandle = (handle: string): string => `${[...handle][0] ?? ''}***`;

export type RequesterData = {
  niss: string | null;
  enterprise_number: string | null;
  email: string | null;
  phone: string | null;
};

/** The requester's identifiers as a reader sees them: written out in full, or masked. */
export function presentRequester(data: RequesterData, inFull: boolean): RequesterData {
  return {
    niss: data.niss && (inFull ? formatNiss(data.niss) : maskNiss(data.niss)),
    // An enterprise number is public (the BCE/KBO publishes it): never masked.
    enterprise_number: data.enterprise_number && formatEnterpriseNumber(data.enterprise_number),
    email: data.email && (inFull ? data.email : maskEmail(data.email)),
    phone: data.phone && (inFull ? data.phone : maskPhone(data.phone)),
  };
}

export const holdsPersonalData = (data: RequesterData): boolean =>
  data.niss !== null || data.email !== null || data.phone !== null;
