import { Button, Menu } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { EXPORT_FORMATS } from '../../../src/platform/exports/contract.js';
import { withQuery } from './api.js';

/**
 * "Download" for a table: every row matching the screen's filters, as CSV or Excel, made by the
 * server from the same API route as the screen with `format=csv|xlsx` (streamed, so a hundred
 * thousand rows download as easily as ten). Plain links: the browser saves the file itself.
 */
export function TableDownload(props: {
  path: string;
  query: Record<string, string | number | undefined>;
  /** When a screen offers more than one table: which one this downloads. */
  label?: string;
}) {
  const { t } = useTranslation();
  return (
    <Menu position="bottom-end" withinPortal>
      <Menu.Target>
        <Button variant="default" title={t('web.common.download_help')}>
          {props.label ?? t('web.common.download')}
        </Button>
      </Menu.Target>
      <Menu.Dropdown>
        {EXPORT_FORMATS.map((format) => (
          <Menu.Item
            key={format}
            component="a"
            href={withQuery(`/api/v1${props.path}`, { ...props.query, format })}
            download
          >
            {t(`web.common.download_${format}`)}
          </Menu.Item>
        ))}
      </Menu.Dropdown>
    </Menu>
  );
}
