-- Generated scenario reports. The file itself is stored in 1 MiB chunks, so no instance ever holds a large
-- report in memory, and any instance can serve the download.
create table reports (
    id              uuid                        not null primary key,
    scenario_id     uuid                        not null,
    requested_by    uuid                        not null,
    format          varchar(8)                  not null,
    sections        varchar(100)                not null,
    granularity     varchar(8)                  not null,
    status          varchar(16)                 not null,
    failure         varchar(1000),
    size_bytes      bigint,
    file_name       varchar(300)                not null,
    created_at      timestamp with time zone    not null,
    started_at      timestamp with time zone,
    completed_at    timestamp with time zone,
    expires_at      timestamp with time zone    not null,
    constraint ck_reports_format check (format in ('pdf', 'csv')),
    constraint ck_reports_status check (status in ('queued', 'running', 'completed', 'failed'))
);

create index ix_reports_scenario on reports (scenario_id, created_at);
create index ix_reports_expires on reports (expires_at);

create table report_chunks (
    report_id       uuid                        not null,
    seq             integer                     not null,
    data            bytea                       not null,
    constraint pk_report_chunks primary key (report_id, seq)
);
