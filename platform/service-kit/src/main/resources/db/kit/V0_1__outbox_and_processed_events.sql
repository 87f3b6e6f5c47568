-- Shared by every service: the transactional outbox and the record of consumed events.

create table outbox (
    id            bigserial primary key,
    event_id      uuid        not null unique,
    topic         text        not null,
    message_key   text        not null,
    event_type    text        not null,
    payload       bytea       not null,
    created_at    timestamptz not null default now(),
    published_at  timestamptz,
    attempts      int         not null default 0,
    last_error    text
);

create index outbox_unpublished on outbox (id) where published_at is null;

create table processed_event (
    event_id      uuid        not null,
    consumer      text        not null,
    processed_at  timestamptz not null default now(),
    primary key (event_id, consumer)
);
