-- Cost-simulation scenarios, their ingested logs (never the full message) and hourly roll-ups that the
-- metrics read instead of scanning logs. Roll-ups and total_requests change in the same transaction as
-- the log rows.
create table scenarios (
    id                  uuid                        not null primary key,
    name                varchar(255)                not null,
    description         varchar(2000),
    region              varchar(32)                 not null,
    status              varchar(16)                 not null,
    -- JSON array of strings
    tags                varchar(4000)               not null,
    total_requests      bigint                      not null,
    lambda_batch_size   integer                     not null,
    lambda_memory_mb    integer                     not null,
    lambda_duration_ms  integer                     not null,
    bedrock_model       varchar(64)                 not null,
    output_tokens_ratio numeric(12, 6)              not null,
    created_at          timestamp with time zone    not null,
    updated_at          timestamp with time zone    not null,
    started_at          timestamp with time zone,
    completed_at        timestamp with time zone,
    constraint uk_scenarios_name unique (name),
    constraint ck_scenarios_status check (status in ('draft', 'running', 'completed', 'archived'))
);

create index ix_scenarios_status on scenarios (status);

create table scenario_logs (
    id                  uuid                        not null primary key,
    scenario_id         uuid                        not null,
    received_at         timestamp with time zone    not null,
    message_hash        char(64)                    not null,
    message_preview     varchar(4000)               not null,
    source              varchar(255)                not null,
    size_bytes          integer                     not null,
    has_pii             boolean                     not null,
    -- comma-separated lower-case PII type names, empty when none
    pii_types           varchar(255)                not null,
    token_count         integer                     not null,
    sqs_blocks          integer                     not null
);

create index ix_scenario_logs_scenario_time on scenario_logs (scenario_id, received_at);

create table scenario_rollups (
    scenario_id         uuid                        not null,
    bucket_start        timestamp with time zone    not null,
    requests            bigint                      not null,
    total_bytes         bigint                      not null,
    tokens              bigint                      not null,
    sqs_blocks          bigint                      not null,
    pii_count           bigint                      not null,
    constraint pk_scenario_rollups primary key (scenario_id, bucket_start)
);
