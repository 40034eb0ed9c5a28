-- The append-only audit log. Each entry's hash covers the previous entry's hash, so editing or
-- deleting a row breaks the chain from there on (GET /api/v2/audit/verify finds it).
create table audit_log (
    id              bigint                      not null primary key,
    occurred_at     timestamp with time zone    not null,
    actor           varchar(100)                not null,
    event_type      varchar(64)                 not null,
    action          varchar(64)                 not null,
    resource_type   varchar(64),
    resource_id     varchar(100),
    -- JSON object as text (portable between H2 and PostgreSQL)
    details         text                        not null,
    client_ip       varchar(64),
    prev_hash       varchar(64)                 not null,
    hash            varchar(64)                 not null
);

create index ix_audit_log_occurred_at on audit_log (occurred_at);
create index ix_audit_log_actor on audit_log (actor);
create index ix_audit_log_event_type on audit_log (event_type);
create index ix_audit_log_resource on audit_log (resource_type, resource_id);

-- The head of the chain: appends lock this row (select ... for update), so the chain never forks,
-- not even with several instances on one database.
create table audit_chain (
    id              integer                     not null primary key,
    last_id         bigint                      not null,
    last_hash       varchar(64)                 not null
);

insert into audit_chain (id, last_id, last_hash)
values (1, 0, '0000000000000000000000000000000000000000000000000000000000000000');
