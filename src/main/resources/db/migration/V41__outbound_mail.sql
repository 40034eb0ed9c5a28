-- Mail waiting for the job that sends it. A sent message is deleted; one that could not be sent after every
-- retry keeps its recipient and the reason, and loses its body (it may carry a reset link).
create table outbound_mail (
    id              uuid                        not null primary key,
    kind            varchar(32)                 not null,
    recipient       varchar(320)                not null,
    subject         varchar(500)                not null,
    text_body       text                        not null,
    html_body       text                        not null,
    created_at      timestamp with time zone    not null,
    status          varchar(16)                 not null,
    failure         varchar(1000),
    constraint ck_outbound_mail_status check (status in ('queued', 'failed'))
);

-- The language of the mail a user gets: 'en' or 'it'.
alter table users add column locale varchar(8) default 'en' not null;
