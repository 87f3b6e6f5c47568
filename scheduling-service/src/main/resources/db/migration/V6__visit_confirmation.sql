-- The patient's own confirmation of a visit, for the time it started when confirmed: a visit moved since shows as
-- unconfirmed again on the board, so staff call the unconfirmed the day before.
create table visit_confirmation (
    appointment_id  uuid primary key references appointment (id),
    start           timestamptz not null,
    confirmed_at    timestamptz not null
);
