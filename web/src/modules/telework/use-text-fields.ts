import { useState } from 'react';

/** A form's text values and a change handler per field name (`set('startDate')`). */
export function useTextFields<Values extends Record<string, string>>(empty: Values) {
  const [values, setValues] = useState(empty);
  const set = (name: keyof Values) => (event: { currentTarget: { value: string } }) => {
    const value = event.currentTarget.value;
    setValues((v) => ({ ...v, [name]: value }));
  };
  return { values, setValues, set };
}
