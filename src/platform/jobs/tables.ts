/** The tables platform/jobs owns. */
export interface JobTables {
  platform_job: {
    id: string;
    kind: string;
    /** JSON. */
    payload: string;
    status: JobStatus;
    progress_done: number;
    progress_total: number;
    progress_message: string | null;
    /** JSON metadata a finished job leaves (a page count, a size), never the file itself. */
    result: string | null;
    error_code: string | null;
    attempts: number;
    max_attempts: number;
    run_after: string;
    claimed_by: string | null;
    claimed_at: string | null;
    heartbeat_at: string | null;
    keep_minutes: number;
    expires_at: string | null;
    created_by: string | null;
    created_at: string;
    updated_at: string;
    finished_at: string | null;
  };
  platform_job_file: {
    job_id: string;
    name: string;
    content_type: string;
    byte_size: number;
    content: Uint8Array;
    created_at: string;
  };
}

export const JOB_STATUSES = ['queued', 'running', 'done', 'failed'] as const;
export type JobStatus = (typeof JOB_STATUSES)[number];
export type JobRow = JobTables['platform_job'];
