create extension if not exists btree_gist;

-- FHIR Appointment statuses: booked, arrived, fulfilled, cancelled, noshow.
create table appointment (
    id            uuid primary key,
    referral_id   uuid        not null,
    cycle         int         not null,
    provider_id   text        not null,
    location      text        not null,
    start_at      timestamptz not null,
    end_at        timestamptz not null,
    status        text        not null,
    not_before    timestamptz,
    no_shows      int         not null default 0,
    cancel_reason text,
    cancelled_by  text,
    units         int,
    sites         int,
    lot_number    text,
    notes         text,
    created_at    timestamptz not null,
    updated_at    timestamptz not null,
    check (end_at > start_at),
    -- the 12-week rule, enforced by the database too: never before 84 days after the last treatment
    constraint respects_treatment_interval check (not_before is null or start_at >= not_before),
    -- no provider is ever booked twice for overlapping times
    constraint no_double_booking exclude using gist (provider_id with =, tstzrange(start_at, end_at) with &&)
        where (status in ('booked', 'arrived', 'fulfilled'))
);
-- at most one live appointment per referral and cycle
create unique index one_appointment_per_cycle on appointment (referral_id, cycle)
    where status in ('booked', 'arrived', 'fulfilled');
create index appointment_start on appointment (start_at);
create index appointment_referral on appointment (referral_id, cycle);

create table closure (
    id           uuid primary key,
    provider_id  text,
    starts_on    date not null,
    ends_on      date not null,
    reason       text not null,
    check (ends_on >= starts_on)
);

-- Every change, numbered, for the schedulers' live feed and its replay after a reconnect (Last-Event-ID).
create table appointment_change (
    seq             bigserial primary key,
    appointment_id  uuid        not null,
    kind            text        not null,
    at              timestamptz not null
);
