-- The schedulers' rebooking worklist: cycles left without a visit (called off by the clinic, a no-show not booked
-- again by itself) until they are booked again.
create table rebooking (
    id              bigserial primary key,
    referral_id     uuid        not null,
    cycle           int         not null,
    reason          text        not null,
    appointment_id  uuid        not null,
    opened_at       timestamptz not null,
    resolved_at     timestamptz
);
-- a cycle is on the list once at a time
create unique index rebooking_open on rebooking (referral_id, cycle) where resolved_at is null;
