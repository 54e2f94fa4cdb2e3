import { TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';

type Change = (event: { currentTarget: { value: string } }) => void;

/**
 * The first and last day of a rate or a crisis measure (the last one optional: open-ended), with
 * the server's refusal beside each. Labels are the page's (`keys.start_date`, `keys.end_date`).
 */
export function PeriodFields(props: {
  keys: string;
  startDate: string;
  endDate: string;
  onStartDate: Change;
  onEndDate: Change;
  error: (field: 'startDate' | 'endDate') => string | undefined;
}) {
  const { t } = useTranslation();
  return (
    <>
      <TextInput
        type="date"
        label={t(`${props.keys}.start_date`)}
        value={props.startDate}
        onChange={props.onStartDate}
        error={props.error('startDate')}
        required
      />
      <TextInput
        type="date"
        label={t(`${props.keys}.end_date`)}
        description={t(`${props.keys}.end_date_help`)}
        value={props.endDate}
        onChange={props.onEndDate}
        error={props.error('endDate')}
      />
    </>
  );
}
