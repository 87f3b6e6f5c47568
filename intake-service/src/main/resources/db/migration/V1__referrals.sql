create table referral (
    id                 uuid primary key,
    patient_id         uuid        not null,
    first_name         text        not null,
    last_name          text        not null,
    date_of_birth      date        not null,
    email              text,
    phone              text,
    time_zone          text        not null,
    preferred_channel  text        not null,
    referrer_name      text        not null,
    referrer_npi       text        not null,
    payer_policy       text        not null,
    member_id          text        not null,
    diagnosis_code     text        not null,
    clinical           jsonb       not null,
    status             text        not null,
    withdrawn_at       timestamptz,
    withdrawal_reason  text,
    created_at         timestamptz not null
);
create index referral_created on referral (created_at desc);
create index referral_status on referral (status, created_at desc);
create index referral_search on referral (lower(last_name), lower(first_name), lower(member_id));

create table idempotency_key (
    key          text primary key,
    request_hash text        not null,
    referral_id  uuid        not null,
    created_at   timestamptz not null default now()
);

-- What the other services said about a referral, one row per event: the timeline and the facts status is derived from.
create table referral_event (
    event_id     uuid primary key,
    referral_id  uuid        not null,
    occurred_at  timestamptz not null,
    event        text        not null,
    summary      text        not null,
    cycle        int,
    outcome      text,
    reasons      jsonb
);
create index referral_event_referral on referral_event (referral_id, occurred_at);

create table appointment (
    id           uuid primary key,
    referral_id  uuid        not null,
    cycle        int         not null,
    start_at     timestamptz not null,
    end_at       timestamptz not null,
    provider_id  text        not null,
    location     text        not null,
    clinic_zone  text        not null,
    status       text        not null,
    updated_at   timestamptz not null
);
create index appointment_referral on appointment (referral_id);
