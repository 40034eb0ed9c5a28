-- ML predictions as clients log them, and their hourly per-model roll-ups, which the
-- writer keeps up to date in the same transaction as every insert and delete.

-- The writer takes ids before the insert, so a batch insert needs no generated keys back
-- (H2 has no RETURNING): each nextval reserves the block [value, value + 100), which the
-- single writer hands out one by one. A plain insert that uses the column default gets the
-- first id of a block of its own, so both never collide.
create sequence prediction_ids start with 1 increment by 100;

create table predictions (
    id              bigint                      default nextval('prediction_ids') not null primary key,
    model_name      varchar(255)                not null,
    duration_ms     integer                     not null,
    was_successful  boolean                     not null,
    -- the "timestamp" of the API: when the prediction was made
    predicted_at    timestamp with time zone    not null,
    constraint ck_predictions_duration check (duration_ms >= 0)
);

-- listing newest first, with and without a model filter
create index ix_predictions_model_time on predictions (model_name, predicted_at, id);
create index ix_predictions_time on predictions (predicted_at, id);

-- One row per model and UTC hour, and one per model and UTC day (bucket_span 'hour' or
-- 'day'). Counts and sums are exact; duration_sketch is a DDSketch (1 % relative
-- accuracy) of the durations, merged at read time for percentiles. Stats over a date range
-- read the day rows, so they cost O(days) whatever the number of predictions. min/max and
-- first/last are exact: a delete that removes an extreme recomputes the hour from its
-- rows, and a delete rebuilds the day from its 24 hours.
create table prediction_rollups (
    model_name      varchar(255)                not null,
    bucket_span     varchar(4)                  not null,
    bucket_start    timestamp with time zone    not null,
    request_count   bigint                      not null,
    success_count   bigint                      not null,
    duration_sum    bigint                      not null,
    duration_min    integer                     not null,
    duration_max    integer                     not null,
    first_at        timestamp with time zone    not null,
    last_at         timestamp with time zone    not null,
    duration_sketch bytea                       not null,
    constraint pk_prediction_rollups primary key (model_name, bucket_span, bucket_start),
    constraint ck_prediction_rollups_span check (bucket_span in ('hour', 'day'))
);
