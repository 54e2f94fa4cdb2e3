/** Only paths of this site: a crafted login link must not send someone elsewhere after login. */
export const safeReturnTo = (value: string | null): string =>
  value?.startsWith('/') && !value.startsWith('//') && !value.startsWith('/\\') ? value : '/';
