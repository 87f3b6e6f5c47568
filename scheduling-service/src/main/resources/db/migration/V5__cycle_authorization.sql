-- The last day the payer's prior authorization covers, per cycle, from the eligible decision: every booking of the
-- cycle (automatic, by hand, moved, from the worklist) stays on or before it.
create table cycle_authorization (
    referral_id       uuid not null,
    cycle             int  not null,
    authorized_until  date not null,
    primary key (referral_id, cycle)
);

-- an eligible cycle that could not be booked automatically has lost no visit
alter table rebooking alter column appointment_id drop not null;
