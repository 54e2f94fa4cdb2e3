/**
 * The address's query with one parameter set (or removed when `value` is empty); a filter change
 * also goes back to the first page. It starts from the address as it is now, not as of the last
 * render: react-router hands a function update the parameters of the last render, so a filter picked
 * while the search box's pause runs was undone by the search box writing its text a moment later.
 */
export function withParam(
  name: string,
  value: string | null,
  options: { resetPage?: boolean } = {},
): URLSearchParams {
  const next = new URLSearchParams(window.location.search);
  if (value) next.set(name, value);
  else next.delete(name);
  if (options.resetPage && name !== 'page') next.delete('page');
  return next;
}
