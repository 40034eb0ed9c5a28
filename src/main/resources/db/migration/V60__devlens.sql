-- DevLens (ProdLens): AI-assistant sessions normalised from traces, the trace lines an import
-- refused, GitHub pull requests and commits, and the daily roll-ups every KPI reads.

-- One AI-assistant request. trace_hash is ProdLens' dedup key (SHA-1 of the canonical fields),
-- so importing the same trace again updates the row instead of adding one. cost_usd is null
-- when the catalog has no price for the model at the session's time (unpriced), never 0.
create table devlens_sessions (
    trace_hash      varchar(40)                 not null primary key,
    session_id      varchar(255),
    developer_id    varchar(255),
    started_at      timestamp with time zone    not null,
    model           varchar(255),
    tokens_in       bigint                      not null,
    tokens_out      bigint                      not null,
    total_tokens    bigint                      not null,
    latency_ms      double precision            not null,
    status_code     integer,
    accepted_flag   boolean                     not null,
    repo_slug       varchar(255)                not null,
    event_date      date                        not null,
    cost_usd        numeric(24, 12),
    diff_ratio      double precision,
    accepted_lines  integer,
    trace_format    varchar(16)                 not null,
    imported_at     timestamp with time zone    not null,
    constraint ck_devlens_sessions_tokens check (tokens_in >= 0 and tokens_out >= 0),
    constraint ck_devlens_sessions_cost check (cost_usd is null or cost_usd >= 0)
);

-- the list's sort orders (ties broken by trace_hash) and its filters
create index ix_devlens_sessions_time on devlens_sessions (started_at, trace_hash);
create index ix_devlens_sessions_cost on devlens_sessions (cost_usd, trace_hash);
create index ix_devlens_sessions_cost_desc on devlens_sessions (cost_usd desc nulls last, trace_hash desc);
create index ix_devlens_sessions_tokens on devlens_sessions (total_tokens, trace_hash);
create index ix_devlens_sessions_latency on devlens_sessions (latency_ms, trace_hash);
create index ix_devlens_sessions_developer on devlens_sessions (developer_id, started_at);
create index ix_devlens_sessions_repo on devlens_sessions (repo_slug, started_at);
create index ix_devlens_sessions_model on devlens_sessions (model, started_at);
create index ix_devlens_sessions_session on devlens_sessions (session_id, started_at);

-- One row per UTC day, developer, repository and model ('' stands for none), kept up to date
-- in the transaction that writes the sessions: /api/metrics, /api/insights and /api/profile add
-- these up and never read a session. Costs are split into priced and unpriced sessions.
create table devlens_daily (
    event_date          date                        not null,
    developer_id        varchar(255)                not null,
    repo_slug           varchar(255)                not null,
    model               varchar(255)                not null,
    session_count       bigint                      not null,
    accepted_count      bigint                      not null,
    error_count         bigint                      not null,
    tokens_in           bigint                      not null,
    tokens_out          bigint                      not null,
    total_tokens        bigint                      not null,
    priced_count        bigint                      not null,
    cost_usd            numeric(24, 12)             not null,
    unpriced_count      bigint                      not null,
    unpriced_tokens     bigint                      not null,
    latency_sum         double precision            not null,
    accepted_tokens     bigint                      not null,
    accepted_lines      bigint                      not null,
    accepted_lines_seen bigint                      not null,
    diff_count          bigint                      not null,
    diff_sum            double precision            not null,
    diff_above          bigint                      not null,
    first_at            timestamp with time zone    not null,
    last_at             timestamp with time zone    not null,
    constraint pk_devlens_daily primary key (event_date, developer_id, repo_slug, model)
);

create index ix_devlens_daily_repo on devlens_daily (repo_slug, event_date);
create index ix_devlens_daily_developer on devlens_daily (developer_id, event_date);

-- The latencies of each UTC day and repository as a DDSketch (1 % relative accuracy), merged at
-- read time for the median latency; one sketch per day and repository keeps that merge small.
create table devlens_daily_latency (
    event_date      date            not null,
    repo_slug       varchar(255)    not null,
    latency_sketch  bytea           not null,
    constraint pk_devlens_daily_latency primary key (event_date, repo_slug)
);

-- Lines of a trace import that could not be read, kept with the reason so they can be fixed
-- and sent again (content is cut at 10 000 characters).
create table devlens_rejected_traces (
    id              uuid                        not null primary key,
    import_id       uuid                        not null,
    line_number     integer                     not null,
    reason          varchar(1000)               not null,
    content         varchar(10000)              not null,
    rejected_at     timestamp with time zone    not null
);

create index ix_devlens_rejected_time on devlens_rejected_traces (rejected_at, id);
create index ix_devlens_rejected_import on devlens_rejected_traces (import_id, line_number);

-- GitHub pull requests (upserted on GitHub's id) and commits (upserted on sha).
create table devlens_pull_requests (
    id              bigint                      not null primary key,
    number          integer                     not null,
    title           varchar(1000),
    author          varchar(255),
    state           varchar(16)                 not null,
    created_at      timestamp with time zone    not null,
    merged_at       timestamp with time zone,
    updated_at      timestamp with time zone,
    reopened        boolean                     not null,
    repo_slug       varchar(255)                not null,
    constraint ck_devlens_pull_requests_state check (state in ('open', 'closed'))
);

create index ix_devlens_prs_repo on devlens_pull_requests (repo_slug, created_at);
create index ix_devlens_prs_author on devlens_pull_requests (author, repo_slug, created_at);
create index ix_devlens_prs_created on devlens_pull_requests (created_at);

create table devlens_commits (
    sha             varchar(64)                 not null primary key,
    author          varchar(255),
    committed_at    timestamp with time zone    not null,
    repo_slug       varchar(255)                not null
);

create index ix_devlens_commits_repo on devlens_commits (repo_slug, committed_at);
create index ix_devlens_commits_author on devlens_commits (author, repo_slug, committed_at);
create index ix_devlens_commits_time on devlens_commits (committed_at);
