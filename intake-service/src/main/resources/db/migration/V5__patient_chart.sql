-- What the downstream events bring for the patient chart, one row per event (redelivery changes nothing).
create table treatment (
    event_id     uuid primary key,
    referral_id  uuid not null references referral (id),
    cycle        int  not null,
    treated_on   date not null,
    units        int  not null
);
create index treatment_referral on treatment (referral_id);

create table diary_report (
    event_id       uuid primary key,
    referral_id    uuid        not null references referral (id),
    cycle          int         not null,
    reported_at    timestamptz not null,
    headache_days  int         not null
);
create index diary_report_referral on diary_report (referral_id);

-- A decision's payer facts: the authorization it relied on and the continuation line, either may be absent.
create table decision_detail (
    event_id                    uuid primary key,
    referral_id                 uuid        not null references referral (id),
    cycle                       int         not null,
    decided_at                  timestamptz not null,
    authorization_number        text,
    valid_from                  date,
    valid_until                 date,
    treatments_authorized       int,
    treatments_used             int,
    continuation_headache_days  double precision
);
create index decision_detail_referral on decision_detail (referral_id);
