import { Button, Group } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { withQuery } from '../../app/api.js';

/**
 * The XLSX and CSV of what a telework page shows, as two plain links (the browser saves the file),
 * made by the server from the page's own route with `format`. The labels are the page's
 * (`keys.download_xlsx`, `keys.download_csv`).
 */
export function DownloadLinks(props: {
  path: string;
  query: Record<string, string | number | undefined>;
  keys: string;
  isDisabled?: boolean;
}) {
  const { t } = useTranslation();
  const href = (format: 'csv' | 'xlsx') => withQuery(`/api/v1${props.path}`, { ...props.query, format });
  return (
    <Group gap="xs">
      <Button component="a" variant="default" href={href('xlsx')} download disabled={props.isDisabled}>
        {t(`${props.keys}.download_xlsx`)}
      </Button>
      <Button component="a" variant="default" href={href('csv')} download disabled={props.isDisabled}>
        {t(`${props.keys}.download_csv`)}
      </Button>
    </Group>
  );
}
