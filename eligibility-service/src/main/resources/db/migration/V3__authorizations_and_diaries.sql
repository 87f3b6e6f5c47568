-- Every monthly diary answer by the cycle it followed: continuation for cycle n + 1 is judged on cycle n's
-- reports only, the episodic rule on the last months across cycles.
create table diary_report (
    referral_id    uuid        not null,
    cycle          int         not null,
    headache_days  int         not null check (headache_days between 0 and 31),
    reported_at    timestamptz not null,
    primary key (referral_id, cycle, reported_at)
);
-- the newest answer kept before becomes a report of the last cycle treated
insert into diary_report (referral_id, cycle, headache_days, reported_at)
select c.referral_id, coalesce((select max(t.cycle) from treated_cycle t where t.referral_id = c.referral_id), 1),
       c.latest_headache_days, c.latest_headache_at
from referral_case c
where c.latest_headache_days is not null and c.latest_headache_at is not null;

-- the day of each treatment, for the 84 days and for the treatments an authorization has covered
alter table treated_cycle add column treatment_day date;
create index referral_case_patient on referral_case (patient_id);

-- The payer's prior authorizations, per patient (per referral before patients were known) and payer policy. The
-- treatments used are counted from treated_cycle, never stored.
create table prior_authorization (
    id                     uuid primary key,
    referral_id            uuid        not null,
    patient_id             uuid,
    policy_id              text        not null,
    number                 text        not null,
    valid_from             date        not null,
    valid_until            date        not null,
    treatments_authorized  int         not null check (treatments_authorized between 1 and 20),
    recorded_by            text        not null,
    recorded_at            timestamptz not null,
    check (valid_from <= valid_until)
);
create index prior_authorization_holder on prior_authorization (coalesce(patient_id, referral_id), policy_id,
    recorded_at);

-- what an ELIGIBLE decision relied on, as published
alter table decision add column relied_on_authorization jsonb;
