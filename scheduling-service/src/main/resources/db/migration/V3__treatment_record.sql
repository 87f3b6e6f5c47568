-- The dose record of a treated visit, as the clinician entered it (appointment.units / sites / lot_number keep the
-- totals the board and the events use).
create table treatment_record (
    appointment_id   uuid primary key references appointment (id),
    administered_at  timestamptz not null,
    product          text        not null,
    lot              text        not null,
    lot_expiry       date        not null,
    wasted_units     int         not null check (wasted_units between 0 and 400),
    override_reason  text,
    note             text,
    injector         text        not null
);

create table treatment_site (
    appointment_id  uuid not null references treatment_record (appointment_id),
    position        int  not null,
    muscle          text not null,
    other_muscle    text,
    side            text not null,
    injections      int  not null check (injections between 1 and 40),
    units           int  not null check (units between 1 and 400),
    primary key (appointment_id, position),
    check ((muscle = 'OTHER') = (other_muscle is not null))
);
