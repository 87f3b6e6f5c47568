-- A slot freed by a cancellation, offered to the patients waiting for a later visit whose window it fits; the
-- first to take it moves there (the row is locked while it is taken), the others are told it is taken.
create table slot_offer (
    id                 uuid primary key,
    provider_id        text        not null,
    location           text        not null,
    start_at           timestamptz not null,
    end_at             timestamptz not null,
    freed_appointment  uuid        not null,
    offered_at         timestamptz not null,
    taken_by           uuid,
    taken_at           timestamptz
);

create table slot_offer_recipient (
    offer_id        uuid not null references slot_offer (id),
    appointment_id  uuid not null,
    primary key (offer_id, appointment_id)
);
