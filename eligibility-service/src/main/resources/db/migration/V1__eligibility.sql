-- The facts a decision is made on, kept per referral: baseline at referral, treatment so far, newest diary.
create table referral_case (
    referral_id           uuid primary key,
    policy_id             text        not null,
    applicant             jsonb       not null,
    withdrawn             boolean     not null default false,
    latest_headache_days  int,
    latest_headache_at    timestamptz,
    received_at           timestamptz not null
);

create table treated_cycle (
    referral_id  uuid not null,
    cycle        int  not null,
    primary key (referral_id, cycle)
);

-- Every decision, by the rules or by a clinician, with the policy version it was made on (the audit trail).
create table decision (
    id              uuid primary key,
    referral_id     uuid        not null,
    cycle           int         not null,
    outcome         text        not null,
    reasons         jsonb       not null,
    policy_id       text        not null,
    policy_version  text        not null,
    decided_by      text        not null,
    clinician       text,
    note            text,
    decided_at      timestamptz not null
);
-- a redelivered event can never yield a second rules decision for the same cycle
create unique index decision_once_by_rules on decision (referral_id, cycle) where decided_by = 'RULES';
create index decision_referral on decision (referral_id, decided_at);

create table review (
    id                         uuid primary key,
    referral_id                uuid        not null,
    cycle                      int         not null,
    status                     text        not null,
    open_reasons               jsonb       not null,
    policy_id                  text        not null,
    policy_version             text        not null,
    authorization_number       text,
    authorization_valid_until  date,
    outcome                    text,
    note                       text,
    clinician                  text,
    opened_at                  timestamptz not null,
    closed_at                  timestamptz,
    unique (referral_id, cycle)
);
create index review_status on review (status, opened_at);
