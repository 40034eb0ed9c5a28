-- Idempotency-Key of writes that may time out (ingest, predict-log, traces), per caller, shared by every
-- instance. state: in_flight (the first request runs; retries get 409 until lease_until), uncertain (its
-- commit timed out and may still happen), done (status, content_type and body are the first response).
create table idempotency_keys (
    caller          varchar(64)                 not null,
    idem_key        varchar(255)                not null,
    fingerprint     varchar(64)                 not null,
    state           varchar(16)                 not null,
    status          integer,
    content_type    varchar(255),
    body            text,
    created_at      timestamp with time zone    not null,
    expires_at      timestamp with time zone    not null,
    lease_until     timestamp with time zone    not null,
    primary key (caller, idem_key)
);

create index ix_idempotency_keys_expires_at on idempotency_keys (expires_at);
