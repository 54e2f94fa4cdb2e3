import { Button } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { Empty, PageHeader } from './ui.js';

export function NotFoundPage() {
  const { t } = useTranslation();
  return (
    <>
      <PageHeader title={t('web.errors.not_found_title')} />
      <Empty
        title={t('web.errors.not_found_text')}
        action={
          <Button component={Link} to="/">
            {t('web.errors.back_home')}
          </Button>
        }
      />
    </>
  );
}

export function ForbiddenPage() {
  const { t } = useTranslation();
  return (
    <>
      <PageHeader title={t('web.errors.forbidden_title')} />
      <Empty
        title={t('web.errors.forbidden_text')}
        action={
          <Button component={Link} to="/">
            {t('web.errors.back_home')}
          </Button>
        }
      />
    </>
  );
}
