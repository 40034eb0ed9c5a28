-- The correlation id of the request that queued a one-off job, so that the job's log lines and spans
-- carry it on whichever instance runs it, retries included. Only Costlens writes it; db-scheduler
-- names its columns and leaves this one alone, and the row (with it) goes when the execution does.
alter table scheduled_tasks add column correlation_id varchar(128);
