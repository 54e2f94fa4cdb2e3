import {
  Anchor,
  Badge,
  Button,
  Group,
  NativeSelect,
  Paper,
  SimpleGrid,
  Stack,
  Table,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { INQUIRY_LANGUAGES } from '../../../../src/modules/inquiries/contract.js';
import { formatInstant } from '../../app/format.js';
import { missingFields, requiredFieldsError } from '../../app/problems.js';
import { Empty, ErrorState, LoadingState, PageHeader, Pager } from '../../app/ui.js';
import {
  backofficeActions,
  type InquiryLanguage,
  type PartnerRequestView,
  useInquiry,
  useInquiryList,
  usePartnerRequests,
} from './backoffice-api.js';
import { ActionForm, useInquirySubmission } from './backoffice-form.js';
import { excerpt, latestSearchParams } from './backoffice-format.js';
import { InquiryStatusBadge } from './inquiry-labels.js';
import './backoffice.css';

const K = 'web.inquiries.portal';
const PAGE_SIZE = 20;

/**
 * A fund's portal: the institute's requests about its members' files, to answer, and the fund's
 * own questions to the institute, with their answers. The server shows a fund only its own.
 */
export function PartnerPortalPage() {
  const { t } = useTranslation();
  return (
    <>
      <PageHeader title={t('web.areas.inqPortal.title')} description={t(`${K}.intro`)} />
      <Stack gap="xl">
        <RequestsSection />
        <QuestionsSection />
      </Stack>
    </>
  );
}

function Person(props: { person: PartnerRequestView['person'] }) {
  const { t } = useTranslation();
  const { name, niss, enterprise_number } = props.person;
  const rows: [string, string | null][] = [
    [t(`${K}.person.name`), name],
    [t(`${K}.person.niss`), niss],
    [t(`${K}.person.enterprise_number`), enterprise_number],
  ];
  const shown = rows.filter(([, value]) => value);
  if (shown.length === 0) return null;
  return (
    <dl className="inq-sla-details">
      {shown.map(([label, value]) => (
        <div key={label}>
          <dt>{label}</dt>
          <dd>{value}</dd>
        </div>
      ))}
    </dl>
  );
}

/** One open request: what the institute asks, about whom, and the fund's answer. */
function OpenRequest(props: { request: PartnerRequestView }) {
  const { t } = useTranslation();
  const { request } = props;
  const submission = useInquirySubmission();
  const [answer, setAnswer] = useState('');
  const id = `portal-request-${request.id}`;
  const send = () => {
    if (!answer.trim()) return submission.fail(requiredFieldsError(['answer']));
    void submission.run(async () => {
      await backofficeActions.answerPartnerRequest(request.id, answer.trim());
      return t(`${K}.requests.answered_notice`, { ref: request.inquiry_ref });
    });
  };
  return (
    <ActionForm
      id={id}
      title={t(`${K}.requests.about`, { ref: request.inquiry_ref })}
      headingOrder={4}
      help={t(`${K}.requests.asked_at`, { date: formatInstant(request.asked_at) })}
      submission={submission}
      fields={['answer']}
      submitLabel={t(`${K}.requests.submit`)}
      onSubmit={send}
    >
      {(errors) => (
        <>
          <Person person={request.person} />
          <div>
            <Text size="sm" fw={600}>
              {t(`${K}.requests.question`)}
            </Text>
            <Text size="sm" className="inq-prewrap">
              {request.question}
            </Text>
          </div>
          <Textarea
            name="answer"
            label={t(`${K}.requests.answer`)}
            required
            autosize
            minRows={3}
            maxRows={12}
            value={answer}
            onChange={(event) => setAnswer(event.currentTarget.value)}
            error={errors.answer}
          />
        </>
      )}
    </ActionForm>
  );
}

function RequestsSection() {
  const { t } = useTranslation();
  const open = usePartnerRequests('open');
  const answered = usePartnerRequests('answered');
  return (
    <section aria-labelledby="portal-requests-title">
      <Title order={2} fz="h3" id="portal-requests-title" mb={4}>
        {t(`${K}.requests.title`)}
      </Title>
      <Text size="sm" c="dimmed" mb="md">
        {t(`${K}.requests.intro`)}
      </Text>
      <Title order={3} fz="h4" mb="sm">
        {t(`${K}.requests.open_title`, { count: open.data?.total ?? 0 })}
      </Title>
      {open.isPending ? (
        <LoadingState />
      ) : open.isError ? (
        <ErrorState error={open.error} onRetry={() => void open.refetch()} />
      ) : open.data.items.length === 0 ? (
        <Empty title={t(`${K}.requests.none_open`)} />
      ) : (
        <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md">
          {open.data.items.map((request) => (
            <OpenRequest key={request.id} request={request} />
          ))}
        </SimpleGrid>
      )}
      <Title order={3} fz="h4" mt="lg" mb="sm">
        {t(`${K}.requests.answered_title`)}
      </Title>
      {answered.isPending ? (
        <LoadingState />
      ) : answered.isError ? (
        <ErrorState error={answered.error} onRetry={() => void answered.refetch()} />
      ) : answered.data.items.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t(`${K}.requests.none_answered`)}
        </Text>
      ) : (
        <Stack gap="sm" component="ul" className="inq-mini-thread">
          {answered.data.items.map((request) => (
            <li key={request.id} data-kind="answer">
              <Text size="sm" fw={600}>
                {t(`${K}.requests.answered_line`, {
                  ref: request.inquiry_ref,
                  date: formatInstant(request.answered_at),
                })}
              </Text>
              <Person person={request.person} />
              <Text size="sm" className="inq-prewrap">
                <Text span fw={600} size="sm">
                  {t(`${K}.requests.question`)}:
                </Text>{' '}
                {request.question}
              </Text>
              <Text size="sm" className="inq-prewrap">
                <Text span fw={600} size="sm">
                  {t(`${K}.requests.your_answer`)}:
                </Text>{' '}
                {request.answer}
              </Text>
            </li>
          ))}
        </Stack>
      )}
    </section>
  );
}

type QuestionValues = {
  language: InquiryLanguage;
  question: string;
  name: string;
  niss: string;
  enterprise_number: string;
};

/** The fund asks the institute; the question arrives in the call center's list as channel "fund". */
function AskForm(props: { onAsked: (ref: string) => void }) {
  const { t, i18n } = useTranslation();
  const submission = useInquirySubmission();
  const empty = (): QuestionValues => ({
    language: i18n.language === 'nl' ? 'nl' : 'fr',
    question: '',
    name: '',
    niss: '',
    enterprise_number: '',
  });
  const [values, setValues] = useState<QuestionValues>(empty);
  const set = (field: keyof QuestionValues) => (event: { currentTarget: { value: string } }) =>
    setValues({ ...values, [field]: event.currentTarget.value });
  const send = () => {
    const missing = missingFields(values, ['question']);
    if (missing.length > 0) return submission.fail(requiredFieldsError(missing));
    const requester = {
      ...(values.name.trim() && { name: values.name.trim() }),
      ...(values.niss.trim() && { niss: values.niss.trim() }),
      ...(values.enterprise_number.trim() && { enterprise_number: values.enterprise_number.trim() }),
    };
    void submission
      .run(async () => {
        const created = await backofficeActions.askAsFund({
          language: values.language,
          question: values.question.trim(),
          ...(Object.keys(requester).length > 0 && { requester }),
        });
        props.onAsked(created.ref);
        return t(`${K}.questions.asked`, { ref: created.ref });
      })
      .then((isDone) => isDone && setValues(empty()));
  };
  return (
    <ActionForm
      id="portal-ask-title"
      title={t(`${K}.questions.ask_title`)}
      help={t(`${K}.questions.ask_help`)}
      submission={submission}
      fields={['language', 'question', 'requester.name', 'requester.niss', 'requester.enterprise_number']}
      submitLabel={t(`${K}.questions.ask_submit`)}
      onSubmit={send}
    >
      {(errors) => (
        <>
          <NativeSelect
            name="language"
            label={t(`${K}.questions.language`)}
            value={values.language}
            onChange={set('language')}
            data={INQUIRY_LANGUAGES.map((value) => ({ value, label: t(`${K}.languages.${value}`) }))}
            error={errors.language}
            w={220}
          />
          <Textarea
            name="question"
            label={t(`${K}.questions.question`)}
            required
            autosize
            minRows={3}
            maxRows={12}
            value={values.question}
            onChange={set('question')}
            error={errors.question}
            lang={values.language}
          />
          <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="md">
            <TextInput
              name="name"
              label={t(`${K}.questions.person_name`)}
              description={t(`${K}.questions.optional`)}
              value={values.name}
              onChange={set('name')}
              error={errors['requester.name']}
            />
            <TextInput
              name="niss"
              label={t(`${K}.questions.niss`)}
              description={t(`${K}.questions.optional`)}
              value={values.niss}
              onChange={set('niss')}
              error={errors['requester.niss']}
              inputMode="numeric"
            />
            <TextInput
              name="enterprise_number"
              label={t(`${K}.questions.enterprise_number`)}
              description={t(`${K}.questions.optional`)}
              value={values.enterprise_number}
              onChange={set('enterprise_number')}
              error={errors['requester.enterprise_number']}
            />
          </SimpleGrid>
        </>
      )}
    </ActionForm>
  );
}

/** One of the fund's questions, opened: what was asked and the institute's answer, once given. */
function QuestionDetail(props: { inquiryRef: string }) {
  const { t } = useTranslation();
  const inquiry = useInquiry(props.inquiryRef);
  const titleId = `portal-question-${props.inquiryRef}`;
  return (
    <Paper withBorder p="md" component="section" aria-labelledby={titleId}>
      <Title order={3} fz="h5" id={titleId} mb="sm">
        {t(`${K}.questions.detail_title`, { ref: props.inquiryRef })}
      </Title>
      {inquiry.isPending ? (
        <LoadingState />
      ) : inquiry.isError ? (
        <ErrorState error={inquiry.error} onRetry={() => void inquiry.refetch()} />
      ) : (
        <Stack gap="sm">
          <Group gap="xs">
            <InquiryStatusBadge status={inquiry.data.status} />
            <Text size="sm" c="dimmed">
              {t(`${K}.questions.asked_at`, { date: formatInstant(inquiry.data.created_at) })}
            </Text>
          </Group>
          <Text size="sm" className="inq-prewrap" lang={inquiry.data.language}>
            {inquiry.data.question}
          </Text>
          <Title order={4} fz="sm">
            {t(`${K}.questions.answer`)}
          </Title>
          {inquiry.data.messages.filter((m) => m.kind === 'answer').length === 0 ? (
            <Text size="sm" c="dimmed">
              {t(`${K}.questions.no_answer`)}
            </Text>
          ) : (
            inquiry.data.messages
              .filter((message) => message.kind === 'answer')
              .map((message) => (
                <div key={message.id} data-testid="portal-answer">
                  <Text size="xs" c="dimmed">
                    {formatInstant(message.created_at)}
                  </Text>
                  <Text size="sm" className="inq-prewrap" lang={inquiry.data.language}>
                    {message.body}
                  </Text>
                </div>
              ))
          )}
          {inquiry.data.answer_entry && (
            <Text size="sm">
              {t(`${K}.questions.faq_answer`)}{' '}
              <Anchor
                underline="always"
                component={Link}
                to={`/knowledge/search?ref=${encodeURIComponent(inquiry.data.answer_entry.ref)}`}
              >
                {inquiry.data.answer_entry.ref}
              </Anchor>
            </Text>
          )}
        </Stack>
      )}
    </Paper>
  );
}

function QuestionsSection() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const page = Math.max(1, Number(params.get('page')) || 1);
  const openRef = params.get('question');
  const list = useInquiryList({ limit: PAGE_SIZE, offset: (page - 1) * PAGE_SIZE });
  const pageCount = Math.max(1, Math.ceil((list.data?.total ?? 0) / PAGE_SIZE));
  const setParam = (name: string, value: string | null) =>
    setParams(
      () => {
        const next = latestSearchParams();
        if (value) next.set(name, value);
        else next.delete(name);
        return next;
      },
      { replace: true },
    );
  return (
    <section aria-labelledby="portal-questions-title">
      <Title order={2} fz="h3" id="portal-questions-title" mb={4}>
        {t(`${K}.questions.title`)}
      </Title>
      <Text size="sm" c="dimmed" mb="md">
        {t(`${K}.questions.intro`)}
      </Text>
      <Stack gap="md">
        <AskForm onAsked={(ref) => setParam('question', ref)} />
        {list.isPending ? (
          <LoadingState />
        ) : list.isError ? (
          <ErrorState error={list.error} onRetry={() => void list.refetch()} />
        ) : list.data.items.length === 0 ? (
          <Empty title={t(`${K}.questions.none`)} />
        ) : (
          <Paper withBorder>
            <Table.ScrollContainer minWidth={640}>
              <Table verticalSpacing="sm" striped captionSide="bottom" className="data-table">
                <Table.Caption>{t(`${K}.questions.caption`, { count: list.data.total })}</Table.Caption>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th scope="col">{t(`${K}.questions.ref`)}</Table.Th>
                    <Table.Th scope="col">{t(`${K}.questions.asked_on`)}</Table.Th>
                    <Table.Th scope="col">{t(`${K}.questions.question`)}</Table.Th>
                    <Table.Th scope="col">{t(`${K}.questions.status`)}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody aria-busy={list.isFetching}>
                  {list.data.items.map((item) => (
                    <Table.Tr key={item.ref} aria-current={item.ref === openRef ? 'true' : undefined}>
                      <Table.Td>
                        <Button
                          variant="subtle"
                          size="compact-sm"
                          ff="monospace"
                          aria-expanded={item.ref === openRef}
                          aria-label={t(`${K}.questions.open`, { ref: item.ref })}
                          onClick={() => setParam('question', item.ref === openRef ? null : item.ref)}
                        >
                          {item.ref}
                        </Button>
                      </Table.Td>
                      <Table.Td>{formatInstant(item.created_at)}</Table.Td>
                      <Table.Td maw={380}>
                        <Text size="sm" lang={item.language}>
                          {excerpt(item.question, 120)}
                        </Text>
                      </Table.Td>
                      <Table.Td>
                        <Group gap={4}>
                          <InquiryStatusBadge status={item.status} />
                          {item.first_answered_at && (
                            <Badge variant="outline" size="sm" color="teal.9">
                              {t(`${K}.questions.has_answer`)}
                            </Badge>
                          )}
                        </Group>
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
          </Paper>
        )}
        <Pager page={page} pageCount={pageCount} onChange={(value) => setParam('page', String(value))} />
        {openRef && <QuestionDetail key={openRef} inquiryRef={openRef} />}
      </Stack>
    </section>
  );
}
