-- An earlier slot scheduling offered to a waiting patient, kept so the offer's message can say when, where and
-- how to take it.
create table slot_offer (
    offer_id        uuid        not null,
    appointment_id  uuid        not null,
    referral_id     uuid        not null,
    start_at        timestamptz not null,
    end_at          timestamptz not null,
    provider        text,
    location        text        not null,
    clinic_zone     text        not null,
    offer_url       text        not null,
    primary key (offer_id, appointment_id)
);
