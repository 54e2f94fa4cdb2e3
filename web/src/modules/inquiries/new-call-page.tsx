import { Alert, Anchor, Button, Grid, Paper, Stack, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { errorMessage } from '../../app/problems.js';
import { FormErrors, PageHeader } from '../../app/ui.js';
import '../knowledge/knowledge.css';
import './inquiries.css';
import { inquiryPath } from './api.js';
import { AnswerActions } from './new-call/answer-actions.js';
import { CallDone } from './new-call/call-done.js';
import { CallerFields, CallerIdentification } from './new-call/caller-fields.js';
import { QuestionField } from './new-call/question-field.js';
import { ShortcutHelp } from './new-call/shortcut-help.js';
import { CallSuggestions, ChosenEntryPreview, SuggestionAnnouncements } from './new-call/suggestions.js';
import { useNewCall } from './new-call/use-new-call.js';

/**
 * The agent's screen during a call: the question typed first, FAQ suggestions as it is typed, one
 * key to answer with the chosen one. Everything is reachable without the mouse, and the shortcuts
 * are written next to what they do. State and actions are in useNewCall; the parts only show them.
 */
export function NewCallPage() {
  const { t } = useTranslation();
  const call = useNewCall();
  const { error, others } = call.submission;

  return (
    <>
      <PageHeader
        title={t('web.areas.inqNew.title')}
        description={t('web.inquiries.new_call.intro')}
        actions={
          <Button component={Link} to="/inquiries" variant="default">
            {t('web.inquiries.new_call.to_list')}
          </Button>
        }
      />
      <ShortcutHelp />
      {call.done && <CallDone done={call.done} />}
      <Grid gap="lg">
        <Grid.Col span={{ base: 12, md: 6 }}>
          <Paper withBorder p="md" component="section" aria-labelledby="call-form-title">
            <Title order={2} fz="h4" id="call-form-title" mb="sm">
              {t('web.inquiries.new_call.the_call')}
            </Title>
            <Stack gap="md">
              {error !== null && <FormErrors title={errorMessage(error)} messages={others} />}
              {call.partlyDoneRef && (
                <Alert color="orange" variant="light" role="note" className="kb-alert-warn">
                  {t('web.inquiries.new_call.partly_done', { ref: call.partlyDoneRef })}{' '}
                  <Anchor component={Link} to={inquiryPath(call.partlyDoneRef)}>
                    {t('web.inquiries.new_call.open', { ref: call.partlyDoneRef })}
                  </Anchor>
                </Alert>
              )}
              <CallerFields call={call} />
              <QuestionField call={call} />
              <CallSuggestions call={call} />
              <CallerIdentification call={call} />
              <AnswerActions call={call} />
            </Stack>
          </Paper>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 6 }}>
          <ChosenEntryPreview call={call} />
        </Grid.Col>
      </Grid>
      <SuggestionAnnouncements call={call} />
    </>
  );
}
